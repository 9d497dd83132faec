/**
 * Remembers, per trace, the identity found on any of its spans (`langfuse.trace.*`, user,
 * session, tags…, and the root span's name), so that spans ending later carry it too. Langfuse
 * needs trace attributes on every span (ingestion v4), and a trace whose root is filtered would
 * otherwise stay nameless (langfuse#12984).
 *
 * Bounded: at most `maxTraces` traces, in two generations of `maxTraces / 2` each. Writes go
 * to the young generation; when it is full it becomes the old one and the previous old one is
 * dropped whole. A trace merged again while old moves to the young generation, so recently used
 * traces survive (an approximate LRU). Every operation is O(1) with no per-merge delete and
 * re-insert: the common case, every span a new trace, is one `Map.set`.
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
  private young = new Map<string, TraceIdentity>();
  private old = new Map<string, TraceIdentity>();
  private readonly generationSize: number;

  constructor(options: TraceIdentityCacheOptions = {}) {
    const max = options.maxTraces ?? 10_000;
    const maxTraces = Number.isFinite(max) && max >= 1 ? Math.floor(max) : 10_000;
    // Two generations together hold at most maxTraces (2 when maxTraces is 1).
    this.generationSize = Math.max(1, Math.floor(maxTraces / 2));
  }

  /**
   * Merges `identity` into what is known for `traceId` (defined fields win, metadata merges,
   * tags unite) and returns the result. An empty identity changes nothing and allocates nothing.
   */
  merge(traceId: string, identity: TraceIdentity): TraceIdentity | undefined {
    if (!hasIdentity(identity)) return this.get(traceId);
    let known = this.young.get(traceId);
    if (known === undefined) {
      known = this.old.get(traceId);
      if (known !== undefined) this.old.delete(traceId);
      if (this.young.size >= this.generationSize) {
        this.old = this.young;
        this.young = new Map();
      }
    }
    const merged = mergeTraceIdentity(known, identity);
    this.young.set(traceId, merged);
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
    return this.young.get(traceId) ?? this.old.get(traceId);
  }

  /** Forgets one trace (e.g. once its root span was exported). */
  delete(traceId: string): void {
    this.young.delete(traceId);
    this.old.delete(traceId);
  }

  /** Number of traces remembered. */
  get size(): number {
    return this.young.size + this.old.size;
  }
}
