import { BatchSpanProcessor, type SpanExporter, type SpanProcessor } from '@opentelemetry/sdk-trace-base';

/**
 * The Tempo destination: a BatchSpanProcessor (which reads `OTEL_BSP_*`) around the OTLP exporter,
 * which reads `OTEL_EXPORTER_OTLP_{,TRACES_}{ENDPOINT,HEADERS,TIMEOUT,COMPRESSION}` itself.
 */
export function createTempoProcessor(exporter: SpanExporter): SpanProcessor {
  return new BatchSpanProcessor(exporter);
}
