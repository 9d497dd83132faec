import { logger } from './logger.js';

/** Severity of a one-time diagnostic. */
export type OnceLevel = 'error' | 'warn' | 'info';

/**
 * Says each distinct problem once: a down backend fails every batch, and a log line per batch
 * would bury the host app's own logs. The cause key is what makes two problems "the same".
 */
export class ReportOnce {
  private readonly said = new Set<string>();

  /** Logs `message` at `level` unless `cause` was already reported. Returns true when it logged. */
  report(cause: string, level: OnceLevel, message: string): boolean {
    if (this.said.has(cause)) return false;
    this.said.add(cause);
    logger()[level](message);
    return true;
  }

  /** Forgets a cause so that it may be reported again (e.g. after the backend recovered). */
  forget(cause: string): void {
    this.said.delete(cause);
  }
}
