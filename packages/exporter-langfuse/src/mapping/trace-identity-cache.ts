/**
 * Remembers, per trace, the identity found on any of its spans (`langfuse.trace.*`, user,
 * session, tags…, and the root span's name), so that spans ending later carry it too. Langfuse
 * needs trace attributes on every span (ingestion v4), and a trace whose root is filtered would
 * otherwise stay nameless (langfuse#12984).
 *
 * Bounded: at most `maxTraces` traces, the least recently merged one is forgotten first (a Map
 * keeps insertion order; a merge re-inserts its trace at the end).
 */
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type { TraceIdentity } from '../model/observation.js';
import { extractTraceIdentity, isRootSpan } from './map-span.js';
import { nameOf } from './name.js';
import { hasIdentity, mergeTraceIdentity } from './trace-identity.js';

/** Options of {@link TraceIdentityCache}. */
export interface TraceIdentityCacheOptions {
  /**
   * Most traces remembered at once.
   * @defaultValue `10_000`
   */
  maxTraces?: number;
}

/** Bounded per-trace identity memory (see the file comment). */
export class TraceIdentityCache {
  private readonly traces = new Map<string, TraceIdentity>();
  private readonly maxTraces: number;

  constructor(options: TraceIdentityCacheOptions = {}) {
    const max = options.maxTraces ?? 10_000;
    this.maxTraces = Number.isFinite(max) && max >= 1 ? Math.floor(max) : 10_000;
  }

  /**
   * Merges `identity` into what is known for `traceId` (defined fields win, metadata merges,
   * tags unite) and returns the result. An empty identity changes nothing and allocates nothing.
   */
  merge(traceId: string, identity: TraceIdentity): TraceIdentity | undefined {
    const known = this.traces.get(traceId);
    if (!hasIdentity(identity)) return known;
    const merged = mergeTraceIdentity(known, identity);
    if (known !== undefined) this.traces.delete(traceId);
    this.traces.set(traceId, merged);
    if (this.traces.size > this.maxTraces) {
      const oldest = this.traces.keys().next().value;
      if (oldest !== undefined) this.traces.delete(oldest);
    }
    return merged;
  }

  /**
   * Records the identity a span that is NOT exported states (a filtered root's name, a filtered
   * span's `langfuse.trace.*`), so exported spans of the same trace still carry it. Never throws.
   */
  observe(span: ReadableSpan, options: { maxValueBytes?: number } = {}): void {
    try {
      const traceId = span.spanContext().traceId;
      const identity = extractTraceIdentity(span, options);
      if (isRootSpan(span) && identity.name === undefined && this.get(traceId)?.name === undefined) {
        identity.name = nameOf(span.name, span.attributes);
      }
      this.merge(traceId, identity);
    } catch {
      // a malformed span: nothing to remember
    }
  }

  /** The identity known for `traceId`, or undefined. Treat it as read-only. */
  get(traceId: string): TraceIdentity | undefined {
    return this.traces.get(traceId);
  }

  /** Forgets one trace (e.g. once its root span was exported). */
  delete(traceId: string): void {
    this.traces.delete(traceId);
  }

  /** Number of traces remembered. */
  get size(): number {
    return this.traces.size;
  }
}
