import type { Attributes, AttributeValue, SpanContext } from '@opentelemetry/api';
import { TraceFlags } from '@opentelemetry/api';
import { LANGFUSE } from '../attributes.js';
import { RESOURCE_ATTRIBUTES_KEY, SCOPE_KEY } from '../mapping/metadata.js';
import type { LangfuseObservation, TraceIdentity } from '../model/observation.js';
import { hrTimeToIso } from './iso-time.js';
import {
  encodeTraceRequest,
  encodeTraceRequestLeased,
  type LeasedBytes,
  type ProtobufSpan,
} from './otlp-protobuf.js';
import { estimateBytes } from './size-estimate.js';

/** Path of Langfuse's OTLP/HTTP receiver. */
export const OTLP_PATH = '/api/public/otel/v1/traces';

/**
 * Opts into Langfuse's v4 direct-write path, which reads trace attributes from every span;
 * a value above 4 is rejected with 400 (see langfuse `OtelIngestionProcessor`).
 */
export const OTLP_HEADERS = { 'x-langfuse-ingestion-version': '4' } as const;

// Canonical names (`../attributes.ts`, checked against @langfuse/core): the server reads these
// first, so nothing is left to its heuristics.
const A = {
  type: LANGFUSE.OBSERVATION_TYPE,
  model: LANGFUSE.OBSERVATION_MODEL,
  modelParameters: LANGFUSE.OBSERVATION_MODEL_PARAMETERS,
  usage: LANGFUSE.OBSERVATION_USAGE_DETAILS,
  cost: LANGFUSE.OBSERVATION_COST_DETAILS,
  input: LANGFUSE.OBSERVATION_INPUT,
  output: LANGFUSE.OBSERVATION_OUTPUT,
  completionStart: LANGFUSE.OBSERVATION_COMPLETION_START_TIME,
  level: LANGFUSE.OBSERVATION_LEVEL,
  statusMessage: LANGFUSE.OBSERVATION_STATUS_MESSAGE,
  metadata: `${LANGFUSE.OBSERVATION_METADATA}.`,
  promptName: LANGFUSE.OBSERVATION_PROMPT_NAME,
  promptVersion: LANGFUSE.OBSERVATION_PROMPT_VERSION,
  environment: LANGFUSE.ENVIRONMENT,
  release: LANGFUSE.RELEASE,
  version: LANGFUSE.VERSION,
  traceName: LANGFUSE.TRACE_NAME,
  userId: LANGFUSE.TRACE_USER_ID,
  sessionId: LANGFUSE.TRACE_SESSION_ID,
  tags: LANGFUSE.TRACE_TAGS,
  public: LANGFUSE.TRACE_PUBLIC,
  traceMetadata: `${LANGFUSE.TRACE_METADATA}.`,
  traceInput: LANGFUSE.TRACE_INPUT,
  traceOutput: LANGFUSE.TRACE_OUTPUT,
  asRoot: LANGFUSE.AS_ROOT,
} as const;

type ResourceLike = ProtobufSpan['resource'];
type ScopeLike = ProtobufSpan['instrumentationScope'];

/**
 * Encodes observations as one OTLP `ExportTraceServiceRequest` (protobuf) whose spans carry the
 * original ids, times, status, events, links, resource and scope, and *only* canonical
 * `langfuse.*` attributes: the mapping was done here, on the client, so the server must not map
 * the raw attributes a second time.
 */
export class OtlpEncoder {
  // The serializer groups spans by resource and scope *identity*; interning keeps one
  // ResourceSpans per resource instead of one per span.
  private readonly resources = new WeakMap<object, ResourceLike>();
  private readonly scopes = new Map<string, ScopeLike>();

  /** Protobuf bytes of one request carrying `observations`. */
  encode(observations: readonly LangfuseObservation[]): Uint8Array {
    const [spans, hint] = this.spans(observations);
    return encodeTraceRequest(spans, hint);
  }

  /** Like {@link encode}, the bytes leased from a reused buffer (call `release()` when read). */
  encodeLeased(observations: readonly LangfuseObservation[]): LeasedBytes {
    const [spans, hint] = this.spans(observations);
    return encodeTraceRequestLeased(spans, hint);
  }

  private spans(observations: readonly LangfuseObservation[]): [ProtobufSpan[], number] {
    let hint = 4096;
    const spans = observations.map((o) => {
      hint += estimateBytes(o);
      return this.toSpan(o);
    });
    return [spans, hint * 1.1];
  }

  /** The span-shaped object for one observation (exposed for tests of the attribute set). */
  toSpan(o: LangfuseObservation): ProtobufSpan {
    const traceFlags = o.otel.traceFlags ?? TraceFlags.SAMPLED;
    const ctx: SpanContext = { traceId: o.traceId, spanId: o.id, traceFlags };
    return {
      name: o.name,
      kind: o.otel.kind,
      spanContext: () => ctx,
      parentSpanContext: o.parentObservationId
        ? { traceId: o.traceId, spanId: o.parentObservationId, traceFlags }
        : undefined,
      startTime: o.startTime,
      endTime: o.endTime,
      status: o.otel.status,
      attributes: observationAttributes(o),
      links: o.otel.links,
      events: o.otel.events,
      resource: this.resource(o.otel.resourceAttributes),
      instrumentationScope: this.scope(o.otel.scopeName, o.otel.scopeVersion, o.otel.scopeSchemaUrl),
    };
  }

  private resource(attributes: Record<string, unknown>): ResourceLike {
    let r = this.resources.get(attributes);
    if (!r) {
      r = { attributes: attributes as Attributes };
      this.resources.set(attributes, r);
    }
    return r;
  }

  private scope(name: string, version: string | undefined, schemaUrl: string | undefined): ScopeLike {
    const key = `${name}\u0000${version ?? ''}\u0000${schemaUrl ?? ''}`;
    let s = this.scopes.get(key);
    if (!s) {
      if (this.scopes.size > 1000) this.scopes.clear(); // bounded: scopes are few in practice
      s = { name, version, schemaUrl };
      this.scopes.set(key, s);
    }
    return s;
  }
}

/** The canonical `langfuse.*` attributes of one observation, trace attributes included. */
export function observationAttributes(o: LangfuseObservation): Attributes {
  const attrs: Attributes = { [A.type]: o.type };
  set(attrs, A.model, o.model);
  if (o.modelParameters) attrs[A.modelParameters] = JSON.stringify(o.modelParameters);
  if (o.usageDetails) attrs[A.usage] = JSON.stringify(o.usageDetails);
  if (o.costDetails) attrs[A.cost] = JSON.stringify(o.costDetails);
  set(attrs, A.input, o.input);
  set(attrs, A.output, o.output);
  if (o.completionStartTime) attrs[A.completionStart] = hrTimeToIso(o.completionStartTime);
  attrs[A.level] = o.level;
  set(attrs, A.statusMessage, o.statusMessage);
  for (const key in o.metadata) {
    // OTLP carries resource and scope natively and Langfuse files them under metadata itself;
    // repeating them as JSON text on every span would double the bytes of small spans.
    if (key === RESOURCE_ATTRIBUTES_KEY || key === SCOPE_KEY) continue;
    attrs[prefixed(A.metadata, key)] = o.metadata[key];
  }
  set(attrs, A.promptName, o.promptName);
  if (o.promptVersion !== undefined) attrs[A.promptVersion] = o.promptVersion;
  set(attrs, A.environment, o.environment);
  set(attrs, A.release, o.release);
  set(attrs, A.version, o.version ?? o.trace.version);
  // A root span creates the full trace on the server; `as_root` keeps that true for a span whose
  // OTel parent was filtered away (langfuse#12984).
  if (o.isRoot && o.parentObservationId) attrs[A.asRoot] = true;
  traceAttributes(attrs, o.trace, o.isRoot ? o : undefined);
  return attrs;
}

function traceAttributes(attrs: Attributes, t: TraceIdentity, root: LangfuseObservation | undefined): void {
  set(attrs, A.traceName, t.name);
  set(attrs, A.userId, t.userId);
  set(attrs, A.sessionId, t.sessionId);
  if (t.tags?.length) attrs[A.tags] = t.tags;
  if (t.public !== undefined) attrs[A.public] = t.public;
  if (t.metadata) for (const key in t.metadata) attrs[prefixed(A.traceMetadata, key)] = t.metadata[key];
  // A root span's own I/O is the trace's I/O on the server: do not send the same text twice.
  if (t.input !== root?.input) set(attrs, A.traceInput, t.input);
  if (t.output !== root?.output) set(attrs, A.traceOutput, t.output);
}

// Metadata keys repeat from span to span: one string per key instead of a new concatenation per
// span (which the protobuf writer would also have to flatten before copying it). Bounded.
const prefixedKeys = new Map<string, Map<string, string>>();

function prefixed(prefix: string, key: string): string {
  let keys = prefixedKeys.get(prefix);
  if (keys === undefined) {
    keys = new Map();
    prefixedKeys.set(prefix, keys);
  }
  let full = keys.get(key);
  if (full === undefined) {
    if (keys.size >= 4096) keys.clear();
    full = prefix + key;
    keys.set(key, full);
  }
  return full;
}

function set(attrs: Attributes, key: string, value: AttributeValue | undefined): void {
  if (value !== undefined && value !== '') attrs[key] = value;
}
