import type { DiagLogLevel } from '@opentelemetry/api';

/** Names accepted by `OTEL_NODE_ENABLED_INSTRUMENTATIONS` / `OTEL_NODE_DISABLED_INSTRUMENTATIONS`. */
export const INSTRUMENTATION_NAMES = ['http', 'undici', 'pino', 'openai', 'langchain'] as const;
/** One instrumentation Spanfuse can enable. */
export type InstrumentationName = (typeof INSTRUMENTATION_NAMES)[number];

/** OTLP protocols Spanfuse can send to Tempo. */
export type OtlpProtocol = 'http/protobuf' | 'http/json';

/** `OTEL_TRACES_SAMPLER` (+ `_ARG`), parsed. */
export interface TracesSamplerSpec {
  name:
    | 'always_on'
    | 'always_off'
    | 'traceidratio'
    | 'parentbased_always_on'
    | 'parentbased_always_off'
    | 'parentbased_traceidratio';
  /** Ratio for the `*traceidratio` samplers. */
  ratio: number;
}

/** Langfuse destination settings (from `LANGFUSE_*`). */
export interface LangfuseDestinationConfig {
  /** False when `LANGFUSE_ENABLED=false` or a key is missing. */
  enabled: boolean;
  publicKey?: string;
  secretKey?: string;
  /** `LANGFUSE_BASE_URL` (or `LANGFUSE_HOST`), default `https://cloud.langfuse.com`. */
  baseUrl: string;
  environment?: string;
  release?: string;
  /** Spans per export batch (`LANGFUSE_FLUSH_AT`). */
  flushAt?: number;
  /** Seconds between exports (`LANGFUSE_FLUSH_INTERVAL`). */
  flushInterval?: number;
  /** Seconds per export request (`LANGFUSE_TIMEOUT`). */
  timeout?: number;
  maxRetries?: number;
  /** Span queue bound (`LANGFUSE_BUFFER_SIZE`). */
  maxQueueSize?: number;
  /** Share of traces sent to Langfuse (`LANGFUSE_SAMPLE_RATE`), in [0, 1]. */
  sampleRate: number;
}

/** Tempo (OTLP) destination settings. */
export interface TempoDestinationConfig {
  /** False when `OTEL_TRACES_EXPORTER=none`. */
  enabled: boolean;
  /** `console` also prints spans (OTEL_TRACES_EXPORTER=console). */
  console: boolean;
  protocol: OtlpProtocol;
}

/** Everything Spanfuse reads from the environment, validated. */
export interface SpanfuseConfig {
  /** `OTEL_SDK_DISABLED=true`: start nothing. */
  sdkDisabled: boolean;
  logLevel: DiagLogLevel;
  serviceName?: string;
  langfuse: LangfuseDestinationConfig;
  tempo: TempoDestinationConfig;
  /** The user's `OTEL_TRACES_SAMPLER`; when set it rules Tempo and Langfuse gets a consistent subset. */
  userSampler?: TracesSamplerSpec;
  instrumentations: InstrumentationName[];
}

/** Result of parsing the environment: never throws, problems are reported as one line each. */
export interface ParsedConfig {
  config: SpanfuseConfig;
  /** One line per bad value: the variable, the value, what is allowed, what is used instead. */
  problems: string[];
  /** Informational lines, e.g. why Langfuse export is off. */
  notices: string[];
}
