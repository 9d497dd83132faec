import type { Context } from '@opentelemetry/api';
import { globalErrorHandler } from '@opentelemetry/core';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { LangfuseExporterOptions } from '../config/options.js';
import type { ResolvedOptions } from '../config/resolve-options.js';
import { registerDeliveryMetrics } from '../diagnostics/metrics.js';
import { ReportOnce } from '../diagnostics/report-once.js';
import { estimateBytes } from '../encoders/size-estimate.js';
import type { LangfuseObservation } from '../model/observation.js';
import type { LangfuseExportStats } from './delivery-stats.js';
import { createPipeline, type Pipeline } from './pipeline.js';

/** Longest wait of `forceFlush()`/`shutdown()`; then they resolve and the rest is counted later. */
export const FLUSH_DEADLINE_MS = 30_000;

interface Waiter {
  target: number;
  resolve: () => void;
}

/**
 * Sends the LLM path of your traces to Langfuse: selects spans, maps each to a Langfuse
 * observation as it ends, queues it in a bounded queue and delivers batches over OTLP (or the
 * legacy ingestion API) with retries and a limit on concurrent requests.
 *
 * Never throws or rejects into the app: failures are counted ({@link getStats}) and said once
 * via `diag`. `forceFlush()` and `shutdown()` deliver everything that ended before them (within
 * {@link FLUSH_DEADLINE_MS}).
 *
 * @example
 * ```ts
 * const provider = new NodeTracerProvider({ spanProcessors: [new LangfuseSpanProcessor()] });
 * ```
 */
export class LangfuseSpanProcessor implements SpanProcessor {
  private readonly pipeline: Pipeline;
  private readonly options: ResolvedOptions;
  private readonly warnings = new ReportOnce();
  private queue: LangfuseObservation[] = [];
  private sizes: number[] = [];
  private queuedBytes = 0;
  private enqueued = 0;
  private taken = 0;
  private readonly inFlight = new Set<number>();
  private waiters: Waiter[] = [];
  private timer: NodeJS.Timeout | undefined;
  private immediatePump: NodeJS.Immediate | undefined;
  private shutdownPromise: Promise<void> | undefined;
  private metricsRegistered = false;

  constructor(options: LangfuseExporterOptions = {}) {
    this.pipeline = createPipeline(options, true);
    this.options = this.pipeline.options;
  }

  /** Delivery counters (observations). */
  getStats(): LangfuseExportStats {
    return this.pipeline.stats.snapshot(this.queue.length);
  }

  /** Learns the trace identity a root span states at its start. Never throws. */
  onStart(span: Span, _parentContext: Context): void {
    if (!this.pipeline.sender) return;
    try {
      this.pipeline.mapper.start(span);
    } catch (err) {
      globalErrorHandler(err as Error);
    }
  }

  /** Selects, maps and queues the ended span (no I/O here). Never throws. */
  onEnd(span: ReadableSpan): void {
    try {
      if (!this.metricsRegistered) {
        this.metricsRegistered = true;
        registerDeliveryMetrics(() => this.getStats());
      }
      if (!this.pipeline.sender) return;
      const mapper = this.pipeline.mapper;
      if (!mapper.select(span)) return;
      // Full queue or shut down: drop before mapping, so a Langfuse outage costs the app's
      // thread (and memory) nothing beyond the count.
      if (this.shutdownPromise) {
        this.pipeline.stats.dropped++;
        return;
      }
      if (this.queue.length >= this.options.maxQueueSize) {
        this.pipeline.stats.dropped++;
        this.warnings.report(
          'queue-full',
          'warn',
          `Langfuse queue full (maxQueueSize / LANGFUSE_BUFFER_SIZE = ${this.options.maxQueueSize}): dropping observations until it drains. Raise the limit or check that Langfuse answers; drops are counted in getStats().dropped.`,
        );
        return;
      }
      const observation = mapper.mapSelected(span);
      const size = estimateBytes(observation);
      this.queue.push(observation);
      this.sizes.push(size);
      this.queuedBytes += size;
      this.enqueued++;
      if (this.options.exportMode === 'immediate') this.pump(true);
      else if (this.queue.length >= this.options.flushAt || this.queuedBytes >= this.options.maxBatchBytes)
        this.schedulePump();
      else this.armTimer();
    } catch (err) {
      globalErrorHandler(err as Error);
    }
  }

  /** Delivers everything that ended before this call. Never rejects. */
  forceFlush(): Promise<void> {
    if (!this.pipeline.sender) return Promise.resolve();
    return this.flushUntil(this.enqueued);
  }

  /** Flushes, then stops; later spans are dropped (counted). Idempotent. Never rejects. */
  shutdown(): Promise<void> {
    if (!this.shutdownPromise) {
      const target = this.enqueued;
      this.shutdownPromise = (this.pipeline.sender ? this.flushUntil(target) : Promise.resolve()).then(() => {
        if (this.timer) clearTimeout(this.timer);
        // Past the flush deadline: what is still queued will never be sent.
        this.pipeline.stats.dropped += this.queue.length;
        this.queue = [];
        this.sizes = [];
        this.queuedBytes = 0;
        try {
          this.pipeline.close();
        } catch (err) {
          globalErrorHandler(err as Error);
        }
      });
    }
    return this.shutdownPromise;
  }

  private flushUntil(target: number): Promise<void> {
    if (this.isSettled(target)) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const deadline = setTimeout(() => finish(), FLUSH_DEADLINE_MS);
      deadline.unref();
      const finish = () => {
        clearTimeout(deadline);
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve();
      };
      const waiter: Waiter = { target, resolve: finish };
      this.waiters.push(waiter);
      try {
        this.pump(true);
      } catch (err) {
        // Never reject into the app's `await forceFlush()`; the deadline still resolves it.
        globalErrorHandler(err as Error);
      }
    });
  }

  /** True when every observation with sequence number < target was sent and settled. */
  private isSettled(target: number): boolean {
    if (this.taken < target) return false;
    for (const first of this.inFlight) if (first < target) return false;
    return true;
  }

  private armTimer(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.pump(true);
    }, this.options.flushIntervalMs);
    this.timer.unref();
  }

  // Batching: encode work happens off the `span.end()` call of the app.
  private schedulePump(): void {
    if (this.immediatePump) return;
    this.immediatePump = setImmediate(() => {
      this.immediatePump = undefined;
      this.pump(false);
    });
  }

  /**
   * Starts exports while a slot is free. `all` sends partial batches too (timer, flush);
   * otherwise only full ones (flushAt or maxBatchBytes reached).
   */
  private pump(all: boolean): void {
    const sender = this.pipeline.sender;
    if (!sender) return;
    const draining = all || this.waiters.some((w) => this.taken < w.target);
    while (this.queue.length > 0 && this.inFlight.size < this.options.maxConcurrentExports) {
      const full =
        this.queue.length >= this.options.flushAt || this.queuedBytes >= this.options.maxBatchBytes;
      if (!draining && !full) break;
      const batch = this.takeBatch();
      const first = this.taken - batch.length;
      this.inFlight.add(first);
      this.pipeline.stats.inFlight += batch.length;
      void sender
        .send(batch)
        .then(() => {
          this.inFlight.delete(first);
          this.pipeline.stats.inFlight -= batch.length;
          this.afterExport();
        })
        // A bug in the bookkeeping above must not become an unhandled rejection in the app.
        .catch((err: unknown) => globalErrorHandler(err as Error));
    }
    if (this.queue.length > 0) this.armTimer();
  }

  private afterExport(): void {
    for (const w of [...this.waiters]) if (this.isSettled(w.target)) w.resolve();
    const pendingWaiter = this.waiters.some((w) => this.taken < w.target);
    if (
      pendingWaiter ||
      this.queue.length >= this.options.flushAt ||
      this.options.exportMode === 'immediate'
    ) {
      this.pump(pendingWaiter || this.options.exportMode === 'immediate');
    }
  }

  private takeBatch(): LangfuseObservation[] {
    let count = 0;
    let bytes = 0;
    const max = Math.min(this.queue.length, this.options.flushAt);
    while (count < max) {
      const size = this.sizes[count];
      if (count > 0 && bytes + size > this.options.maxBatchBytes) break;
      bytes += size;
      count++;
    }
    const batch = this.queue.splice(0, count);
    this.sizes.splice(0, count);
    this.queuedBytes = Math.max(0, this.queuedBytes - bytes);
    this.taken += count;
    return batch;
  }
}
