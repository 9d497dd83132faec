// The mapping's public pieces (span → Langfuse observation, span selection, safe serialization),
// re-exported by the package index. Re-exports only.
export { extractTraceIdentity, isRootSpan, type MapSpanOptions, mapSpan } from './mapping/map-span.js';
export {
  TraceIdentityCache,
  type TraceIdentityCacheOptions,
} from './mapping/trace-identity-cache.js';
export type {
  CostDetails,
  LangfuseObservation,
  ModelParameters,
  ObservationLevel,
  ObservationType,
  SerializedValue,
  TraceIdentity,
  UsageDetails,
} from './model/observation.js';
export {
  DEFAULT_MAX_VALUE_BYTES,
  safeJsonStringify,
  serializeValue,
  toWellFormed,
  truncateUtf8,
} from './safe-json.js';
export type { SpanFilterRule, SpanPredicate } from './selection/span-filter-rule.js';
export {
  createSpanSelector,
  type SpanSelector,
  type SpanSelectorOptions,
} from './selection/span-selector.js';
