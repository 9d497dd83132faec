import { ExportResultCode } from '@opentelemetry/core';
import { BasicTracerProvider, BatchSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { LangfuseSpanExporter } from '@spanfuse/exporter-langfuse';
import { type FakeLangfuse, startFakeLangfuse } from '@spanfuse/test-fakes';
import { afterEach, describe, expect, it } from 'vitest';
import { captureDiag, type DiagCapture } from './harness.js';

let fake: FakeLangfuse | undefined;
let capture: DiagCapture | undefined;
afterEach(async () => {
  await fake?.close();
  capture?.restore();
  fake = undefined;
});

function spans(count: number): ReadableSpan[] {
  const collected: ReadableSpan[] = [];
  const provider = new BasicTracerProvider({
    spanProcessors: [
      { onStart() {}, onEnd: (s) => collected.push(s), forceFlush: async () => {}, shutdown: async () => {} },
    ],
  });
  const tracer = provider.getTracer('t');
  for (let i = 0; i < count; i++) tracer.startSpan(`s-${i}`).end();
  return collected;
}

function exportOnce(exporter: LangfuseSpanExporter, batch: ReadableSpan[]) {
  return new Promise<{ code: ExportResultCode; calls: number }>((resolve) => {
    let calls = 0;
    exporter.export(batch, (result) => {
      calls++;
      setTimeout(() => resolve({ code: result.code, calls }), 20);
    });
  });
}

describe('LangfuseSpanExporter', () => {
  it('delivers what a BatchSpanProcessor gives it, without selection', async () => {
    fake = await startFakeLangfuse();
    const exporter = new LangfuseSpanExporter({
      publicKey: fake.publicKey,
      secretKey: fake.secretKey,
      baseUrl: fake.url,
    });
    const provider = new BasicTracerProvider({ spanProcessors: [new BatchSpanProcessor(exporter)] });
    const tracer = provider.getTracer('plain-app');
    for (let i = 0; i < 25; i++) tracer.startSpan(`work-${i}`).end();
    await provider.forceFlush();
    await provider.shutdown();
    expect(fake.otlpSpans).toHaveLength(25);
    expect(exporter.getStats()).toMatchObject({ exported: 25, failed: 0 });
  });

  it('calls the result callback exactly once with SUCCESS, or FAILED on a refused key', async () => {
    fake = await startFakeLangfuse();
    capture = captureDiag();
    const good = new LangfuseSpanExporter({
      publicKey: fake.publicKey,
      secretKey: fake.secretKey,
      baseUrl: fake.url,
    });
    expect(await exportOnce(good, spans(3))).toEqual({ code: ExportResultCode.SUCCESS, calls: 1 });
    const bad = new LangfuseSpanExporter({
      publicKey: fake.publicKey,
      secretKey: 'sk-lf-nope-9999',
      baseUrl: fake.url,
    });
    expect(await exportOnce(bad, spans(3))).toEqual({ code: ExportResultCode.FAILED, calls: 1 });
    await bad.shutdown();
    await bad.shutdown();
    expect(await exportOnce(bad, spans(1))).toEqual({ code: ExportResultCode.FAILED, calls: 1 });
    await good.shutdown();
    expect(capture.text()).not.toContain('sk-lf-nope-9999');
  });

  it('runs at most maxConcurrentExports exports at once', async () => {
    fake = await startFakeLangfuse();
    fake.setMode({ hold: true });
    const exporter = new LangfuseSpanExporter({
      publicKey: fake.publicKey,
      secretKey: fake.secretKey,
      baseUrl: fake.url,
      maxConcurrentExports: 1,
    });
    const results = [
      exportOnce(exporter, spans(2)),
      exportOnce(exporter, spans(2)),
      exportOnce(exporter, spans(2)),
    ];
    await new Promise((r) => setTimeout(r, 200));
    expect(fake.requests).toHaveLength(1);
    fake.setMode({ hold: false });
    const codes = await Promise.all(results);
    expect(codes.map((c) => c.code)).toEqual([0, 0, 0]);
    expect(fake.requests).toHaveLength(3);
    await exporter.forceFlush();
    await exporter.shutdown();
  });

  it('is a silent no-op without keys: SUCCESS, no request, one error at construction', async () => {
    fake = await startFakeLangfuse();
    capture = captureDiag();
    const saved = { pk: process.env.LANGFUSE_PUBLIC_KEY, sk: process.env.LANGFUSE_SECRET_KEY };
    delete process.env.LANGFUSE_PUBLIC_KEY;
    delete process.env.LANGFUSE_SECRET_KEY;
    let exporter: LangfuseSpanExporter;
    try {
      exporter = new LangfuseSpanExporter({ baseUrl: fake.url });
    } finally {
      if (saved.pk !== undefined) process.env.LANGFUSE_PUBLIC_KEY = saved.pk;
      if (saved.sk !== undefined) process.env.LANGFUSE_SECRET_KEY = saved.sk;
    }
    expect(await exportOnce(exporter, spans(2))).toEqual({ code: ExportResultCode.SUCCESS, calls: 1 });
    expect(await exportOnce(exporter, spans(2))).toEqual({ code: ExportResultCode.SUCCESS, calls: 1 });
    expect(fake.requests).toHaveLength(0);
    expect(capture.lines.filter((l) => l.level === 'error')).toHaveLength(1);
  });
});
