// Startup benchmark: wall time of a process that only preloads the telemetry setup and exits,
// minus `node -e 0`. Timed with hyperfine when it is installed (several rounds of a few runs per
// command, the command order alternating between rounds), else with a spawnSync loop that
// alternates on every run.
// The OTLP and Langfuse endpoints point at the local sink (lib/sink.mjs).
import { execFile, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensurePeers, peerDir, ROOT_DIR } from '../lib/peers.mjs';
import { startSink } from '../lib/sink.mjs';
import { fmt, markdownTable, median, orderForRun, signed } from '../lib/stats.mjs';

const LANGFUSE_SETUP = [
  "import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';",
  "import { LangfuseSpanProcessor } from '@langfuse/otel';",
  'const provider = new NodeTracerProvider({ spanProcessors: [new LangfuseSpanProcessor()] });',
  'provider.register();',
].join(' ');

function commands(local) {
  const langfuseEnv = {
    LANGFUSE_PUBLIC_KEY: 'pk-lf-bench',
    LANGFUSE_SECRET_KEY: 'sk-lf-bench',
    LANGFUSE_BASE_URL: local,
  };
  const otlpEnv = { OTEL_EXPORTER_OTLP_ENDPOINT: local, OTEL_SERVICE_NAME: 'bench-startup' };
  return [
    { id: 'node', label: '`node -e 0`', args: ['-e', '0'], cwd: ROOT_DIR, env: {} },
    {
      id: 'ours',
      label: '**ours** `node --import @spanfuse/node/register -e 0` (http, openai, pino; Langfuse + OTLP)',
      args: ['--import', '@spanfuse/node/register', '-e', '0'],
      cwd: ROOT_DIR,
      env: { ...langfuseEnv, ...otlpEnv, OTEL_NODE_ENABLED_INSTRUMENTATIONS: 'http,openai,pino' },
    },
    {
      id: 'auto',
      label:
        '`node --import @opentelemetry/auto-instrumentations-node/register -e 0` (OTEL_NODE_RESOURCE_DETECTORS=env,host,os,process)',
      args: ['--import', '@opentelemetry/auto-instrumentations-node/register', '-e', '0'],
      cwd: peerDir('openai'),
      // Cloud detectors off: they would query cloud metadata endpoints, i.e. leave the machine.
      env: { ...otlpEnv, OTEL_NODE_RESOURCE_DETECTORS: 'env,host,os,process' },
    },
    {
      id: 'langfuse',
      label:
        '`@langfuse/otel`: import + NodeTracerProvider + LangfuseSpanProcessor (`node --input-type=module -e …`)',
      args: ['--input-type=module', '-e', LANGFUSE_SETUP],
      cwd: peerDir('langfuse'),
      env: langfuseEnv,
    },
  ];
}

function hasHyperfine() {
  try {
    execFileSync('hyperfine', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Env without our own OTel/Langfuse settings leaking from the parent shell. */
function cleanEnv(extra) {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (/^(OTEL_|LANGFUSE_|NODE_OPTIONS$)/.test(k)) delete env[k];
  return { ...env, ...extra };
}

/** Runs `node ...cmd.args`; resolves with its exit code, stderr and wall time (ms). */
function runNode(cmd) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, cmd.args, {
      cwd: cmd.cwd,
      env: cleanEnv(cmd.env),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (code) => resolve({ code, stderr, ms: performance.now() - t0 }));
  });
}

/** Wall times (ms) of `runs` runs of `cmd` with hyperfine (after one warm-up run). */
async function timeWithHyperfine(cmd, runs, dir) {
  const out = join(dir, 'hf.json');
  const quoted = [process.execPath, ...cmd.args].map((a) =>
    /[\s'"]/.test(a) ? `'${a.replace(/'/g, `'\\''`)}'` : a,
  );
  // Asynchronous: the sink answering the exporters lives in this process.
  await new Promise((resolve, reject) =>
    execFile(
      'hyperfine',
      [
        '-N',
        '--runs',
        String(runs),
        '--warmup',
        '1',
        '--style',
        'none',
        '--export-json',
        out,
        quoted.join(' '),
      ],
      { cwd: cmd.cwd, env: cleanEnv(cmd.env) },
      (err) => (err ? reject(err) : resolve()),
    ),
  );
  return JSON.parse(readFileSync(out, 'utf8')).results[0].times.map((s) => s * 1000);
}

/** Runs the startup benchmark; returns its markdown section. */
export async function runStartupBench({ quick = false, log = console.log } = {}) {
  ensurePeers('openai', log);
  ensurePeers('langfuse', log);
  const sink = await startSink();
  const cmds = commands(sink.url);
  // Each command must work before it is timed (a crash would look fast).
  for (const cmd of cmds) {
    const r = await runNode(cmd);
    cmd.error = r.code === 0 ? undefined : `exit ${r.code}: ${r.stderr.trim().slice(-400)}`;
    if (cmd.error) log(`  startup ${cmd.id}: ${cmd.error}`);
    else if (r.stderr.trim()) log(`  startup ${cmd.id} stderr: ${r.stderr.trim().slice(0, 300)}`);
  }
  const ok = cmds.filter((c) => !c.error);
  const times = Object.fromEntries(cmds.map((c) => [c.id, []]));
  const hyperfine = hasHyperfine();
  const rounds = quick ? 2 : 6;
  const perRound = quick ? 3 : 4;
  log(
    `startup: ${rounds * perRound} runs per command, ${hyperfine ? `hyperfine, ${rounds} rounds of ${perRound}` : 'spawn loop'}`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'spanfuse-bench-'));
  try {
    if (hyperfine) {
      for (let round = 0; round < rounds; round++) {
        for (const cmd of orderForRun(ok, round))
          times[cmd.id].push(...(await timeWithHyperfine(cmd, perRound, dir)));
      }
    } else {
      for (const cmd of ok) await runNode(cmd); // warm-up (disk cache)
      for (let run = 0; run < rounds * perRound; run++) {
        for (const cmd of orderForRun(ok, run)) times[cmd.id].push((await runNode(cmd)).ms);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await sink.close();
  }
  const base = median(times.node);
  for (const cmd of cmds) {
    if (!cmd.error)
      log(`  ${cmd.id}: median ${fmt(median(times[cmd.id]), 1)} ms over ${times[cmd.id].length} runs`);
  }
  const rows = cmds.map((cmd) =>
    cmd.error
      ? [cmd.label, `failed: ${cmd.error.split('\n')[0].slice(0, 80)}`, '', '']
      : [
          cmd.label,
          fmt(median(times[cmd.id])),
          cmd.id === 'node' ? '—' : signed(median(times[cmd.id]) - base),
          String(times[cmd.id].length),
        ],
  );
  return [
    '## Startup',
    '',
    `Median wall time of the whole process, exit included (${hyperfine ? 'hyperfine -N' : 'spawn loop'}, ` +
      `${rounds * perRound} runs per command, order alternating); the Langfuse and OTLP endpoints point at the ` +
      'local sink, which answers at once (auto-instrumentations exports metrics at exit; against a closed port ' +
      'its exit retries for ~9 s). Delta = over `node -e 0`. The peers run from their projects ' +
      'under `test/bench/peers/`. Cloud resource detectors are off for auto-instrumentations (they query ' +
      'metadata endpoints off this machine; the peers note measured +80 ms more with them on).',
    '',
    markdownTable(['command', 'median ms', 'delta ms', 'runs'], rows),
  ].join('\n');
}
