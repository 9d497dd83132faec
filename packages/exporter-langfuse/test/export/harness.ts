// Shared set-up of the delivery tests: a fake Langfuse, a real tracer provider with the
// processor under test, and a diag logger that records every line.
import { type DiagLogger, DiagLogLevel, diag, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { type LangfuseExporterOptions, LangfuseSpanProcessor } from '@spanfuse/exporter-langfuse';
import { type FakeLangfuse, startFakeLangfuse } from '@spanfuse/test-fakes';

/** Every diag line, with its level. */
export interface DiagCapture {
  lines: Array<{ level: string; text: string }>;
  text(): string;
  restore(): void;
}

/** Records every diag message from now until `restore()`. */
export function captureDiag(): DiagCapture {
  const lines: DiagCapture['lines'] = [];
  const record =
    (level: string) =>
    (message: string, ...args: unknown[]) =>
      lines.push({ level, text: [message, ...args.map((a) => String(a))].join(' ') });
  const logger: DiagLogger = {
    error: record('error'),
    warn: record('warn'),
    info: record('info'),
    debug: record('debug'),
    verbose: record('verbose'),
  };
  diag.setLogger(logger, { logLevel: DiagLogLevel.ALL, suppressOverrideMessage: true });
  return {
    lines,
    text: () => lines.map((l) => `${l.level}: ${l.text}`).join('\n'),
    restore: () => diag.disable(),
  };
}

/** A fake Langfuse plus a provider whose only processor is a LangfuseSpanProcessor. */
export interface Harness {
  fake: FakeLangfuse;
  processor: LangfuseSpanProcessor;
  provider: BasicTracerProvider;
  tracer: ReturnType<BasicTracerProvider['getTracer']>;
  diag: DiagCapture;
  close(): Promise<void>;
}

/** Starts a harness; `options` override the fake's keys and URL and the test defaults. */
export async function startHarness(options: LangfuseExporterOptions = {}): Promise<Harness> {
  const capture = captureDiag();
  const fake = await startFakeLangfuse();
  const processor = new LangfuseSpanProcessor({
    publicKey: fake.publicKey,
    secretKey: fake.secretKey,
    baseUrl: fake.url,
    exportAllSpans: true,
    // Long interval: only flushAt, forceFlush or shutdown send, so tests do not race a timer.
    flushInterval: 600,
    ...options,
  });
  const provider = new BasicTracerProvider({ spanProcessors: [processor] });
  return {
    fake,
    processor,
    provider,
    tracer: provider.getTracer('spanfuse-test', '1.0.0'),
    diag: capture,
    async close() {
      await provider.shutdown();
      await fake.close();
      capture.restore();
    },
  };
}

/** Ends `count` sibling spans under one root (root ended last); returns their span ids. */
export function endSpans(h: Harness, count: number, attributes: Record<string, string> = {}): string[] {
  const ids: string[] = [];
  const root = h.tracer.startSpan('root', { attributes });
  const parent = trace.setSpan(ROOT_CONTEXT, root);
  for (let i = 0; i < count - 1; i++) {
    const child = h.tracer.startSpan(`child-${i}`, { attributes }, parent);
    ids.push(child.spanContext().spanId);
    child.end();
  }
  ids.push(root.spanContext().spanId);
  root.end();
  return ids;
}

/** Ids of all OTLP spans the fake accepted. */
export function receivedOtlpIds(fake: FakeLangfuse): string[] {
  return fake.otlpSpans.map((s) => s.spanId);
}

/** Waits until `check()` is true (polling), or fails after `ms`. */
export async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
