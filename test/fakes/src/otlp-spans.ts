// OTLP trace export requests as flat span lists, shared by the fake Tempo (otlp-receiver.ts) and
// the fake Langfuse (langfuse-server.ts). @elastic/mockotlpserver ships the official OTLP .proto
// files and a normalizer from decoded messages to plain objects.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { normalizeTrace } = require('@elastic/mockotlpserver') as {
  normalizeTrace(raw: unknown): NormalizedTrace;
};
const { getProtoRoot } = require('@elastic/mockotlpserver/lib/proto.js') as {
  getProtoRoot(): { lookupType(name: string): { decode(bytes: Uint8Array): unknown } };
};

/** A decoded export request after mockotlpserver's `normalizeTrace`. */
export interface NormalizedTrace {
  resourceSpans?: Array<{
    resource?: { attributes?: Record<string, unknown> };
    scopeSpans?: Array<{ scope?: { name?: string; version?: string }; spans?: RawSpan[] }>;
  }>;
}

/** One span as `normalizeTrace` gives it. */
export interface RawSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  traceState?: string;
  name: string;
  kind?: string | number;
  startTimeUnixNano?: string;
  endTimeUnixNano?: string;
  attributes?: Record<string, unknown>;
  events?: Array<{ name: string; attributes?: Record<string, unknown> }>;
  links?: unknown[];
  status?: { code?: string | number; message?: string };
}

/** One span flattened out of the OTLP envelope: hex ids, plain attributes, its resource and scope. */
export interface FlatOtlpSpan extends Omit<RawSpan, 'attributes' | 'events' | 'links'> {
  /** `undefined` for a root span. */
  parentSpanId?: string;
  attributes: Record<string, unknown>;
  events: Array<{ name: string; attributes?: Record<string, unknown> }>;
  links: unknown[];
  resource: Record<string, unknown>;
  scope: { name?: string; version?: string };
}

let exportRequest: { decode(bytes: Uint8Array): unknown } | undefined;

/** Decodes an OTLP/HTTP trace export body (protobuf, or JSON when `contentType` says so). */
export function decodeOtlpTraces(body: Buffer, contentType: string): FlatOtlpSpan[] {
  let raw: unknown;
  if (contentType.includes('json')) raw = JSON.parse(body.toString('utf8'));
  else {
    exportRequest ??= getProtoRoot().lookupType(
      'opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest',
    );
    raw = exportRequest.decode(body);
  }
  return flattenOtlpTrace(normalizeTrace(raw));
}

// OTLP/JSON carries ids as hex; protobufjs' toObject({json: true}) gives bytes as base64.
function toHex(id: string | undefined): string | undefined {
  if (!id) return undefined;
  if (/^[0-9a-f]+$/i.test(id) && (id.length === 32 || id.length === 16)) return id.toLowerCase();
  return Buffer.from(id, 'base64').toString('hex');
}

/** Flattens one normalized export request into spans. Pure. */
export function flattenOtlpTrace(trace: NormalizedTrace): FlatOtlpSpan[] {
  const out: FlatOtlpSpan[] = [];
  for (const rs of trace.resourceSpans ?? []) {
    for (const ss of rs.scopeSpans ?? []) {
      for (const span of ss.spans ?? []) {
        const parent = toHex(span.parentSpanId);
        out.push({
          ...span,
          traceId: toHex(span.traceId)!,
          spanId: toHex(span.spanId)!,
          parentSpanId: parent && !/^0+$/.test(parent) ? parent : undefined,
          attributes: span.attributes ?? {},
          events: span.events ?? [],
          links: span.links ?? [],
          resource: rs.resource?.attributes ?? {},
          scope: { name: ss.scope?.name, version: ss.scope?.version },
        });
      }
    }
  }
  return out;
}

export { normalizeTrace };
