import type { Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { logger } from '../diag/logger.js';

type Pending = { start: true; span: Span; context: Context } | { start: false; span: ReadableSpan };

/** Most span events held while the real processor loads; beyond it they are dropped and counted. */
export const DEFERRED_BUFFER_LIMIT = 10_000;

/**
 * A SpanProcessor whose real implementation is imported when the first span starts, so that an
 * app pays for the Langfuse exporter's import only once it traces something (startup budget).
 * Events that arrive while loading are replayed in order; the buffer is bounded.
 */
export class DeferredSpanProcessor implements SpanProcessor {
  private inner: SpanProcessor | undefined;
  private loading: Promise<SpanProcessor | undefined> | undefined;
  private pending: Pending[] = [];
  private dropped = 0;
  private settled = false;

  constructor(private readonly load: () => Promise<SpanProcessor | undefined>) {}

  private ensureLoading(): Promise<SpanProcessor | undefined> {
    this.loading ??= this.load()
      .catch(() => undefined)
      .then((inner) => {
        this.inner = inner;
        this.settled = true;
        const pending = this.pending;
        this.pending = [];
        if (inner) {
          for (const event of pending) {
            if (event.start) inner.onStart(event.span, event.context);
            else inner.onEnd(event.span);
          }
        }
        if (this.dropped) logger.warn(`${this.dropped} spans dropped while the exporter was loading`);
        return inner;
      });
    return this.loading;
  }

  private hold(event: Pending): void {
    if (this.pending.length >= DEFERRED_BUFFER_LIMIT) {
      this.dropped++;
      return;
    }
    this.pending.push(event);
  }

  onStart(span: Span, parentContext: Context): void {
    if (this.inner) {
      this.inner.onStart(span, parentContext);
      return;
    }
    if (this.settled) return; // the processor could not be loaded
    this.hold({ start: true, span, context: parentContext });
    void this.ensureLoading();
  }

  onEnd(span: ReadableSpan): void {
    if (this.inner) {
      this.inner.onEnd(span);
      return;
    }
    if (this.settled || !this.loading) return;
    this.hold({ start: false, span });
  }

  async forceFlush(): Promise<void> {
    const inner = this.loading ? await this.loading : undefined;
    await inner?.forceFlush();
  }

  async shutdown(): Promise<void> {
    const inner = this.loading ? await this.loading : undefined;
    await inner?.shutdown();
  }
}
