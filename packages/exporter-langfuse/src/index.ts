// Public API of @spanfuse/exporter-langfuse. Re-exports only.

/** Options of the processor and exporter, with their environment variables. */
export type {
  LangfuseCompression,
  LangfuseExporterOptions,
  LangfuseExportMode,
  LangfuseProtocol,
} from './config/options.js';
/** How options and environment variables resolve; configuration problems as data. */
export {
  type ConfigProblem,
  type ResolvedConfig,
  type ResolvedOptions,
  resolveOptions,
} from './config/resolve-options.js';
/** Delivery counters returned by `getStats()`. */
export type { LangfuseExportStats } from './export/delivery-stats.js';
/** A SpanExporter for your own BatchSpanProcessor. */
export { LangfuseSpanExporter } from './export/langfuse-span-exporter.js';
/** The span processor: selection, mapping, bounded queue, delivery. */
export { FLUSH_DEADLINE_MS, LangfuseSpanProcessor } from './export/langfuse-span-processor.js';
/** Span → Langfuse observation mapping, span selection, safe serialization (see MAPPING.md). */
export {
  type CostDetails,
  createSpanSelector,
  DEFAULT_MAX_VALUE_BYTES,
  extractTraceIdentity,
  isRootSpan,
  type LangfuseObservation,
  type MapSpanOptions,
  type ModelParameters,
  mapSpan,
  type ObservationLevel,
  type ObservationType,
  type SerializedValue,
  type SpanFilterRule,
  type SpanPredicate,
  type SpanSelector,
  type SpanSelectorOptions,
  safeJsonStringify,
  serializeValue,
  type TraceIdentity,
  TraceIdentityCache,
  type TraceIdentityCacheOptions,
  toWellFormed,
  truncateUtf8,
  type UsageDetails,
} from './mapping-api.js';
