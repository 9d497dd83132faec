import { randomUUID } from 'node:crypto';
import type {
  CreateEventBody,
  CreateGenerationBody,
  CreateSpanBody,
  IngestionEvent,
  ObservationBody,
  TraceBody,
} from '@langfuse/core';
import type { LangfuseObservation, TraceIdentity } from '../model/observation.js';
import { hrTimeToIso } from './iso-time.js';

/** Path of the legacy batch ingestion API (deprecated on Langfuse Cloud, absent in v4). */
export const INGESTION_PATH = '/api/public/ingestion';

/** One encoded event with its JSON text, ready to be batched. */
export interface EncodedEvent {
  /** Envelope id: Langfuse dedupes on it, so a retry re-sends the same id. */
  id: string;
  /** Span id when the event carries an observation; undefined for trace-create. */
  observationId?: string;
  json: string;
}

/** One request body and the events in it. */
export interface IngestionBatch {
  body: Uint8Array;
  events: EncodedEvent[];
}

/**
 * Encodes observations as ingestion events (OpenAPI `IngestionEvent`): one `trace-create` per
 * trace in the batch (an upsert carrying the trace identity), then one create per observation.
 * The spec's typed creates are `span-create`, `generation-create`, `event-create`; the other
 * observation types (agent, tool, chain, retriever, evaluator, embedding, guardrail) exist in
 * the spec only as `ObservationBody.type` of `observation-create`, so that is what they use.
 */
export function encodeIngestionEvents(observations: readonly LangfuseObservation[]): EncodedEvent[] {
  const now = new Date().toISOString();
  const traces = new Map<string, { body: TraceBody }>();
  const out: EncodedEvent[] = [];
  for (const o of observations) {
    const trace = traces.get(o.traceId);
    if (trace) mergeTrace(trace.body, o);
    else traces.set(o.traceId, { body: traceBody(o) });
  }
  for (const { body } of traces.values()) {
    const event: IngestionEvent = { id: randomUUID(), timestamp: now, type: 'trace-create', body };
    out.push({ id: event.id, json: JSON.stringify(event) });
  }
  for (const o of observations) {
    const event = observationEvent(o, now);
    out.push({ id: event.id, observationId: o.id, json: JSON.stringify(event) });
  }
  return out;
}

/**
 * Packs events into request bodies of at most `maxBytes` (Langfuse: 3.5 MB per batch). An event
 * larger than `maxBytes` on its own is sent alone (the mapping already capped its values).
 */
export function packIngestionBatches(events: readonly EncodedEvent[], maxBytes: number): IngestionBatch[] {
  const batches: IngestionBatch[] = [];
  const envelope = '{"batch":[]}'.length;
  let current: EncodedEvent[] = [];
  let size = envelope;
  const close = () => {
    if (current.length === 0) return;
    const body = Buffer.from(`{"batch":[${current.map((e) => e.json).join(',')}]}`, 'utf8');
    batches.push({ body, events: current });
    current = [];
    size = envelope;
  };
  for (const e of events) {
    const bytes = Buffer.byteLength(e.json, 'utf8') + 1;
    if (current.length > 0 && size + bytes > maxBytes) close();
    current.push(e);
    size += bytes;
  }
  close();
  return batches;
}

function traceBody(o: LangfuseObservation): TraceBody {
  const body: TraceBody = { id: o.traceId };
  if (o.isRoot) body.timestamp = hrTimeToIso(o.startTime);
  applyIdentity(body, o.trace);
  if (!body.name && o.isRoot) body.name = o.name;
  if (o.environment) body.environment = o.environment;
  if (o.release) body.release = o.release;
  return body;
}

function mergeTrace(body: TraceBody, o: LangfuseObservation): void {
  applyIdentity(body, o.trace);
  if (o.isRoot) {
    body.timestamp = hrTimeToIso(o.startTime);
    if (!body.name) body.name = o.name;
  }
  if (o.environment && !body.environment) body.environment = o.environment;
  if (o.release && !body.release) body.release = o.release;
}

function applyIdentity(body: TraceBody, t: TraceIdentity): void {
  if (t.name) body.name = t.name;
  if (t.userId) body.userId = t.userId;
  if (t.sessionId) body.sessionId = t.sessionId;
  if (t.tags?.length) body.tags = t.tags;
  if (t.public !== undefined) body.public = t.public;
  if (t.metadata && Object.keys(t.metadata).length)
    body.metadata = { ...(body.metadata as object), ...t.metadata };
  if (t.input !== undefined) body.input = parseJsonText(t.input);
  if (t.output !== undefined) body.output = parseJsonText(t.output);
  if (t.version) body.version = t.version;
}

function observationEvent(o: LangfuseObservation, now: string): IngestionEvent {
  const common: CreateEventBody = {
    id: o.id,
    traceId: o.traceId,
    name: o.name,
    startTime: hrTimeToIso(o.startTime),
    level: o.level,
  };
  if (o.parentObservationId && !o.isRoot) common.parentObservationId = o.parentObservationId;
  if (o.statusMessage) common.statusMessage = o.statusMessage;
  if (Object.keys(o.metadata).length) common.metadata = o.metadata;
  if (o.input !== undefined) common.input = parseJsonText(o.input);
  if (o.output !== undefined) common.output = parseJsonText(o.output);
  if (o.version) common.version = o.version;
  if (o.environment) common.environment = o.environment;
  const id = randomUUID();
  const endTime = hrTimeToIso(o.endTime);

  switch (o.type) {
    case 'event':
      return { id, timestamp: now, type: 'event-create', body: common };
    case 'span': {
      const body: CreateSpanBody = { ...common, endTime };
      return { id, timestamp: now, type: 'span-create', body };
    }
    case 'generation': {
      const body: CreateGenerationBody = { ...common, endTime };
      if (o.completionStartTime) body.completionStartTime = hrTimeToIso(o.completionStartTime);
      if (o.model) body.model = o.model;
      if (o.modelParameters) body.modelParameters = o.modelParameters;
      if (o.usageDetails) body.usageDetails = integerValues(o.usageDetails);
      if (o.costDetails) body.costDetails = o.costDetails;
      if (o.promptName) body.promptName = o.promptName;
      if (o.promptVersion !== undefined) body.promptVersion = o.promptVersion;
      return { id, timestamp: now, type: 'generation-create', body };
    }
    default: {
      const body: ObservationBody = {
        ...common,
        type: o.type.toUpperCase() as ObservationBody['type'],
        endTime,
      };
      if (o.completionStartTime) body.completionStartTime = hrTimeToIso(o.completionStartTime);
      if (o.model) body.model = o.model;
      if (o.modelParameters) body.modelParameters = o.modelParameters;
      const usage = legacyUsage(o);
      if (usage) body.usage = usage;
      return { id, timestamp: now, type: 'observation-create', body };
    }
  }
}

// OpenAPI `UsageDetails` is `map<string, integer>`: fractional counts would be refused.
function integerValues(values: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key in values) {
    const v = values[key];
    if (Number.isFinite(v)) out[key] = Math.round(v);
  }
  return out;
}

// `observation-create` only knows the deprecated `Usage` (input, output, total, unit required).
function legacyUsage(o: LangfuseObservation): ObservationBody['usage'] | undefined {
  const u = o.usageDetails;
  if (!u) return undefined;
  const input = Math.round(u.input ?? 0);
  const output = Math.round(u.output ?? 0);
  const usage: NonNullable<ObservationBody['usage']> = {
    input,
    output,
    total: Math.round(u.total ?? input + output),
    unit: 'TOKENS',
  };
  const c = o.costDetails;
  if (c?.input !== undefined) usage.inputCost = c.input;
  if (c?.output !== undefined) usage.outputCost = c.output;
  if (c?.total !== undefined) usage.totalCost = c.total;
  return usage;
}

/** JSON text → value; text that is not JSON (e.g. cut with a marker) stays a string. */
function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
