// The part of @spanfuse/exporter-langfuse this package passes through.
import type { LangfuseExporterOptions } from '@spanfuse/exporter-langfuse';

/** Options of the Langfuse processor (see @spanfuse/exporter-langfuse); given in code they win over `LANGFUSE_*`. */
export type LangfuseProcessorOptions = LangfuseExporterOptions;

/** The `LangfuseSpanProcessor` constructor, passed in so the register path can import it lazily. */
export type LangfuseSpanProcessorClass = typeof import('@spanfuse/exporter-langfuse').LangfuseSpanProcessor;
