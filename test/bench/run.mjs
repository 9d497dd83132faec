// Entry point of `npm run bench`:
//   node test/bench/run.mjs [exporter] [openai] [startup] [--quick]
// Runs the chosen suites (all by default), prints their markdown tables and writes them to
// test/bench/results/latest.md (a suite not run keeps its previous section).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { BENCH_DIR, ROOT_DIR } from './lib/peers.mjs';

const SUITES = {
  exporter: async (opts) => (await import('./exporter/index.mjs')).runExporterBench(opts),
  openai: async (opts) => (await import('./openai/index.mjs')).runOpenAIBench(opts),
  startup: async (opts) => (await import('./startup/index.mjs')).runStartupBench(opts),
};
const ORDER = Object.keys(SUITES);

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const unknown = args
  .filter((a) => a.startsWith('-') && a !== '--quick')
  .concat(args.filter((a) => !a.startsWith('-') && !SUITES[a]));
if (unknown.length) {
  console.error(`unknown argument(s): ${unknown.join(' ')}\nusage: run.mjs [${ORDER.join('|')} …] [--quick]`);
  process.exit(2);
}
const chosen = args.filter((a) => SUITES[a]);
const suites = chosen.length ? ORDER.filter((s) => chosen.includes(s)) : ORDER;

const RESULTS = join(BENCH_DIR, 'results', 'latest.md');
const marker = (name, edge) => `<!-- bench:${name}:${edge} -->`;

function previousSections() {
  if (!existsSync(RESULTS)) return {};
  const text = readFileSync(RESULTS, 'utf8');
  const out = {};
  for (const name of ORDER) {
    const start = text.indexOf(marker(name, 'start'));
    const end = text.indexOf(marker(name, 'end'));
    if (start >= 0 && end > start) out[name] = text.slice(start + marker(name, 'start').length, end).trim();
  }
  return out;
}

const sections = previousSections();
const started = Date.now();
const machine = `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model?.trim() ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB`;
for (const name of suites) {
  const t0 = Date.now();
  console.log(`\n=== ${name}${quick ? ' (quick)' : ''} ===`);
  const body = await SUITES[name]({ quick, log: (m) => console.log(m) });
  const stamp = `_${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${machine}${quick ? ', --quick' : ''}, ${Math.round((Date.now() - t0) / 1000)} s_`;
  sections[name] = `${body}\n\n${stamp}`;
  console.log(`\n${sections[name]}\n`);
}

const doc = [
  '# Benchmark results (latest)',
  '',
  'Written by `npm run bench` (see `test/bench/README.md` for what each figure means). Medians of',
  'several runs per variant, each run in its own process, order alternating. This machine is noisy:',
  'treat differences under ~5 % as noise.',
  '',
  ...ORDER.filter((n) => sections[n]).flatMap((n) => [marker(n, 'start'), sections[n], marker(n, 'end'), '']),
].join('\n');
writeFileSync(RESULTS, doc);

// A full run also refreshes the README's copy of the figures.
if (!quick) {
  const readmePath = join(BENCH_DIR, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const [start, end] = ['<!-- bench:readme:start -->', '<!-- bench:readme:end -->'];
  const i = readme.indexOf(start);
  const j = readme.indexOf(end);
  if (i >= 0 && j > i) {
    const body = ORDER.filter((n) => sections[n])
      .map((n) => sections[n].replace(/^(#{2,3}) /gm, '#$1 ')) // nest under "## Latest results"
      .join('\n\n');
    writeFileSync(readmePath, `${readme.slice(0, i + start.length)}\n${body}\n${readme.slice(j)}`);
  }
}

// The workspace's biome formats markdown too (aligned tables): format what we wrote, so that
// `npm run lint` stays clean after a bench run.
try {
  execFileSync(join(ROOT_DIR, 'node_modules', '.bin', 'biome'), ['format', '--write', BENCH_DIR], {
    cwd: ROOT_DIR,
    stdio: 'ignore',
  });
} catch {
  console.log('note: could not run biome format on the results (run `npm run format`)');
}
console.log(`wrote ${RESULTS} (${Math.round((Date.now() - started) / 1000)} s)`);
