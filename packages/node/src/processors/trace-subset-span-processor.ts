import type { Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';

/**
 * Passes only the spans of a chosen subset of traces to another processor. Used to give Langfuse
 * its `LANGFUSE_SAMPLE_RATE` share when the user's own sampler rules Tempo: the predicate is a
 * pure function of the trace id, so a trace is passed whole or not at all, in every process.
 */
export class TraceSubsetSpanProcessor implements SpanProcessor {
  constructor(
    private readonly inner: SpanProcessor,
    private readonly keep: (span: { spanContext: ReadableSpan['spanContext'] }) => boolean,
  ) {}

  onStart(span: Span, parentContext: Context): void {
    if (this.keep(span)) this.inner.onStart(span, parentContext);
  }

  onEnd(span: ReadableSpan): void {
    if (this.keep(span)) this.inner.onEnd(span);
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }
}
