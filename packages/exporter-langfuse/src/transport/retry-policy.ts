/** Backoff settings of {@link nextRetryDelay}. */
export interface RetrySettings {
  maxRetries: number;
  /** First delay before jitter. @defaultValue 250 */
  initialDelayMs?: number;
  /** Cap of one delay, also of a server's Retry-After. @defaultValue 30_000 */
  maxDelayMs?: number;
}

/**
 * Delay before retry number `attempt` (1 = first retry), or `undefined` when retries are used
 * up. Exponential backoff with full jitter in [delay/2, delay] (so that many processes that
 * failed together do not retry together); a server's Retry-After wins when given.
 * Pure: `random` is injected.
 */
export function nextRetryDelay(
  attempt: number,
  settings: RetrySettings,
  retryAfterMs?: number,
  random: () => number = Math.random,
): number | undefined {
  if (attempt > settings.maxRetries) return undefined;
  const max = settings.maxDelayMs ?? 30_000;
  if (retryAfterMs !== undefined) return Math.min(Math.max(0, retryAfterMs), max);
  const base = Math.min((settings.initialDelayMs ?? 250) * 2 ** (attempt - 1), max);
  return Math.round(base / 2 + (random() * base) / 2);
}

/**
 * Parses a Retry-After header (RFC 9110 §10.2.3): delay-seconds or an HTTP date.
 * Returns milliseconds from `now`, or `undefined` when absent or unreadable.
 */
export function parseRetryAfter(
  value: string | string[] | undefined,
  now: number = Date.now(),
): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text) return undefined;
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
