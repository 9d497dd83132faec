import { type DiagLogger, DiagLogLevel, diag } from '@opentelemetry/api';

/** The part of a pino logger {@link routeDiagToPino} uses. */
export interface PinoLike {
  error(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
  trace(obj: object, msg?: string): void;
}

/**
 * Sends OpenTelemetry's and Spanfuse's diagnostics (`diag`) to a pino logger instead of stderr,
 * so they land in Loki beside the app's logs.
 *
 * @param logger - a pino logger (a child such as `logger.child({ component: 'otel' })` works well).
 * @param level - lowest level forwarded. @defaultValue `DiagLogLevel.INFO`
 * @example routeDiagToPino(pino().child({ component: 'otel' }))
 */
export function routeDiagToPino(logger: PinoLike, level: DiagLogLevel = DiagLogLevel.INFO): void {
  const forward =
    (method: keyof PinoLike) =>
    (message: string, ...args: unknown[]) => {
      try {
        // component loggers call (namespace, message, ...args): leading strings belong to the message
        let text = message;
        let rest = args;
        while (typeof rest[0] === 'string') {
          text += ` ${rest[0]}`;
          rest = rest.slice(1);
        }
        logger[method](rest.length ? { otel_diag_args: rest.map(describe) } : {}, text);
      } catch {
        // a broken logger must never break telemetry
      }
    };
  const target: DiagLogger = {
    error: forward('error'),
    warn: forward('warn'),
    info: forward('info'),
    debug: forward('debug'),
    verbose: forward('trace'),
  };
  diag.setLogger(target, { logLevel: level, suppressOverrideMessage: true });
}

function describe(arg: unknown): unknown {
  if (arg instanceof Error) return { name: arg.name, message: arg.message };
  return arg;
}
