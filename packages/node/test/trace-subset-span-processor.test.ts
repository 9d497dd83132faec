import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { TraceSubsetSpanProcessor } from '@spanfuse/node';
import { describe, expect, it } from 'vitest';

describe('TraceSubsetSpanProcessor', () => {
  it('passes only the spans the predicate keeps, and forwards flush and shutdown', async () => {
    const exporter = new InMemorySpanExporter();
    const inner = new SimpleSpanProcessor(exporter);
    const keepEven = (span: { spanContext(): { traceId: string } }) =>
      Number.parseInt(span.spanContext().traceId.slice(-1), 16) % 2 === 0;
    const provider = new BasicTracerProvider({
      spanProcessors: [new TraceSubsetSpanProcessor(inner, keepEven)],
    });
    const ended: string[] = [];
    for (let i = 0; i < 20; i++) {
      const span = provider.getTracer('t').startSpan('s');
      ended.push(span.spanContext().traceId);
      span.end();
    }
    await provider.forceFlush();
    expect(exporter.getFinishedSpans().map((s) => s.spanContext().traceId)).toEqual(
      ended.filter((id) => keepEven({ spanContext: () => ({ traceId: id }) })),
    );
    await provider.shutdown();
    const after = provider.getTracer('t').startSpan('late');
    after.end();
    expect(exporter.getFinishedSpans().some((s) => s.name === 'late')).toBe(false);
  });
});
