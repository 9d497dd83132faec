import { context, isSpanContextValid, trace } from '@opentelemetry/api';

/** Log-correlation fields, named as OTel and instrumentation-pino name them (Grafana derives `trace_id`). */
export interface PinoTraceFields {
  trace_id?: string;
  span_id?: string;
  /** Two hex digits, e.g. `01` when sampled. */
  trace_flags?: string;
}

/**
 * The active span's `{ trace_id, span_id, trace_flags }`, or `{}` outside a valid span. Use as
 * pino's `mixin` when you build the logger yourself (register mode does this automatically
 * through @opentelemetry/instrumentation-pino).
 *
 * @example const log = pino({ mixin: pinoMixin });
 */
export function pinoMixin(): PinoTraceFields {
  const spanContext = trace.getSpan(context.active())?.spanContext();
  if (!spanContext || !isSpanContextValid(spanContext)) return {};
  return {
    trace_id: spanContext.traceId,
    span_id: spanContext.spanId,
    trace_flags: `0${spanContext.traceFlags.toString(16)}`.slice(-2),
  };
}

/**
 * pino options that add the trace fields to every line, to spread into `pino({...})`.
 * @example const log = pino({ ...spanfusePinoOptions(), level: 'info' });
 */
export function spanfusePinoOptions(): { mixin: () => PinoTraceFields } {
  return { mixin: pinoMixin };
}
