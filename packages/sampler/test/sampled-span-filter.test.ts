import { ROOT_CONTEXT, TraceFlags, trace } from '@opentelemetry/api';
import { TraceState } from '@opentelemetry/core';
import {
  AlwaysOnSampler,
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { createLangfuseSampledSpanFilter, LangfuseRatioSampler } from '@spanfuse/sampler';
import { describe, expect, it } from 'vitest';
import { seededTraceIds } from './seeded-trace-ids.js';

function spansFrom(sampler: AlwaysOnSampler | LangfuseRatioSampler, ids: string[]) {
  const queue = [...ids];
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    sampler,
    spanProcessors: [new SimpleSpanProcessor(exporter)],
    idGenerator: { generateTraceId: () => queue.shift()!, generateSpanId: () => 'a1b2c3d4e5f60718' },
  });
  for (let i = 0; i < ids.length; i++) provider.getTracer('t').startSpan('root').end();
  return exporter.getFinishedSpans();
}

describe('createLangfuseSampledSpanFilter', () => {
  it('passes exactly the traces the LangfuseRatioSampler would have kept at the same ratio', () => {
    const ids = seededTraceIds(99, 3000);
    const everything = spansFrom(new AlwaysOnSampler(), ids); // the user's sampler rules Tempo
    const keep = createLangfuseSampledSpanFilter(0.2);
    const filtered = everything.filter(keep).map((s) => s.spanContext().traceId);
    const headSampled = spansFrom(new LangfuseRatioSampler(0.2), ids).map((s) => s.spanContext().traceId);
    expect(filtered).toEqual(headSampled);
    expect(filtered.length).toBeGreaterThan(500);
  });

  it('passes nothing at 0 and everything at 1', () => {
    const span = { spanContext: () => ({ traceId: 'f'.repeat(32), spanId: '1'.repeat(16), traceFlags: 1 }) };
    expect(createLangfuseSampledSpanFilter(0)(span)).toBe(false);
    expect(createLangfuseSampledSpanFilter(1)(span)).toBe(true);
  });

  it('honours an explicit rv in the span tracestate so every process agrees on propagated randomness', () => {
    const ctx = trace.setSpanContext(ROOT_CONTEXT, {
      traceId: 'f'.repeat(32),
      spanId: '1'.repeat(16),
      traceFlags: TraceFlags.SAMPLED,
      traceState: new TraceState('ot=rv:00000000000000'),
    });
    const span = trace.getSpan(ctx)!;
    expect(createLangfuseSampledSpanFilter(0.5)(span)).toBe(false);
  });
});
