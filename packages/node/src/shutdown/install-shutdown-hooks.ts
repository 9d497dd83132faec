import { logger } from '../diag/logger.js';
import { settleWithin } from './with-timeout.js';

/** What the hooks drive. */
export interface ShutdownTarget {
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
  /** Spans ended so far (to skip needless flushes on repeated `beforeExit`). */
  endedSpans(): number;
}

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * Flushes on SIGTERM, SIGINT and `beforeExit` within `timeoutMs`, without changing how the app
 * exits: if the app has its own handler for the signal it keeps control (we only flush);
 * otherwise we flush, remove our handler and re-raise the signal so the process ends the
 * conventional way (exit by signal, 128 + n). Without this, short scripts lose every span.
 */
export function installShutdownHooks(target: ShutdownTarget, timeoutMs: number): void {
  let flushedAt = -1;
  // `beforeExit` fires again after our async flush empties the loop; flush only when new spans ended.
  process.on('beforeExit', () => {
    const ended = target.endedSpans();
    if (ended === flushedAt) return;
    flushedAt = ended;
    void settleWithin(target.forceFlush(), timeoutMs);
  });

  for (const signal of SIGNALS) {
    const onSignal = (): void => {
      const appHandles = process.listenerCount(signal) > 1;
      if (appHandles) {
        void settleWithin(target.forceFlush(), timeoutMs);
        return;
      }
      process.removeListener(signal, onSignal);
      void settleWithin(target.shutdown(), timeoutMs).then((inTime) => {
        if (!inTime) logger.warn(`${signal}: telemetry flush did not finish within ${timeoutMs} ms`);
        process.kill(process.pid, signal);
      });
    };
    process.on(signal, onSignal);
  }
}
