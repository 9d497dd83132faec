/**
 * Waits `ms`. The timer stays referenced on purpose: a retry pending while the app awaits
 * `forceFlush()` must keep the process alive, or the last batch is lost at exit. Retries are
 * bounded (maxRetries, 30 s cap per delay), so this cannot hold a process forever.
 */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
