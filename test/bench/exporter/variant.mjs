// One exporter-benchmark variant in its own process. Usage:
//   node variant.mjs <floor|ours|ours-gzip|langfuse|otlp-json|otlp-proto> <url> <spans> <pace> [flushTimeoutMs]
// Creates `spans` LLM-like spans on a real BasicTracerProvider, then awaits forceFlush, and
// prints CPU, wall time, RSS and what the processor reported (drops, errors). `pace` is
// `yield:N` (as fast as possible, a setImmediate yield every N spans), `rate:R` (R spans per
// second, in slices of 100) or `burst` (one synchronous loop, never yielding). Except in `burst`
// mode, WARMUP spans go through the same pipeline first (JIT, connections), are flushed, and the
// sink is told to forget them, so the figures describe the steady state.
import { emitResult } from '../lib/child.mjs';
import { peerRequire } from '../lib/peers.mjs';
import { buildContentPool, recordLlmSpan } from './llm-spans.mjs';

const [variant, url, spansArg, pace, flushTimeoutArg] = process.argv.slice(2);
const SPANS = Number(spansArg);
const [paceKind, paceArg] = pace.split(':');
const YIELD_EVERY = paceKind === 'yield' ? Number(paceArg) : paceKind === 'rate' ? 100 : 0;
const RATE = paceKind === 'rate' ? Number(paceArg) : 0;
const FLUSH_TIMEOUT_MS = Number(flushTimeoutArg ?? 90_000);
const WARMUP = 2000;

const failures = { thrown: 0, uncaught: 0, unhandledRejections: 0, messages: [] };
const note = (kind, err) => {
  failures[kind]++;
  if (failures.messages.length < 5) failures.messages.push(`${kind}: ${String(err?.message ?? err)}`);
};

/** Loads the variant: its OTel API + SDK copy and its span processors. */
async function setup() {
  if (variant === 'langfuse') {
    const req = peerRequire('langfuse');
    const { LangfuseSpanProcessor } = req('@langfuse/otel');
    const processor = new LangfuseSpanProcessor({
      publicKey: 'pk-lf-bench',
      secretKey: 'sk-lf-bench',
      baseUrl: url,
    });
    return { api: req('@opentelemetry/api'), sdk: req('@opentelemetry/sdk-trace-base'), processor };
  }
  const api = await import('@opentelemetry/api');
  const sdk = await import('@opentelemetry/sdk-trace-base');
  if (variant === 'floor') return { api, sdk, processor: undefined };
  if (variant === 'ours' || variant === 'ours-gzip') {
    const { LangfuseSpanProcessor } = await import('@spanfuse/exporter-langfuse');
    const processor = new LangfuseSpanProcessor({
      publicKey: 'pk-lf-bench',
      secretKey: 'sk-lf-bench',
      baseUrl: url,
      protocol: 'otlp',
      compression: variant === 'ours-gzip' ? 'gzip' : 'none',
    });
    return { api, sdk, processor };
  }
  const pkg =
    variant === 'otlp-proto'
      ? '@opentelemetry/exporter-trace-otlp-proto'
      : '@opentelemetry/exporter-trace-otlp-http';
  const { OTLPTraceExporter } = await import(pkg);
  const processor = new sdk.BatchSpanProcessor(new OTLPTraceExporter({ url: `${url}/v1/traces` }));
  return { api, sdk, processor };
}

/** Collects what the SDK reports through `diag`: BSP drop warnings, export errors. */
function countingDiag(api) {
  const seen = { warnings: 0, errors: 0, droppedReported: 0, samples: [] };
  const record =
    (kind) =>
    (msg, ...rest) => {
      seen[kind]++;
      const text = [msg, ...rest].map((x) => (x instanceof Error ? x.message : String(x))).join(' ');
      const dropped = /Dropped (\d+) spans/.exec(text);
      if (dropped) seen.droppedReported += Number(dropped[1]);
      if (seen.samples.length < 4 && !seen.samples.some((s) => s.slice(0, 60) === text.slice(0, 60))) {
        seen.samples.push(text.slice(0, 200));
      }
    };
  const noop = () => {};
  api.diag.setLogger(
    { error: record('errors'), warn: record('warnings'), info: noop, debug: noop, verbose: noop },
    api.DiagLogLevel.WARN,
  );
  return seen;
}

function withTimeout(promise, ms) {
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve(`timed out after ${ms} ms`), ms);
  });
  return Promise.race([
    promise.then(
      () => 'ok',
      (err) => `rejected: ${String(err?.message ?? err).slice(0, 120)}`,
    ),
    timeout,
  ]).finally(() => clearTimeout(timer));
}

let loaded;
try {
  loaded = await setup();
} catch (err) {
  emitResult({ variant, error: `setup failed: ${String(err?.stack ?? err).slice(0, 600)}` });
  await new Promise(() => {}); // emitResult exits
}
const { api, sdk, processor } = loaded;
process.on('uncaughtException', (err) => note('uncaught', err));
process.on('unhandledRejection', (err) => note('unhandledRejections', err));
const diagSeen = countingDiag(api);
const provider = new sdk.BasicTracerProvider({ spanProcessors: processor ? [processor] : [] });
const tracer = provider.getTracer('bench-llm', '1.0.0');
const pool = buildContentPool();
const yieldNow = () => new Promise((resolve) => setImmediate(resolve));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

if (paceKind !== 'burst') {
  for (let i = 0; i < WARMUP; i++) {
    recordLlmSpan(tracer, pool, SPANS + i);
    if (i % 100 === 99) await sleep(5);
  }
  await withTimeout(provider.forceFlush(), FLUSH_TIMEOUT_MS);
  await fetch(`${url}/__bench/reset`, { method: 'POST' });
}

const rssBefore = process.memoryUsage().rss;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
for (let i = 0; i < SPANS; i++) {
  try {
    recordLlmSpan(tracer, pool, i);
  } catch (err) {
    note('thrown', err);
  }
  if (YIELD_EVERY > 0 && i % YIELD_EVERY === YIELD_EVERY - 1) {
    if (RATE > 0) await sleep(Math.max(0, t0 + ((i + 1) * 1000) / RATE - performance.now()));
    else await yieldNow();
  }
}
const createdMs = performance.now() - t0;
const rssAfterCreate = process.memoryUsage().rss;
const flush = await withTimeout(provider.forceFlush(), FLUSH_TIMEOUT_MS);
const wallMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const rssAfterFlush = process.memoryUsage().rss;
const peakRss = process.resourceUsage().maxRSS * 1024;
const stats = typeof processor?.getStats === 'function' ? processor.getStats() : undefined;
const shutdown = await withTimeout(provider.shutdown(), Math.min(FLUSH_TIMEOUT_MS, 5_000));
await new Promise((resolve) => setTimeout(resolve, 200)); // let late rejections surface

emitResult({
  variant,
  spans: SPANS,
  createdMs,
  wallMs,
  cpuUs: cpu.user + cpu.system,
  rssBefore,
  rssAfterCreate,
  rssAfterFlush,
  peakRss,
  flush,
  shutdown,
  stats,
  diag: diagSeen,
  failures,
});
