import { type ExportResult, ExportResultCode, globalErrorHandler } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { LangfuseExporterOptions } from '../config/options.js';
import type { LangfuseObservation } from '../model/observation.js';
import type { LangfuseExportStats } from './delivery-stats.js';
import { createPipeline, type Pipeline } from './pipeline.js';

/**
 * A plain OTel `SpanExporter` for Langfuse, for use inside your own `BatchSpanProcessor`
 * (e.g. beside other exporters). It maps every span it is given (no selection: the processor
 * in front decides), encodes and sends with retries; at most `maxConcurrentExports` exports run
 * at once, further calls wait their turn. Prefer {@link LangfuseSpanProcessor}, which adds the
 * LLM-path selection and a bounded queue.
 *
 * @example
 * ```ts
 * new BatchSpanProcessor(new LangfuseSpanExporter({ protocol: 'otlp' }));
 * ```
 */
export class LangfuseSpanExporter implements SpanExporter {
  private readonly pipeline: Pipeline;
  private readonly pending = new Set<Promise<void>>();
  private readonly waiting: Array<() => void> = [];
  private running = 0;
  private isShutdown = false;

  constructor(options: LangfuseExporterOptions = {}) {
    this.pipeline = createPipeline(options, false);
  }

  /** Delivery counters (observations). */
  getStats(): LangfuseExportStats {
    return this.pipeline.stats.snapshot(0);
  }

  /** Maps, encodes and sends `spans`; `resultCallback` is called exactly once. */
  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    let called = false;
    const done = (result: ExportResult) => {
      if (called) return;
      called = true;
      try {
        resultCallback(result);
      } catch (err) {
        globalErrorHandler(err as Error);
      }
    };
    const sender = this.pipeline.sender;
    if (!sender) {
      // No keys: a no-op, said once at construction. FAILED here would make the
      // BatchSpanProcessor log an error for every batch.
      done({ code: ExportResultCode.SUCCESS });
      return;
    }
    if (this.isShutdown) {
      this.pipeline.stats.dropped += spans.length;
      done({ code: ExportResultCode.FAILED, error: new Error('Langfuse exporter is shut down') });
      return;
    }
    let observations: LangfuseObservation[];
    try {
      observations = [];
      for (const span of spans) {
        const o = this.pipeline.mapper.map(span);
        if (o) observations.push(o);
      }
    } catch (err) {
      done({ code: ExportResultCode.FAILED, error: err as Error });
      return;
    }
    const stats = this.pipeline.stats;
    const task = this.slot()
      .then(async () => {
        stats.inFlight += observations.length;
        try {
          return await sender.send(observations);
        } finally {
          stats.inFlight -= observations.length;
          this.release();
        }
      })
      .then(
        (outcome) =>
          done(
            outcome.failed === 0
              ? { code: ExportResultCode.SUCCESS }
              : {
                  code: ExportResultCode.FAILED,
                  error: new Error('some observations were not delivered to Langfuse'),
                },
          ),
        (err: unknown) => done({ code: ExportResultCode.FAILED, error: err as Error }),
      );
    this.pending.add(task);
    void task.finally(() => this.pending.delete(task));
  }

  /** Waits for the exports in progress. Never rejects. */
  async forceFlush(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /** Waits for exports in progress, then refuses new ones. Idempotent. */
  async shutdown(): Promise<void> {
    if (this.isShutdown) return;
    this.isShutdown = true;
    await this.forceFlush();
    this.pipeline.close();
  }

  private slot(): Promise<void> {
    if (this.running < this.pipeline.options.maxConcurrentExports) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }
}
