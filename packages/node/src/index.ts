// Public API of @spanfuse/node. Re-exports only. The zero-code entry is `@spanfuse/node/register`.
export type { Env } from './config/env-values.js';
export { parseSpanfuseEnv } from './config/parse-env.js';
export type {
  InstrumentationName,
  LangfuseDestinationConfig,
  ParsedConfig,
  SpanfuseConfig,
  TempoDestinationConfig,
  TracesSamplerSpec,
} from './config/types.js';
export { type PinoLike, routeDiagToPino } from './diag/route-diag-to-pino.js';
export {
  type GetSpanfuseInstrumentationsOptions,
  getSpanfuseInstrumentations,
} from './instrumentations/get-spanfuse-instrumentations.js';
export type { SpanfuseInstrumentationOptions } from './instrumentations/instrumentation-options.js';
export { type PinoTraceFields, pinoMixin, spanfusePinoOptions } from './pino/pino-mixin.js';
export {
  getSpanfuseSpanProcessors,
  type SpanfuseSpanProcessorsOptions,
} from './processors/get-spanfuse-span-processors.js';
export type { LangfuseProcessorOptions } from './processors/langfuse-module.js';
export { TraceSubsetSpanProcessor } from './processors/trace-subset-span-processor.js';
export { type ScoreResult, score } from './score/score.js';
export type { ScoreInput } from './score/score-request.js';
export { getSpanfuseSampler } from './sdk/get-spanfuse-sampler.js';
export { flush, shutdown } from './shutdown/flush.js';
