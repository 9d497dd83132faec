import { context, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { score } from '@spanfuse/node';
import { type FakeLangfuse, startFakeLangfuse } from '@spanfuse/test-fakes';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

let fake: FakeLangfuse;
const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const undici = new UndiciInstrumentation();

beforeAll(async () => {
  fake = await startFakeLangfuse();
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(provider);
  undici.setTracerProvider(provider);
  undici.enable();
});
afterAll(async () => {
  undici.disable();
  await fake.close();
});
afterEach(() => vi.unstubAllEnvs());

function configure(extra: Record<string, string> = {}) {
  vi.stubEnv('LANGFUSE_PUBLIC_KEY', fake.publicKey);
  vi.stubEnv('LANGFUSE_SECRET_KEY', fake.secretKey);
  vi.stubEnv('LANGFUSE_BASE_URL', fake.url);
  for (const [k, v] of Object.entries(extra)) vi.stubEnv(k, v);
}

describe('score', () => {
  it('scores the active observation of the active trace by default, without tracing its own request', async () => {
    configure({ LANGFUSE_TRACING_ENVIRONMENT: 'staging' });
    exporter.reset();
    const span = provider.getTracer('t').startSpan('answer');
    const result = await context.with(trace.setSpan(ROOT_CONTEXT, span), () =>
      score({ name: 'helpfulness', value: 0.9, comment: 'good' }),
    );
    span.end();
    expect(result).toEqual({ ok: true, status: 200 });
    expect(fake.scores.at(-1)).toMatchObject({
      traceId: span.spanContext().traceId,
      observationId: span.spanContext().spanId,
      name: 'helpfulness',
      value: 0.9,
      comment: 'good',
      environment: 'staging',
    });
    expect(exporter.getFinishedSpans().map((s) => s.name)).toEqual(['answer']);
  });

  it('scores an explicit trace (no observation) with a data type', async () => {
    configure();
    const traceId = 'f'.repeat(32);
    const result = await score({ name: 'thumbs', value: 1, dataType: 'BOOLEAN', traceId });
    expect(result.ok).toBe(true);
    const sent = fake.scores.at(-1)!;
    expect(sent).toMatchObject({ traceId, name: 'thumbs', value: 1, dataType: 'BOOLEAN' });
    expect((sent as Record<string, unknown>).observationId).toBeUndefined();
  });

  it('resolves {ok:false,status:0} without a target or without keys, and sends nothing', async () => {
    const before = fake.scores.length;
    configure();
    expect(await score({ name: 'x', value: 1 })).toEqual({ ok: false, status: 0 });
    vi.unstubAllEnvs();
    expect(await score({ name: 'x', value: 1, traceId: 'a'.repeat(32) })).toEqual({ ok: false, status: 0 });
    expect(fake.scores.length).toBe(before);
  });

  it('resolves with the status instead of throwing when Langfuse refuses', async () => {
    configure();
    fake.setMode({ script: [{ status: 500 }] });
    expect(await score({ name: 'x', value: 1, traceId: 'b'.repeat(32) })).toEqual({ ok: false, status: 500 });
  });

  it('resolves {ok:false,status:0} when Langfuse is unreachable', async () => {
    configure({ LANGFUSE_BASE_URL: 'http://127.0.0.1:9' });
    expect(await score({ name: 'x', value: 1, traceId: 'c'.repeat(32) })).toEqual({ ok: false, status: 0 });
  });

  it('does not score a trace outside the LANGFUSE_SAMPLE_RATE share (Langfuse never got it)', async () => {
    configure({ LANGFUSE_SAMPLE_RATE: '0.5' });
    const before = fake.scores.length;
    const dropped = `${'f'.repeat(18)}00000000000001`;
    expect(await score({ name: 'x', value: 1, traceId: dropped })).toEqual({ ok: false, status: 0 });
    expect(fake.scores.length).toBe(before);
  });
});
