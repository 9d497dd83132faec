import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';

/** How observations travel to Langfuse. */
export type LangfuseProtocol = 'otlp' | 'ingestion' | 'auto';
/** Request body compression, as `OTEL_EXPORTER_OTLP_COMPRESSION` names it. */
export type LangfuseCompression = 'gzip' | 'none';

/** When observations are sent. */
export type LangfuseExportMode = 'batched' | 'immediate';

/**
 * Options of {@link LangfuseSpanProcessor} and {@link LangfuseSpanExporter}. Every option is
 * optional: an option given here wins over its environment variable, which wins over the default.
 *
 * @example
 * ```ts
 * new LangfuseSpanProcessor({ environment: 'staging', flushInterval: 2 });
 * ```
 */
export interface LangfuseExporterOptions {
  /**
   * Langfuse public key (`pk-lf-…`).
   * Env: `LANGFUSE_PUBLIC_KEY`. Without both keys the processor does nothing and says so once.
   */
  publicKey?: string;
  /** Langfuse secret key (`sk-lf-…`); never logged. Env: `LANGFUSE_SECRET_KEY`. */
  secretKey?: string;
  /**
   * Langfuse server URL.
   * Env: `LANGFUSE_BASE_URL`, then the older `LANGFUSE_BASEURL` and `LANGFUSE_HOST`.
   * @defaultValue `'https://cloud.langfuse.com'`
   */
  baseUrl?: string;
  /**
   * Environment of every observation (`langfuse.environment`). Langfuse accepts lowercase
   * `[a-z0-9_-]`, at most 40 characters, not starting with "langfuse"; an invalid value is
   * reported once and dropped. Env: `LANGFUSE_TRACING_ENVIRONMENT`.
   */
  environment?: string;
  /** Release of every observation (`langfuse.release`). Env: `LANGFUSE_RELEASE`. */
  release?: string;
  /**
   * Number of queued observations that triggers a send.
   * Env: `LANGFUSE_FLUSH_AT`.
   * @defaultValue `512`
   */
  flushAt?: number;
  /**
   * Seconds between scheduled sends (seconds, like the official Langfuse SDK).
   * Env: `LANGFUSE_FLUSH_INTERVAL`.
   * @defaultValue `1`
   */
  flushInterval?: number;
  /**
   * Seconds one HTTP request may take.
   * Env: `LANGFUSE_TIMEOUT`.
   * @defaultValue `10`
   */
  timeout?: number;
  /**
   * `'batched'` queues and sends in batches; `'immediate'` sends every span as it ends
   * (serverless functions that may freeze right after answering).
   * @defaultValue `'batched'`
   */
  exportMode?: LangfuseExportMode;
  /** Extra HTTP headers on every request to Langfuse (e.g. for a proxy). */
  additionalHeaders?: Record<string, string>;
  /**
   * `'otlp'` sends OTLP/protobuf to `/api/public/otel/v1/traces`; `'ingestion'` sends the
   * legacy `/api/public/ingestion` batches; `'auto'` uses OTLP and falls back to ingestion once
   * when the server answers 404 on the OTLP path (Langfuse servers older than v3.22).
   * Env: `LANGFUSE_PROTOCOL`.
   * @defaultValue `'auto'`
   */
  protocol?: LangfuseProtocol;
  /**
   * `'gzip'` compresses request bodies of 1 KiB and more (level 1): about 5× fewer bytes on the
   * wire for 12–20 µs of CPU per LLM span with 2 KiB of content (bench), on libuv's thread pool.
   * `'none'` sends them as they are — the OTLP exporters' default, and `@langfuse/otel`'s.
   * Env: `LANGFUSE_COMPRESSION`.
   * @defaultValue `'none'`
   */
  compression?: LangfuseCompression;
  /**
   * Most observations waiting to be sent; beyond it new ones are dropped, counted and
   * warned about once. The BatchSpanProcessor's default; with 2 KiB of content per span it keeps
   * a 100k-span burst against a dead Langfuse under 64 MB of RSS. Env: `LANGFUSE_BUFFER_SIZE`.
   * @defaultValue `2048`
   */
  maxQueueSize?: number;
  /**
   * Retries of one batch after a network error, 5xx or 429.
   * Env: `LANGFUSE_MAX_RETRIES`.
   * @defaultValue `5`
   */
  maxRetries?: number;
  /**
   * Most exports in flight at once (extra flushes wait instead of piling up requests).
   * @defaultValue `2`
   */
  maxConcurrentExports?: number;
  /**
   * Uncompressed size (estimate) that triggers a send and that one request never exceeds
   * (Langfuse caps ingestion batches at 3.5 MB).
   * @defaultValue `3_500_000`
   */
  maxBatchBytes?: number;
  /**
   * Longest input/output/metadata value in bytes; longer values are cut with a marker.
   * @defaultValue `1_000_000`
   */
  maxValueBytes?: number;
  /**
   * Export every span, not only the LLM path (LLM spans, their ancestors, spans with
   * `langfuse.*` attributes). Env: `LANGFUSE_EXPORT_ALL_SPANS=true`.
   * @defaultValue `false`
   */
  exportAllSpans?: boolean;
  /**
   * Spans to export in addition to the LLM path (their ancestors follow). A throwing
   * predicate counts as "no".
   * @example `includeSpan: (span) => span.instrumentationScope.name === 'my-app'`
   */
  includeSpan?: (span: ReadableSpan) => boolean;
  /** Spans never to export, checked first (also in `exportAllSpans` mode). */
  excludeSpan?: (span: ReadableSpan) => boolean;
  /**
   * Replaces the selection wholesale, like the official SDK's `shouldExportSpan`: return true to
   * export. Exceptions thrown by it count as "do not export".
   */
  shouldExportSpan?: (span: ReadableSpan) => boolean;
}
