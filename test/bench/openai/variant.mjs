// One OpenAI-benchmark variant in its own process. Usage:
//   node variant.mjs <none|span|ours|contrib|traceloop|openinference> <baseURL> <chat> <stream> <embed> [http|canned] [paired]
// Registers the variant's instrumentation on a real NodeTracerProvider (BatchSpanProcessor into
// a counting no-op exporter) and a MeterProvider without readers, *then* requires `openai` (the
// workspace's copy, the same for every variant) so that the require hook patches it. The client
// talks HTTP to the fake (`http`, the default) or gets canned responses (`canned`, see
// cannedTransport). Runs a
// warm-up, then sequential chat, streaming and embedding calls, and prints wall and CPU µs per
// call and spans per call for each kind.
import { createRequire } from 'node:module';
import { emitResult } from '../lib/child.mjs';
import { peerRequire } from '../lib/peers.mjs';
import { median } from '../lib/stats.mjs';

const [variant, baseURL, chatArg, streamArg, embedArg, transport = 'http', mode = 'separate'] =
  process.argv.slice(2);
// Paired rounds per call kind; each round measures a block with the instrumentation off and a
// block with it on, in alternating order, and keeps on − off.
const PAIRED_ROUNDS = 24;
const COUNTS = { chat: Number(chatArg), stream: Number(streamArg), embed: Number(embedArg) };
// Canned calls are ~10× cheaper: more of them before measuring, so every variant runs JIT-compiled.
const WARMUP =
  transport === 'canned' ? { chat: 2000, stream: 500, embed: 500 } : { chat: 200, stream: 50, embed: 50 };
const requireHere = createRequire(import.meta.url);

/** The OTel API, SDK and instrumentation for `variant`, from the workspace or the peers project. */
function load() {
  if (variant === 'none' || variant === 'span' || variant === 'ours') {
    const deps = {
      api: requireHere('@opentelemetry/api'),
      node: requireHere('@opentelemetry/sdk-trace-node'),
      metrics: requireHere('@opentelemetry/sdk-metrics'),
      instr: requireHere('@opentelemetry/instrumentation'),
    };
    if (variant === 'ours') {
      const { OpenAIInstrumentation } = requireHere('@spanfuse/instrumentation-openai');
      deps.instrumentation = new OpenAIInstrumentation({ captureMessageContent: true });
    }
    return deps;
  }
  const req = peerRequire('openai');
  const deps = {
    api: req('@opentelemetry/api'),
    node: req('@opentelemetry/sdk-trace-node'),
    metrics: req('@opentelemetry/sdk-metrics'),
    instr: req('@opentelemetry/instrumentation'),
  };
  if (variant === 'contrib') {
    const { OpenAIInstrumentation } = req('@opentelemetry/instrumentation-openai');
    deps.instrumentation = new OpenAIInstrumentation({ captureMessageContent: true });
  } else if (variant === 'traceloop') {
    const { OpenAIInstrumentation } = req('@traceloop/instrumentation-openai');
    deps.instrumentation = new OpenAIInstrumentation({ traceContent: true });
  } else if (variant === 'openinference') {
    const { OpenAIInstrumentation } = req('@arizeai/openinference-instrumentation-openai');
    deps.instrumentation = new OpenAIInstrumentation();
  } else {
    throw new Error(`unknown variant ${variant}`);
  }
  return deps;
}

let spansSeen = 0;
const countingExporter = {
  export(spans, done) {
    spansSeen += spans.length;
    done({ code: 0 });
  },
  shutdown: () => Promise.resolve(),
  forceFlush: () => Promise.resolve(),
};

/**
 * The reference floor: what any instrumentation that emits one span per call costs at least. Each
 * `create` is wrapped by a function that only starts one span (no attributes, no context) and
 * ends it when the SDK's promise settles — no mapping, no content, no metrics.
 */
function wrapWithBareSpan(OpenAI, tracer) {
  const protos = [OpenAI.Chat.Completions.prototype, OpenAI.Embeddings.prototype];
  const originals = protos.map((proto) => proto.create);
  const wrapped = originals.map(
    (create) =>
      function bareSpanCreate(...args) {
        const span = tracer.startSpan('bare');
        const promise = create.apply(this, args);
        const end = () => span.end();
        promise.then(end, end);
        return promise;
      },
  );
  const toggle = (on) => {
    for (let i = 0; i < protos.length; i++) protos[i].create = on ? wrapped[i] : originals[i];
  };
  toggle(true);
  return toggle;
}

/**
 * The `canned` transport: the client's `makeRequest` (openai 6's request, retry and fetch step)
 * answers with the bytes and headers the fake server gave for the first request of the same
 * kind, as a fresh `Response` each time. Everything the instrumentations touch — `create`, the
 * `APIPromise`, parsing, `Stream` — is the SDK's own code; only the network is gone, and with it
 * most of the per-call CPU (and of its noise) of the `http` transport.
 */
function cannedTransport(c) {
  const canned = new Map();
  c.makeRequest = async function cannedMakeRequest(optionsInput) {
    const options = await optionsInput;
    const key = `${options.path} ${options.body?.stream === true}`;
    let answer = canned.get(key);
    if (answer === undefined) {
      const res = await fetch(`${baseURL}${options.path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer sk-bench' },
        body: JSON.stringify(options.body),
      });
      answer = {
        status: res.status,
        headers: [...res.headers],
        bytes: new Uint8Array(await res.arrayBuffer()),
      };
      canned.set(key, answer);
    }
    const response = new Response(answer.bytes, { status: answer.status, headers: answer.headers });
    return {
      response,
      options,
      controller: new AbortController(),
      requestLogID: 'log_canned',
      retryOfRequestLogID: undefined,
      startTime: Date.now(),
    };
  };
}

let client;
let provider;
/** Switches the variant's instrumentation off and on (paired mode); none switches nothing. */
let toggle = () => {};
try {
  const { api, node, metrics, instr, instrumentation } = load();
  provider = new node.NodeTracerProvider({ spanProcessors: [new node.BatchSpanProcessor(countingExporter)] });
  provider.register();
  // @opentelemetry/instrumentation-openai 0.21 throws on streamed usage without a MeterProvider;
  // every variant gets the same one (no reader, so recording is cheap) to keep the field level.
  const meterProvider = new metrics.MeterProvider();
  api.metrics.setGlobalMeterProvider(meterProvider);
  if (instrumentation) {
    instr.registerInstrumentations({
      instrumentations: [instrumentation],
      tracerProvider: provider,
      meterProvider,
    });
  }
  const { OpenAI } = requireHere('openai');
  if (variant === 'span') toggle = wrapWithBareSpan(OpenAI, provider.getTracer('bench-bare-span'));
  else if (instrumentation) toggle = (on) => (on ? instrumentation.enable() : instrumentation.disable());
  client = new OpenAI({ apiKey: 'sk-bench', baseURL, maxRetries: 0 });
  if (transport === 'canned') cannedTransport(client);
} catch (err) {
  emitResult({ variant, error: `setup failed: ${String(err?.stack ?? err).slice(0, 800)}` });
  await new Promise(() => {}); // emitResult exits
}

const SYSTEM = 'You are a concise assistant for an online shop. Answer in two sentences.';
const USER =
  'Where is my order 12345? It was supposed to arrive on Monday and the tracking page says pending.';
const CALLS = {
  async chat() {
    const r = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: SYSTEM },
        { role: 'user', content: USER },
      ],
      temperature: 0.2,
      max_tokens: 128,
    });
    if (!r.choices[0].message.content) throw new Error('empty chat answer');
  },
  async stream() {
    const stream = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: SYSTEM },
        { role: 'user', content: USER },
      ],
      stream: true,
      stream_options: { include_usage: true },
    });
    let chunks = 0;
    for await (const _chunk of stream) chunks++;
    if (chunks < 20) throw new Error(`stream had ${chunks} chunks`);
  },
  async embed() {
    const r = await client.embeddings.create({
      model: 'text-embedding-3-small',
      input: USER,
      dimensions: 1536,
    });
    if (r.data[0].embedding.length !== 1536) throw new Error('bad embedding');
  },
};

async function phase(kind, n) {
  await provider.forceFlush();
  const spans0 = spansSeen;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await CALLS[kind]();
  const wallUs = (performance.now() - t0) * 1000;
  const cpu = process.cpuUsage(cpu0);
  await provider.forceFlush();
  return { wallUs: wallUs / n, cpuUs: (cpu.user + cpu.system) / n, spansPerCall: (spansSeen - spans0) / n };
}

/**
 * Paired mode: in this one process, rounds of one block with the instrumentation switched off and
 * one with it on (order alternating); the figure is the median of on − off. Both blocks share the
 * process, its JIT state and heap, and — after the first span batch — Node 20's async hooks, so
 * this is what the instrumentation itself adds to an app that already traces.
 */
async function pairedPhase(kind, n) {
  const block = Math.max(10, Math.round(n / PAIRED_ROUNDS));
  const cpu = [];
  const wall = [];
  let spans = 0;
  let onCalls = 0;
  for (let round = 0; round < PAIRED_ROUNDS; round++) {
    const m = {};
    for (const on of round % 2 ? [true, false] : [false, true]) {
      toggle(on);
      m[on] = await phase(kind, block);
    }
    cpu.push(m.true.cpuUs - m.false.cpuUs);
    wall.push(m.true.wallUs - m.false.wallUs);
    spans += m.true.spansPerCall * block;
    onCalls += block;
  }
  toggle(true);
  return { cpuUs: median(cpu), wallUs: median(wall), spansPerCall: spans / onCalls };
}

const errors = { unhandled: 0 };
process.on('unhandledRejection', () => errors.unhandled++);
const result = { variant };
try {
  for (const kind of Object.keys(CALLS)) await phase(kind, WARMUP[kind]);
  for (const kind of Object.keys(CALLS))
    result[kind] =
      mode === 'paired' ? await pairedPhase(kind, COUNTS[kind]) : await phase(kind, COUNTS[kind]);
} catch (err) {
  result.error = `calls failed: ${String(err?.stack ?? err).slice(0, 800)}`;
}
await provider.shutdown();
result.unhandled = errors.unhandled;
result.peakRss = process.resourceUsage().maxRSS * 1024;
emitResult(result);
