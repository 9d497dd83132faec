import type { Instrumentation } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PinoInstrumentation } from '@opentelemetry/instrumentation-pino';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { OpenAIInstrumentation } from '@spanfuse/instrumentation-openai';
import type { Env } from '../config/env-values.js';
import { parseSpanfuseEnv } from '../config/parse-env.js';
import { PINO_DEFAULTS, type SpanfuseInstrumentationOptions } from './instrumentation-options.js';

/** Options of {@link getSpanfuseInstrumentations}. */
export interface GetSpanfuseInstrumentationsOptions extends SpanfuseInstrumentationOptions {
  /** Environment to read `OTEL_NODE_{EN,DIS}ABLED_INSTRUMENTATIONS` from. @defaultValue `process.env` */
  env?: Env;
}

/**
 * The instrumentations `@spanfuse/node/register` enables (http, undici/fetch, pino with
 * `disableLogSending`, OpenAI), for setups that build their own SDK.
 * Honours `OTEL_NODE_ENABLED_INSTRUMENTATIONS` / `OTEL_NODE_DISABLED_INSTRUMENTATIONS`.
 *
 * @example new NodeSDK({ instrumentations: getSpanfuseInstrumentations() })
 */
export function getSpanfuseInstrumentations(
  options: GetSpanfuseInstrumentationsOptions = {},
): Instrumentation[] {
  const enabled = new Set(parseSpanfuseEnv(options.env ?? process.env).config.instrumentations);
  const out: Instrumentation[] = [];
  if (enabled.has('http') && options.http !== false) out.push(new HttpInstrumentation(options.http));
  if (enabled.has('undici') && options.undici !== false) out.push(new UndiciInstrumentation(options.undici));
  if (enabled.has('pino') && options.pino !== false) {
    out.push(new PinoInstrumentation({ ...PINO_DEFAULTS, ...options.pino }));
  }
  if (enabled.has('openai') && options.openai !== false) {
    out.push(new OpenAIInstrumentation(options.openai || undefined));
  }
  return out;
}
