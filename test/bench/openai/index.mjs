// OpenAI instrumentation benchmark: the added cost per call of our OpenAIInstrumentation and of
// three peers over an uninstrumented client, against the shared fake OpenAI on 127.0.0.1.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeOpenAI } from '@spanfuse/test-fakes';
import { runVariant } from '../lib/child.mjs';
import { ensurePeers } from '../lib/peers.mjs';
import { fmt, markdownTable, median, orderForRun, ratio, signed } from '../lib/stats.mjs';

/** Ratio of two added costs; "—" when the peer's added cost is within noise (≤ 0). */
function addedRatio(ours, peer) {
  if (!Number.isFinite(ours) || !Number.isFinite(peer) || peer <= 0) return '— (peer ≤ 0, noise)';
  return ours <= 0 ? '≤ 0 (noise)' : ratio(ours, peer);
}

const VARIANT_SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'variant.mjs');
// 18 words: the fake streams one chunk per word plus a role chunk and a finish chunk = 20 chunks,
// then the usage chunk.
const REPLY =
  'Your order 12345 left our warehouse on Friday and is now with the carrier, expected tomorrow before noon.';
const KINDS = { chat: 'chat', stream: 'stream (20 chunks + usage)', embed: 'embeddings (base64, 1536 dims)' };
const PEERS = ['contrib', 'traceloop', 'openinference'];
const LABELS = {
  none: 'none (no instrumentation)',
  span: 'reference: bare span (one span per call, nothing else)',
  ours: '**ours** `@spanfuse/instrumentation-openai`',
  contrib: '`@opentelemetry/instrumentation-openai` 0.21',
  traceloop: '`@traceloop/instrumentation-openai` 0.27',
  openinference: '`@arizeai/openinference-instrumentation-openai` 4.2',
};

const TRANSPORTS = {
  http: {
    title: 'over HTTP (the method of issue #4)',
    counts: { chat: 2000, stream: 500, embed: 500 },
    quickCounts: { chat: 500, stream: 150, embed: 150 },
  },
  canned: {
    title: 'with canned responses (no network: the instrumentations’ cost with less noise)',
    counts: { chat: 6000, stream: 2000, embed: 2000 },
    quickCounts: { chat: 1500, stream: 500, embed: 500 },
  },
  paired: {
    title:
      'paired in one process, canned responses (what each instrumentation adds to an app that already traces)',
    args: ['canned', 'paired'],
    runs: 3,
    counts: { chat: 24000, stream: 4800, embed: 7200 },
    quickCounts: { chat: 4800, stream: 960, embed: 1440 },
  },
};

/** Runs the OpenAI benchmark (both transports); returns its markdown section. */
export async function runOpenAIBench({ quick = false, log = console.log } = {}) {
  ensurePeers('openai', log);
  const fullRuns = 7;
  const variants = ['none', 'span', 'ours', ...PEERS];
  const fake = await startFakeOpenAI({ record: false, reply: REPLY });
  const sections = ['## OpenAI instrumentation', '', INTRO];
  try {
    for (const [transport, spec] of Object.entries(TRANSPORTS)) {
      const counts = quick ? spec.quickCounts : spec.counts;
      const runs = quick ? 2 : (spec.runs ?? fullRuns);
      const paired = spec.args?.[1] === 'paired';
      const results = Object.fromEntries(variants.map((v) => [v, []]));
      log(
        `openai ${transport}: ${counts.chat} chat + ${counts.stream} stream + ${counts.embed} embedding calls, ${runs} runs`,
      );
      for (let run = 0; run < runs; run++) {
        for (const v of orderForRun(variants, run)) {
          const r = await runVariant(VARIANT_SCRIPT, [
            v,
            fake.url,
            String(counts.chat),
            String(counts.stream),
            String(counts.embed),
            ...(spec.args ?? [transport]),
          ]);
          results[v].push(r);
          if (r.error) log(`  ${v} run ${run + 1}: ${r.error.split('\n')[0]}`);
          else
            log(
              `  ${v.padEnd(13)} run ${run + 1}: ` +
                Object.keys(KINDS)
                  .map(
                    (k) => `${k} ${fmt(r[k].wallUs)}/${fmt(r[k].cpuUs)} µs (${r[k].spansPerCall} span/call)`,
                  )
                  .join(', '),
            );
        }
      }
      sections.push('', renderOpenAI(results, runs, counts, spec.title, paired));
    }
  } finally {
    await fake.close();
  }
  sections.push('', FLOOR_NOTE);
  return sections.join('\n');
}

const INTRO =
  'Sequential calls with `openai` 6 from the workspace, a real NodeTracerProvider with a ' +
  'BatchSpanProcessor into a counting no-op exporter, and a MeterProvider without reader for every ' +
  'variant (`@opentelemetry/instrumentation-openai` throws on streamed usage without one). Content ' +
  'capture on where the instrumentation has a switch. Each run of each variant in its own process, ' +
  "order alternating, medians; a variant's figure counts only runs where it produced exactly one " +
  'span per call. Cells: **added wall / added CPU µs per call** over "none" (CPU = whole client ' +
  'process; the fake runs in another process). Two transports: **HTTP** to the fake OpenAI server on ' +
  "127.0.0.1 (issue #4's method), and **canned**, where the client's `makeRequest` returns the bytes " +
  "the fake gave for the first call of each kind as a fresh `Response`, so the SDK's own `create`, " +
  '`APIPromise`, parsing and `Stream` still run but the ~1 ms of network and undici CPU per call, and ' +
  'most of its run-to-run noise, are gone.';

const FLOOR_NOTE =
  'The **bare span** row is a floor, not a product: a wrapper that starts one span per call (no ' +
  'attributes, no context) and ends it when the SDK promise settles (for streams: when the `Stream` ' +
  'object is returned, before any chunk). Its added cost is the tracing SDK’s share that every ' +
  'variant pays — span creation and the BatchSpanProcessor, the garbage they leave, and Node 20’s ' +
  'async hooks, which the BatchSpanProcessor’s first `context.with` turns on for the whole process. ' +
  'No instrumentation that emits one span per call through the SDK can be cheaper than it, so ' +
  '"bare span / best peer" is the lowest ratio any instrumentation can reach here.';

/** Median of `metric` for one variant and call kind, over runs that produced one span per call. */
function med(results, v, kind, metric) {
  const ok = results[v].filter((r) => !r.error && r[kind] && (v === 'none' || r[kind].spansPerCall === 1));
  return median(ok.map((r) => r[kind][metric]));
}

function spansNote(results, v, kind) {
  const ok = results[v].filter((r) => !r.error && r[kind]);
  if (!ok.length) return 'failed';
  const spc = median(ok.map((r) => r[kind].spansPerCall));
  return spc === 1 ? '' : ` (${spc === 0 ? 'no span' : `${spc} spans/call`})`;
}

function renderOpenAI(results, runs, counts, title, paired = false) {
  const kinds = Object.keys(KINDS);
  // Paired figures are already differences (on − off); "none" switches nothing and shows the noise.
  const base = Object.fromEntries(
    kinds.map((k) => [
      k,
      paired
        ? { wall: 0, cpu: 0 }
        : { wall: med(results, 'none', k, 'wallUs'), cpu: med(results, 'none', k, 'cpuUs') },
    ]),
  );
  const added = (v, k, m) => med(results, v, k, m === 'wall' ? 'wallUs' : 'cpuUs') - base[k][m];
  const rows = Object.keys(LABELS).map((v) => {
    const cells = kinds.map((k) => {
      if (v === 'none' && paired)
        return `${signed(med(results, v, k, 'wallUs'))} / ${signed(med(results, v, k, 'cpuUs'))} (noise)`;
      if (v === 'none') return `${fmt(base[k].wall)} / ${fmt(base[k].cpu)} µs per call`;
      const note = spansNote(results, v, k);
      if (note && note !== '') return note.trim().replace(/^\(|\)$/g, '');
      return `${signed(added(v, k, 'wall'))} / ${signed(added(v, k, 'cpu'))}`;
    });
    const failed = results[v].filter((r) => r.error).length;
    return [LABELS[v], ...cells, failed ? `${runs - failed}/${runs}` : `${runs}`];
  });
  const ratios = kinds.map((k) => {
    const peers = PEERS.map((p) => ({ p, cpu: added(p, k, 'cpu'), wall: added(p, k, 'wall') })).filter((x) =>
      Number.isFinite(x.cpu),
    );
    if (!peers.length) return [KINDS[k], '—', '—', '—', '—', '—'];
    const best = peers.reduce((a, b) => (b.cpu < a.cpu ? b : a));
    return [
      KINDS[k],
      LABELS[best.p],
      addedRatio(added('ours', k, 'cpu'), best.cpu),
      addedRatio(added('ours', k, 'wall'), best.wall),
      addedRatio(added('span', k, 'cpu'), best.cpu),
      `${signed(added('ours', k, 'cpu') - added('span', k, 'cpu'))} / ${signed(best.cpu - added('span', k, 'cpu'))}`,
    ];
  });
  return [
    `### ${title}`,
    '',
    paired
      ? `${counts.chat} chat, ${counts.stream} streaming, ${counts.embed} embedding calls per run, in 24 ` +
        'rounds of one block with the instrumentation switched off (`disable()`) and one with it on ' +
        '(`enable()`), order alternating; cells are the median of on − off, medians of ' +
        `${runs} runs. "none" switches nothing: its row is the method's noise.`
      : `${counts.chat} chat, ${counts.stream} streaming, ${counts.embed} embedding calls per run after a ` +
        `warm-up; medians of ${runs} runs.`,
    '',
    markdownTable(['variant', ...kinds.map((k) => KINDS[k]), 'runs'], rows),
    '',
    'Ours vs the best peer (lowest added CPU among peers that produced one span per call):',
    '',
    markdownTable(
      [
        'calls',
        'best peer',
        'ours / best peer (added CPU)',
        'ours / best peer (added wall)',
        'bare span / best peer (added CPU)',
        'CPU above the bare span: ours / best peer',
      ],
      ratios,
    ),
  ].join('\n');
}
