/**
 * `mapSpan`: one ended OTel span → one Langfuse observation. Pure (no I/O, no global state but
 * two WeakMap caches of serialized resources/scopes) and never throws for any attribute value.
 * Each concern lives in its own file next to this one; see MAPPING.md for the rules.
 */
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { LANGFUSE, LANGFUSE_COMPAT } from '../attributes.js';
import type { LangfuseObservation, TraceIdentity } from '../model/observation.js';
import { DEFAULT_MAX_VALUE_BYTES } from '../safe-json.js';
import { indexAttributes } from './attribute-index.js';
import { completionStartTimeOf } from './completion-start-time.js';
import { costOf } from './cost.js';
import { ioOf } from './io.js';
import { levelOf } from './level.js';
import { metadataOf } from './metadata.js';
import { isAggregateAgentSpan, modelOf } from './model.js';
import { modelParametersOf } from './model-parameters.js';
import { nameOf } from './name.js';
import { observationTypeOf } from './observation-type.js';
import { readNumber, readString } from './read.js';
import { releaseOf } from './release.js';
import { hasIdentity, mergeTraceIdentity, traceIdentityOf } from './trace-identity.js';
import type { TraceIdentityCache } from './trace-identity-cache.js';
import { usageOf } from './usage.js';

/** Options of {@link mapSpan}. */
export interface MapSpanOptions {
  /**
   * Environment for observations whose span has no `langfuse.environment` attribute
   * (Langfuse: lowercase `[a-z0-9_-]`, ≤ 40 characters; validated by the exporter's config).
   */
  environment?: string;
  /** Release for observations whose span has no `langfuse.release` attribute. */
  release?: string;
  /**
   * Identity already known for this trace (from {@link TraceIdentityCache}); what the span
   * itself states wins over it, and a root span's name/input/output fill only what is unknown.
   */
  traceIdentity?: TraceIdentity;
  /**
   * Per-trace identity memory: when given (and `traceIdentity` is not), the identity known for
   * the span's trace is applied and the span's own identity merged into the cache, so spans that
   * end later carry it too. The only option that makes `mapSpan` change state.
   */
  traceIdentities?: TraceIdentityCache;
  /**
   * Cap of every input, output and metadata value in UTF-8 bytes; longer values are cut with a
   * `…[truncated N bytes]` marker.
   * @defaultValue `1_000_000`
   */
  maxValueBytes?: number;
}

/** Parent span id: sdk-trace-base 2.x `parentSpanContext`, else the 1.x `parentSpanId`. */
function parentIdOf(span: ReadableSpan): string | undefined {
  const id = span.parentSpanContext?.spanId ?? (span as { parentSpanId?: string }).parentSpanId;
  return id ? id : undefined;
}

/** True when Langfuse treats the span as a trace root: no parent, or `langfuse.internal.as_root`. */
export function isRootSpan(span: ReadableSpan): boolean {
  const asRoot = span.attributes[LANGFUSE.AS_ROOT];
  return parentIdOf(span) === undefined || asRoot === true || asRoot === 'true';
}

/**
 * The trace identity a span states (`langfuse.trace.*`, user, session, tags…), without the root
 * span defaults. Cheap enough to call on spans that are not exported, so that identity carried by
 * a filtered span still reaches the cache.
 */
export function extractTraceIdentity(
  span: ReadableSpan,
  options: { maxValueBytes?: number } = {},
): TraceIdentity {
  return traceIdentityOf(indexAttributes(span.attributes), options.maxValueBytes ?? DEFAULT_MAX_VALUE_BYTES);
}

/** Maps one ended span to a Langfuse observation (see MAPPING.md). Never throws for bad values. */
export function mapSpan(span: ReadableSpan, options: MapSpanOptions = {}): LangfuseObservation {
  const maxBytes = options.maxValueBytes ?? DEFAULT_MAX_VALUE_BYTES;
  const attributes = span.attributes;
  const index = indexAttributes(attributes);
  const context = span.spanContext();
  const scope = span.instrumentationScope;
  const resourceAttributes = span.resource.attributes;
  const events = span.events;
  const parentId = parentIdOf(span);
  const isRoot = isRootSpan(span);

  const type = observationTypeOf(attributes);
  const name = nameOf(span.name, attributes);
  const io = ioOf(index, events, scope.name, maxBytes);
  const { level, statusMessage } = levelOf(attributes, span.status, events);
  const { environment, release, version } = releaseOf(attributes, resourceAttributes, options);
  // Vercel's agent spans repeat their children's usage: no model/usage/cost (as the server).
  const aggregate = isAggregateAgentSpan(attributes);

  const cache = options.traceIdentity === undefined ? options.traceIdentities : undefined;
  const known = options.traceIdentity ?? cache?.get(context.traceId);
  const own = traceIdentityOf(index, maxBytes);
  if (isRoot) {
    // The server names a trace after its root span and takes its I/O when no
    // langfuse.trace.* says otherwise; a name already known (e.g. from a child) is kept.
    if (own.name === undefined && known?.name === undefined) own.name = name;
    if (own.input === undefined && known?.input === undefined && io.input !== undefined) {
      own.input = io.input;
    }
    if (own.output === undefined && known?.output === undefined && io.output !== undefined) {
      own.output = io.output;
    }
  }
  // Most spans state no identity: share the known (immutable) identity instead of copying it.
  let trace = known ?? own;
  if (known !== undefined && hasIdentity(own)) {
    trace =
      cache !== undefined ? (cache.merge(context.traceId, own) ?? known) : mergeTraceIdentity(known, own);
  } else if (known === undefined && cache !== undefined && hasIdentity(own)) {
    cache.merge(context.traceId, own);
  }

  const observation: LangfuseObservation = {
    traceId: context.traceId,
    id: context.spanId,
    isRoot,
    type,
    name,
    startTime: span.startTime,
    endTime: span.endTime,
    level,
    metadata: metadataOf(index, span.resource, scope, maxBytes),
    trace,
    otel: {
      kind: span.kind,
      status: span.status,
      events,
      links: span.links,
      attributes,
      scopeName: scope.name,
      scopeVersion: scope.version,
      scopeSchemaUrl: scope.schemaUrl,
      resourceAttributes,
      traceFlags: context.traceFlags,
    },
  };
  if (parentId !== undefined) observation.parentObservationId = parentId;
  if (statusMessage !== undefined) observation.statusMessage = statusMessage;
  if (io.input !== undefined) observation.input = io.input;
  if (io.output !== undefined) observation.output = io.output;
  if (environment !== undefined) observation.environment = environment;
  if (release !== undefined) observation.release = release;
  if (version !== undefined) observation.version = version;

  const completionStart = completionStartTimeOf(attributes, events, span.startTime);
  if (completionStart !== undefined) observation.completionStartTime = completionStart;
  const modelParameters = modelParametersOf(index);
  if (modelParameters !== undefined) observation.modelParameters = modelParameters;
  if (!aggregate) {
    const model = modelOf(attributes);
    if (model !== undefined) observation.model = model;
    const usage = usageOf(index, type);
    if (usage !== undefined) observation.usageDetails = usage;
    const cost = costOf(index);
    if (cost !== undefined) observation.costDetails = cost;
  }
  if (type === 'generation') {
    // Langfuse links prompts to generations only.
    const promptName =
      readString(attributes, LANGFUSE.OBSERVATION_PROMPT_NAME) ??
      readString(attributes, LANGFUSE_COMPAT.PROMPT_NAME);
    const promptVersion =
      readNumber(attributes, LANGFUSE.OBSERVATION_PROMPT_VERSION) ??
      readNumber(attributes, LANGFUSE_COMPAT.PROMPT_VERSION);
    if (promptName !== undefined) observation.promptName = promptName;
    if (promptVersion !== undefined) observation.promptVersion = promptVersion;
  }
  return observation;
}
