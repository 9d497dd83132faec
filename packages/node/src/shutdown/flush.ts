import { trace } from '@opentelemetry/api';
import { logger } from '../diag/logger.js';
import { getHandle } from './spanfuse-handle.js';
import { settleWithin } from './with-timeout.js';

/** Default bound for {@link flush} and {@link shutdown}, in milliseconds. */
export const DEFAULT_FLUSH_TIMEOUT_MS = 5000;

interface Flushable {
  forceFlush?: () => Promise<void>;
  shutdown?: () => Promise<void>;
}

function globalProvider(): Flushable | undefined {
  const proxy = trace.getTracerProvider() as { getDelegate?: () => unknown };
  return (proxy.getDelegate?.() ?? proxy) as Flushable;
}

/**
 * Exports every finished span now (Tempo and Langfuse), e.g. at the end of a serverless handler.
 * Works with register's SDK or any global provider that has `forceFlush`. Never rejects.
 *
 * @param timeoutMs - upper bound. @defaultValue 5000
 * @returns `true` when the flush finished within the bound.
 * @example export const handler = async (event) => { try { return await work(event); } finally { await flush(); } };
 */
export async function flush(timeoutMs = DEFAULT_FLUSH_TIMEOUT_MS): Promise<boolean> {
  const target = getHandle() ?? globalProvider();
  if (!target?.forceFlush) return true;
  const done = await settleWithin(
    Promise.resolve().then(() => target.forceFlush!()),
    timeoutMs,
  );
  if (!done) logger.warn(`flush did not finish within ${timeoutMs} ms; some spans may be lost`);
  return done;
}

/**
 * Flushes and stops register's SDK (idempotent). Spans ended afterwards are dropped. Never rejects.
 * @param timeoutMs - upper bound. @defaultValue 5000
 */
export async function shutdown(timeoutMs = DEFAULT_FLUSH_TIMEOUT_MS): Promise<boolean> {
  const target = getHandle() ?? globalProvider();
  if (!target?.shutdown) return true;
  return settleWithin(
    Promise.resolve().then(() => target.shutdown!()),
    timeoutMs,
  );
}
