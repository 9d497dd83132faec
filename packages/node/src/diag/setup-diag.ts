import { formatWithOptions } from 'node:util';
import { type DiagLogger, type DiagLogLevel, diag } from '@opentelemetry/api';

// Every level goes to stderr: OTel's DiagConsoleLogger prints info/debug with console.info/debug,
// i.e. to stdout, where they would corrupt an app's JSON log stream (pino → Loki).
function write(level: string) {
  return (message: string, ...args: unknown[]): void => {
    try {
      process.stderr.write(
        `${formatWithOptions({ breakLength: Number.POSITIVE_INFINITY }, `[otel ${level}] ${message}`, ...args)}\n`,
      );
    } catch {
      // stderr closed: nothing sensible left to do
    }
  };
}

const stderrLogger: DiagLogger = {
  error: write('error'),
  warn: write('warn'),
  info: write('info'),
  debug: write('debug'),
  verbose: write('verbose'),
};

/**
 * Installs a diag logger writing to stderr at the level from `OTEL_LOG_LEVEL` / `LANGFUSE_DEBUG`.
 * An app can later replace it, e.g. with `routeDiagToPino`.
 */
export function setupDiag(level: DiagLogLevel): void {
  diag.setLogger(stderrLogger, { logLevel: level, suppressOverrideMessage: true });
}
