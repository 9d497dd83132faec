// One component logger and a warn-once guard: telemetry failures are logged, never thrown.
import { diag } from '@opentelemetry/api';

/** The package's diag logger. */
export const log = diag.createComponentLogger({ namespace: '@spanfuse/instrumentation-openai' });

const warned = new Set<string>();

/** Logs `message` once per process (a broken mapping would otherwise log on every call). */
export function warnOnce(message: string, err?: unknown): void {
  if (warned.has(message)) return;
  warned.add(message);
  log.warn(message, err);
}

/** The warning for a failed mapping (shared by {@link safely} and inline try/catch on hot paths). */
export const RECORD_FAILED = 'failed to record an OpenAI call; the span may miss attributes';

/** Runs `fn`, logging (once) instead of throwing: telemetry must not break the app. */
export function safely(fn: () => void): void {
  try {
    fn();
  } catch (err) {
    warnOnce(RECORD_FAILED, err);
  }
}
