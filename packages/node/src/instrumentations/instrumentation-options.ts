import type { HttpInstrumentationConfig } from '@opentelemetry/instrumentation-http';
import type { PinoInstrumentationConfig } from '@opentelemetry/instrumentation-pino';
import type { UndiciInstrumentationConfig } from '@opentelemetry/instrumentation-undici';
import type { OpenAIInstrumentationConfig } from '@spanfuse/instrumentation-openai';

/** Per-instrumentation settings for {@link getSpanfuseInstrumentations}; `false` leaves one out. */
export interface SpanfuseInstrumentationOptions {
  http?: HttpInstrumentationConfig | false;
  undici?: UndiciInstrumentationConfig | false;
  pino?: PinoInstrumentationConfig | false;
  /** Options of `OpenAIInstrumentation` from @spanfuse/instrumentation-openai. */
  openai?: OpenAIInstrumentationConfig | false;
}

/**
 * pino: inject `trace_id`/`span_id`/`trace_flags` for Loki → Tempo links, and do not forward
 * records to the OTel Logs SDK (there is none here; logs reach Loki through the app's transport).
 */
export const PINO_DEFAULTS: PinoInstrumentationConfig = { disableLogSending: true };
