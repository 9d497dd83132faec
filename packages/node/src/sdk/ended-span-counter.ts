import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';

/** Counts ended spans, so `beforeExit` only flushes when there is something new to send. */
export class EndedSpanCounter implements SpanProcessor {
  count = 0;
  onStart(_span: Span): void {}
  onEnd(_span: ReadableSpan): void {
    this.count++;
  }
  forceFlush(): Promise<void> {
    return Promise.resolve();
  }
  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}
