import { createServer } from 'node:net';
import { metrics, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { LangfuseSpanProcessor } from '@spanfuse/exporter-langfuse';
import { afterEach, describe, expect, it } from 'vitest';
import { endSpans, type Harness, receivedOtlpIds, startHarness, until } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** A loopback port with nothing listening. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe('LangfuseSpanProcessor delivery', () => {
  it('delivers every ended span exactly once', async () => {
    h = await startHarness({ flushAt: 7 });
    const ids = endSpans(h, 50);
    await h.processor.forceFlush();
    const received = receivedOtlpIds(h.fake);
    expect(received).toHaveLength(50);
    expect(new Set(received)).toEqual(new Set(ids));
    expect(h.processor.getStats()).toEqual({ exported: 50, failed: 0, retried: 0, dropped: 0, queued: 0 });
  });

  it('sends OTLP protobuf with the ingestion-version header and additional headers, uncompressed by default', async () => {
    h = await startHarness({ additionalHeaders: { 'x-proxy-token': 'abc' } });
    endSpans(h, 20, { 'langfuse.observation.input': 'x'.repeat(200) });
    await h.processor.forceFlush();
    const otlp = h.fake.requests.filter((r) => r.path === '/api/public/otel/v1/traces');
    expect(otlp.length).toBeGreaterThan(0);
    for (const r of otlp) {
      expect(r.headers['content-type']).toBe('application/x-protobuf');
      expect(r.headers['x-langfuse-ingestion-version']).toBe('4');
      expect(r.headers['content-encoding']).toBeUndefined();
      expect(r.headers['x-proxy-token']).toBe('abc');
    }
  });

  it('gzips request bodies when compression is gzip, and the server decodes every span', async () => {
    h = await startHarness({ compression: 'gzip' });
    const ids = endSpans(h, 20, { 'langfuse.observation.input': 'x'.repeat(200) });
    await h.processor.forceFlush();
    const otlp = h.fake.requests.filter((r) => r.path === '/api/public/otel/v1/traces');
    expect(otlp.length).toBeGreaterThan(0);
    for (const r of otlp) expect(r.headers['content-encoding']).toBe('gzip');
    expect(new Set(receivedOtlpIds(h.fake))).toEqual(new Set(ids));
  });

  it('writes the trace attributes on every OTLP span, children ending before the root', async () => {
    h = await startHarness();
    const root = h.tracer.startSpan('handle-request', {
      attributes: { 'langfuse.trace.name': 'chat-turn', 'user.id': 'user-1', 'session.id': 'session-9' },
    });
    const parent = trace.setSpan(ROOT_CONTEXT, root);
    for (let i = 0; i < 3; i++) h.tracer.startSpan(`step-${i}`, {}, parent).end();
    root.end();
    await h.processor.forceFlush();
    expect(h.fake.otlpSpans).toHaveLength(4);
    for (const span of h.fake.otlpSpans) {
      expect(span.attributes['langfuse.trace.name']).toBe('chat-turn');
      expect(span.attributes['user.id']).toBe('user-1');
      expect(span.attributes['session.id']).toBe('session-9');
      expect(span.attributes['langfuse.observation.type']).toBeTypeOf('string');
    }
    const rootSpan = h.fake.otlpSpans.find((s) => s.name === 'handle-request');
    expect(rootSpan?.parentSpanId).toBeUndefined();
    expect(h.fake.otlpSpans.filter((s) => s.parentSpanId === rootSpan?.spanId)).toHaveLength(3);
  });

  it('retries after a 500 and delivers once', async () => {
    h = await startHarness();
    h.fake.setMode({ script: [{ status: 500 }] });
    const ids = endSpans(h, 10);
    await h.processor.forceFlush();
    expect(h.fake.requests.map((r) => r.status)).toEqual([500, 200]);
    expect(new Set(receivedOtlpIds(h.fake))).toEqual(new Set(ids));
    expect(h.fake.otlpSpans).toHaveLength(10);
    expect(h.processor.getStats()).toMatchObject({ exported: 10, failed: 0, retried: 10 });
  });

  it('honours Retry-After on 429 before sending again', async () => {
    h = await startHarness();
    h.fake.setMode({ script: [{ status: 429, headers: { 'retry-after': '1' } }] });
    endSpans(h, 3);
    await h.processor.forceFlush();
    expect(h.fake.requests.map((r) => r.status)).toEqual([429, 200]);
    expect(h.fake.otlpSpans).toHaveLength(3);
  });

  it('retries after the connection is reset', async () => {
    h = await startHarness();
    h.fake.setMode({ script: [{ reset: true }] });
    endSpans(h, 4);
    await h.processor.forceFlush();
    expect(h.fake.otlpSpans).toHaveLength(4);
    expect(h.processor.getStats()).toMatchObject({ exported: 4, failed: 0, retried: 4 });
  });

  it('gives later batches one attempt each once a batch ran out of retries on network errors', async () => {
    h = await startHarness({ maxRetries: 2, flushAt: 3, maxConcurrentExports: 1 });
    h.fake.setMode({ script: Array.from({ length: 5 }, () => ({ reset: true as const })) });
    endSpans(h, 9);
    await h.processor.forceFlush();
    // 3 attempts for the first batch, then 1 for each of the two others.
    expect(h.fake.requests.map((r) => r.status)).toEqual([0, 0, 0, 0, 0]);
    expect(h.processor.getStats()).toMatchObject({ exported: 0, failed: 9, queued: 0 });
    // The server answers again: delivery resumes, and with it the retries.
    endSpans(h, 3);
    await h.processor.forceFlush();
    h.fake.setMode({ script: [{ reset: true }] });
    endSpans(h, 3);
    await h.processor.forceFlush();
    expect(h.fake.requests.slice(5).map((r) => r.status)).toEqual([200, 0, 200]);
    expect(h.processor.getStats()).toMatchObject({ exported: 6, failed: 9 });
  });

  it('does not retry a 401, says so once and never logs the secret key', async () => {
    h = await startHarness({ secretKey: 'sk-lf-wrong-secret-0000' });
    endSpans(h, 5);
    await h.processor.forceFlush();
    endSpans(h, 5);
    await h.processor.forceFlush();
    expect(h.fake.requests.map((r) => r.status)).toEqual([401, 401]);
    expect(h.processor.getStats()).toMatchObject({ exported: 0, failed: 10, retried: 0 });
    const errors = h.diag.lines.filter((l) => l.level === 'error' && l.text.includes('rejected the keys'));
    expect(errors).toHaveLength(1);
    expect(errors[0].text).toContain('LANGFUSE_PUBLIC_KEY pk-lf-…1234');
    expect(h.diag.text()).not.toContain('sk-lf-wrong-secret-0000');
    expect(h.diag.text()).not.toContain('wrong-secret');
  });

  it('resolves forceFlush when nothing listens, counting failures without throwing', async () => {
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      h = await startHarness({ baseUrl: `http://127.0.0.1:${await closedPort()}`, maxRetries: 1 });
      endSpans(h, 6);
      await expect(h.processor.forceFlush()).resolves.toBeUndefined();
      expect(h.processor.getStats()).toMatchObject({ exported: 0, failed: 6, retried: 6, queued: 0 });
      const errors = h.diag.lines.filter((l) => l.level === 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0].text).toContain('ECONNREFUSED');
      await new Promise((r) => setTimeout(r, 50));
      expect(rejections).toEqual([]);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
  });

  it('drops exactly the spans beyond maxQueueSize and warns once', async () => {
    h = await startHarness({ maxQueueSize: 20, flushAt: 1000 });
    h.fake.setMode({ hold: true });
    endSpans(h, 27);
    expect(h.processor.getStats()).toMatchObject({ dropped: 7, queued: 20 });
    const warnings = h.diag.lines.filter((l) => l.text.includes('queue full'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0].text).toContain('LANGFUSE_BUFFER_SIZE');
    const flushed = h.processor.forceFlush();
    await until(() => h?.fake.requests.length === 1);
    h.fake.setMode({ hold: false });
    await flushed;
    expect(h.fake.otlpSpans).toHaveLength(20);
    expect(h.processor.getStats()).toMatchObject({ exported: 20, dropped: 7, queued: 0 });
  });

  it('keeps at most maxConcurrentExports requests in flight', async () => {
    h = await startHarness({ flushAt: 5, maxConcurrentExports: 2 });
    h.fake.setMode({ hold: true });
    endSpans(h, 40);
    const flushed = h.processor.forceFlush();
    await until(() => h?.fake.requests.length === 2);
    await new Promise((r) => setTimeout(r, 100));
    expect(h.fake.requests).toHaveLength(2);
    h.fake.setMode({ hold: false });
    await flushed;
    expect(h.fake.otlpSpans).toHaveLength(40);
    expect(h.fake.requests).toHaveLength(8);
  });

  it('sends each span as it ends in immediate mode', async () => {
    h = await startHarness({ exportMode: 'immediate' });
    const span = h.tracer.startSpan('lambda-handler');
    span.end();
    await until(() => h?.fake.otlpSpans.length === 1);
    expect(h.fake.otlpSpans[0].spanId).toBe(span.spanContext().spanId);
  });

  it('makes shutdown idempotent and drops spans ended after it', async () => {
    h = await startHarness();
    endSpans(h, 3);
    const first = h.processor.shutdown();
    const second = h.processor.shutdown();
    expect(second).toBe(first);
    await first;
    expect(h.fake.otlpSpans).toHaveLength(3);
    h.tracer.startSpan('late').end();
    expect(h.processor.getStats()).toMatchObject({ exported: 3, dropped: 1 });
  });

  it('does nothing and says so once when the keys are missing', async () => {
    h = await startHarness();
    const saved = { pk: process.env.LANGFUSE_PUBLIC_KEY, sk: process.env.LANGFUSE_SECRET_KEY };
    delete process.env.LANGFUSE_PUBLIC_KEY;
    delete process.env.LANGFUSE_SECRET_KEY;
    const before = h.diag.lines.length;
    let processor: LangfuseSpanProcessor;
    try {
      processor = new LangfuseSpanProcessor({ baseUrl: h.fake.url, exportAllSpans: true });
    } finally {
      if (saved.pk !== undefined) process.env.LANGFUSE_PUBLIC_KEY = saved.pk;
      if (saved.sk !== undefined) process.env.LANGFUSE_SECRET_KEY = saved.sk;
    }
    const provider = new BasicTracerProvider({ spanProcessors: [processor] });
    for (let i = 0; i < 3; i++) provider.getTracer('t').startSpan('ignored').end();
    await provider.forceFlush();
    await provider.shutdown();
    const lines = h.diag.lines.slice(before).filter((l) => l.level === 'error' || l.level === 'warn');
    expect(lines).toHaveLength(1);
    expect(lines[0].text).toContain('LANGFUSE_PUBLIC_KEY and LANGFUSE_SECRET_KEY not set');
    expect(h.fake.requests).toHaveLength(0);
  });

  it('publishes its counters as OTel metrics when a MeterProvider is set', async () => {
    class TestReader extends MetricReader {
      protected async onForceFlush() {}
      protected async onShutdown() {}
    }
    const reader = new TestReader();
    const meterProvider = new MeterProvider({ readers: [reader] });
    metrics.setGlobalMeterProvider(meterProvider);
    try {
      h = await startHarness();
      endSpans(h, 4);
      await h.processor.forceFlush();
      const { resourceMetrics } = await reader.collect();
      const values = Object.fromEntries(
        resourceMetrics.scopeMetrics
          .filter((sm) => sm.scope.name === '@spanfuse/exporter-langfuse')
          .flatMap((sm) => sm.metrics)
          .map((m) => [m.descriptor.name, m.dataPoints[0]?.value]),
      );
      expect(values).toMatchObject({
        'spanfuse.langfuse.observations.exported': 4,
        'spanfuse.langfuse.observations.failed': 0,
        'spanfuse.langfuse.observations.dropped': 0,
        'spanfuse.langfuse.observations.queued': 0,
      });
    } finally {
      metrics.disable();
      await meterProvider.shutdown();
    }
  });
});
