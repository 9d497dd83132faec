/**
 * The typed Langfuse observation model: what one OTel span *means* to Langfuse.
 *
 * The mapping (`../mapping/`) builds it from a `ReadableSpan` with pure functions; the encoders
 * (`../encoders/`) turn it into bytes for one of Langfuse's two ingestion paths. Nothing here
 * does I/O.
 */
import type { HrTime, Link, SpanKind, SpanStatus } from '@opentelemetry/api';
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

/** A value already serialized to JSON text (safe-serialized, truncated with a marker if too big). */
export type JsonText = string;

/** Model parameters (temperature, max_tokens, …) as Langfuse shows them. */
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
  input?: JsonText;
  output?: JsonText;
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
  input?: JsonText;
  output?: JsonText;
  /** Everything not mapped: span attributes, resource attributes, scope. Flattened top level. */
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
  trace: TraceIdentity;
  /** The original OTel facts the OTLP encoder forwards unchanged. */
  otel: {
    kind: SpanKind;
    status: SpanStatus;
    events: TimedEvent[];
    links: Link[];
    scopeName: string;
    scopeVersion?: string;
    resourceAttributes: Record<string, unknown>;
  };
}
