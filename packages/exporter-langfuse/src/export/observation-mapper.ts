// Binds the mapping's pure functions (`../mapping/`, `../selection/`) to one pipeline: selection,
// the per-trace identity memory, and the mapping options.
import type { ReadableSpan, Span } from '@opentelemetry/sdk-trace-base';
import type { ResolvedOptions } from '../config/resolve-options.js';
import { extractTraceIdentity, mapSpan } from '../mapping/map-span.js';
import { TraceIdentityCache } from '../mapping/trace-identity-cache.js';
import type { LangfuseObservation } from '../model/observation.js';
import { createSpanSelector, type SpanSelector } from '../selection/span-selector.js';

/** Selection + mapping of one pipeline. */
export interface ObservationMapper {
  /** Learns the trace identity a root span states at its start (attributes given to startSpan). */
  start(span: Span): void;
  /** The observation for `span`, or undefined when the span is not exported. */
  map(span: ReadableSpan): LangfuseObservation | undefined;
  /** Whether `span` goes to Langfuse; a span that does not still lends its trace identity. */
  select(span: ReadableSpan): boolean;
  /** The observation of a span `select` accepted. */
  mapSelected(span: ReadableSpan): LangfuseObservation;
}

/** Builds the mapper of one processor (`select: true`) or exporter (`select: false`). */
export function createObservationMapper(options: ResolvedOptions, select: boolean): ObservationMapper {
  const identities = new TraceIdentityCache();
  const selector: SpanSelector | undefined = !select
    ? undefined
    : options.shouldExportSpan
      ? { shouldExport: guard(options.shouldExportSpan) }
      : createSpanSelector({
          mode: options.exportAllSpans ? 'all' : 'llm-path',
          include: options.includeSpan,
          exclude: options.excludeSpan,
        });
  const identityOptions = { maxValueBytes: options.maxValueBytes };
  const mapper: ObservationMapper = {
    start(span) {
      // Children usually end before their root: what the root says at its start (trace name,
      // user, session…) must reach them through the cache, or they carry no trace identity.
      if (span.parentSpanContext === undefined) {
        const identity = extractTraceIdentity(span, identityOptions);
        // Langfuse names a trace after its root span; children that end first need that name too.
        if (identity.name === undefined) identity.name = span.name;
        identities.merge(span.spanContext().traceId, identity);
      }
    },
    map(span) {
      return mapper.select(span) ? mapper.mapSelected(span) : undefined;
    },
    select(span) {
      if (!selector || selector.shouldExport(span)) return true;
      // Identity stated by a span that is filtered out still names the trace (langfuse#12984).
      identities.merge(span.spanContext().traceId, extractTraceIdentity(span, identityOptions));
      return false;
    },
    mapSelected(span) {
      const traceId = span.spanContext().traceId;
      const observation = mapSpan(span, {
        environment: options.environment,
        release: options.release,
        maxValueBytes: options.maxValueBytes,
        traceIdentity: identities.get(traceId),
      });
      // `observation.trace` = what was known + what this span states. A root usually ends last:
      // remembering its identity would cost a cache write per trace for no later reader.
      if (!observation.isRoot) identities.merge(traceId, observation.trace);
      return observation;
    },
  };
  return mapper;
}

function guard(fn: (span: ReadableSpan) => boolean): (span: ReadableSpan) => boolean {
  return (span) => {
    try {
      return fn(span) === true;
    } catch {
      return false;
    }
  };
}
