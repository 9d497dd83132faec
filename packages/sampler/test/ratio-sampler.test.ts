import { ROOT_CONTEXT, TraceFlags, trace } from '@opentelemetry/api';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { LangfuseRatioSampler, shouldSampleTraceId } from '@spanfuse/sampler';
import { describe, expect, it } from 'vitest';
import { seededTraceIds } from './seeded-trace-ids.js';

function makeProvider(ratio: number) {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    sampler: new LangfuseRatioSampler(ratio),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  return { tracer: provider.getTracer('test'), exporter };
}

function remoteParent(traceId: string, sampled: boolean) {
  return trace.setSpanContext(ROOT_CONTEXT, {
    traceId,
    spanId: 'a1b2c3d4e5f60718',
    traceFlags: sampled ? TraceFlags.SAMPLED : TraceFlags.NONE,
    isRemote: true,
  });
}

describe('LangfuseRatioSampler', () => {
  it('follows a sampled remote parent even when the trace id alone would be dropped', () => {
    const { tracer, exporter } = makeProvider(0.01);
    const traceId = `${'0'.repeat(18)}00000000000001`;
    tracer.startSpan('child', {}, remoteParent(traceId, true)).end();
    expect(exporter.getFinishedSpans().map((s) => s.spanContext().traceId)).toEqual([traceId]);
  });

  it('follows an unsampled remote parent even when the trace id alone would be kept', () => {
    const { tracer, exporter } = makeProvider(1);
    tracer.startSpan('child', {}, remoteParent(`${'0'.repeat(18)}ffffffffffffff`, false)).end();
    expect(exporter.getFinishedSpans()).toHaveLength(0);
  });

  it('keeps or drops a local trace whole: children follow the root decision', () => {
    const { tracer, exporter } = makeProvider(0.5);
    for (let i = 0; i < 50; i++) {
      const root = tracer.startSpan('root');
      tracer.startSpan('child', {}, trace.setSpan(ROOT_CONTEXT, root)).end();
      root.end();
    }
    const byTrace = new Map<string, number>();
    for (const s of exporter.getFinishedSpans()) {
      byTrace.set(s.spanContext().traceId, (byTrace.get(s.spanContext().traceId) ?? 0) + 1);
    }
    expect(byTrace.size).toBeGreaterThan(0);
    expect(byTrace.size).toBeLessThan(50);
    expect([...byTrace.values()].every((n) => n === 2)).toBe(true);
  });

  it('keeps the root th in the tracestate that children inherit', () => {
    const { tracer, exporter } = makeProvider(1);
    const root = tracer.startSpan('root');
    tracer.startSpan('child', {}, trace.setSpan(ROOT_CONTEXT, root)).end();
    root.end();
    const states = exporter.getFinishedSpans().map((s) => s.spanContext().traceState?.get('ot'));
    expect(states).toEqual(['th:0', 'th:0']);
  });

  it('makes the same root decisions in two independent providers (two "processes")', () => {
    const ids = seededTraceIds(7, 2000);
    const run = () => {
      const queue = [...ids];
      const exporter = new InMemorySpanExporter();
      const provider = new BasicTracerProvider({
        sampler: new LangfuseRatioSampler(0.25),
        spanProcessors: [new SimpleSpanProcessor(exporter)],
        idGenerator: { generateTraceId: () => queue.shift()!, generateSpanId: () => 'a1b2c3d4e5f60718' },
      });
      const tracer = provider.getTracer('test');
      for (let i = 0; i < ids.length; i++) tracer.startSpan('root').end();
      return exporter.getFinishedSpans().map((s) => s.spanContext().traceId);
    };
    const keptA = run();
    const keptB = run();
    expect(keptA).toEqual(keptB);
    expect(keptA).toEqual(ids.filter((id) => shouldSampleTraceId(id, 0.25)));
    expect(keptA.length).toBeGreaterThan(400);
    expect(keptA.length).toBeLessThan(600);
  });

  it('describes itself in toString()', () => {
    expect(new LangfuseRatioSampler(0.25).toString()).toBe(
      'LangfuseRatioSampler{root=ConsistentRatioSampler{ratio=0.25, th=c}}',
    );
  });
});
