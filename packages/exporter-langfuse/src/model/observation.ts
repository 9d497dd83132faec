/**
 * The typed Langfuse observation model: what one OTel span *means* to Langfuse.
 *
 * The mapping (`../mapping/`) builds it from a `ReadableSpan` with pure functions; the encoders
 * (`../encoders/`) turn it into bytes for one of Langfuse's two ingestion paths. Nothing here
 * does I/O.
 */
import type { Attributes, HrTime, Link, SpanKind, SpanStatus } from '@opentelemetry/api';
import type { TimedEvent } from '@opentelemetry/sdk-trace-base';

/** Langfuse observation types (OpenAPI `ObservationType`, `langfuse.observation.type`). */
export type ObservationType =
  | 'span'
  | 'generation'
  | 'event'
  | 'embedding'
  | 'agent'
  | 'tool'
  | 'chain'
  | 'retriever'
  | 'evaluator'
  | 'guardrail';

/** Langfuse observation levels (OpenAPI `ObservationLevel`). */
export type ObservationLevel = 'DEBUG' | 'DEFAULT' | 'WARNING' | 'ERROR';

/**
 * Token counts as Langfuse's `usage_details` expects them: `input` *excludes* cached tokens
 * (those are `input_cached_tokens`), `output` excludes reasoning tokens only when the source
 * reported them separately (`output_reasoning_tokens`). `total` is the sum when known.
 */
export type UsageDetails = Record<string, number>;

/** Cost in USD by usage key (`input`, `output`, `total`, …), as Langfuse's `cost_details`. */
export type CostDetails = Record<string, number>;

/**
 * A value as Langfuse's `langfuse.observation.input`/`.output` attributes carry it (and as the
 * official SDK writes them): text stays text, any other value is JSON text. Always well-formed
 * UTF-16 (lone surrogates replaced by U+FFFD) and at most `maxValueBytes` UTF-8 bytes plus a
 * visible `…[truncated N bytes]` marker. JSON-looking strings are NOT guaranteed to be valid JSON
 * (they are passed through unparsed, and a truncated one is cut): an encoder that must emit JSON
 * writes the value as a JSON string, never raw.
 */
export type SerializedValue = string;

/** Model parameters (temperature, max_tokens, …) as Langfuse shows them; arrays as JSON text. */
export type ModelParameters = Record<string, string | number | boolean>;

/**
 * Trace-level identity. Collected from the root span and from `langfuse.trace.*`, `user.id`,
 * `session.id` found on any span of the trace, so that a trace whose root was filtered is
 * still named. Written on every span by the OTLP encoder (Langfuse ingestion v4 needs that).
 */
export interface TraceIdentity {
  name?: string;
  userId?: string;
  sessionId?: string;
  tags?: string[];
  public?: boolean;
  /** Flattened top-level keys; values are plain strings or JSON text. */
  metadata?: Record<string, string>;
  input?: SerializedValue;
  output?: SerializedValue;
  version?: string;
}

/** One Langfuse observation built from one OTel span. */
export interface LangfuseObservation {
  /** = OTel trace id (32 hex), so a Langfuse trace opens the same trace in Tempo. */
  traceId: string;
  /** = OTel span id (16 hex). */
  id: string;
  /** = OTel parent span id, when the span has a parent. */
  parentObservationId?: string;
  /** True when the span is a trace root (no parent, or `langfuse.internal.as_root`). */
  isRoot: boolean;
  type: ObservationType;
  name: string;
  startTime: HrTime;
  endTime: HrTime;
  /** Time of the first streamed token (`langfuse.observation.completion_start_time`). */
  completionStartTime?: HrTime;
  level: ObservationLevel;
  statusMessage?: string;
  input?: SerializedValue;
  output?: SerializedValue;
  /**
   * Top-level metadata keys, values plain strings or JSON text: `langfuse.observation.metadata.*`,
   * every span attribute the mapping did not consume (under its own name), and
   * `resourceAttributes` / `scope` (JSON text, serialized once per resource and scope).
   */
  metadata: Record<string, string>;
  model?: string;
  modelParameters?: ModelParameters;
  usageDetails?: UsageDetails;
  costDetails?: CostDetails;
  promptName?: string;
  promptVersion?: number;
  version?: string;
  environment?: string;
  release?: string;
  /** Identity of the trace; may be shared by several observations of it: treat as read-only. */
  trace: TraceIdentity;
  /**
   * The original OTel facts, for the OTLP encoder to forward unchanged. These are references to
   * the span's own (read-only) data, never copies: do not mutate them.
   */
  otel: {
    kind: SpanKind;
    status: SpanStatus;
    /** Every span event, exception events included. */
    events: readonly TimedEvent[];
    links: readonly Link[];
    /** The span's attributes as recorded (already mapped into the fields above). */
    attributes: Attributes;
    scopeName: string;
    scopeVersion?: string;
    scopeSchemaUrl?: string;
    resourceAttributes: Attributes;
    /** W3C trace flags of the span context (1 = sampled). */
    traceFlags: number;
  };
}
