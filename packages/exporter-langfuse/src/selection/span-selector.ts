/**
 * Which ended spans go to Langfuse. Default mode `'llm-path'`: LLM spans (see
 * `llm-signal.ts`) and their ancestors, so a trace shows the request → chain → LLM call path
 * without the health checks, DB queries and HTTP calls beside it.
 *
 * Ancestors are found without buffering: children end before their parents, so when a selected
 * span ends, its parent's span id is remembered (bounded); when that parent ends it is selected
 * and remembers its own parent, and so on up to the root.
 *
 * Limitation: a parent that ends BEFORE its LLM child (fire-and-forget work, a span closed early)
 * is not on the path — it was decided when it ended. Use `include` for such spans, or
 * `mode: 'all'`.
 */
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { isLlmSpan } from './llm-signal.js';
import { compileRules, type SpanFilterRule, type SpanPredicate } from './span-filter-rule.js';

/** Options of {@link createSpanSelector}. */
export interface SpanSelectorOptions {
  /**
   * `'llm-path'`: LLM spans and their ancestors. `'all'`: every span (`exclude` still applies).
   * @defaultValue `'llm-path'`
   */
  mode?: 'llm-path' | 'all';
  /**
   * Selects spans in addition to the LLM path (they extend the path to their ancestors too):
   * a predicate, or rules (scope/span name as string or RegExp, or predicates; any match).
   */
  include?: SpanPredicate | readonly SpanFilterRule[];
  /**
   * Never selects these spans, checked first (same forms as `include`). An excluded span that
   * is an ancestor of a selected span still passes the path on to its own parent, so excluding
   * a middle span does not cut the root off.
   */
  exclude?: SpanPredicate | readonly SpanFilterRule[];
  /**
   * Most parent span ids remembered while waiting for the parent to end; beyond it the oldest are
   * forgotten (their spans are then not selected as ancestors).
   * @defaultValue `10_000`
   */
  maxTrackedParents?: number;
}

/** Decides, once per ended span and in `onEnd` order, whether it goes to Langfuse. */
export interface SpanSelector {
  /** True when the span goes to Langfuse. Never throws. */
  shouldExport(span: ReadableSpan): boolean;
}

/** Creates a span selector (see {@link SpanSelectorOptions}). */
export function createSpanSelector(options: SpanSelectorOptions = {}): SpanSelector {
  const include = compileRules(options.include);
  const exclude = compileRules(options.exclude);
  if (options.mode === 'all') {
    return { shouldExport: (span) => exclude?.(span) !== true };
  }
  const max = options.maxTrackedParents ?? 10_000;
  const maxTracked = Number.isFinite(max) && max >= 1 ? Math.floor(max) : 10_000;
  // Span ids awaiting their span's end. Span ids are 64 random bits: collisions across traces
  // are negligible, and keying by span id alone avoids building a string per span.
  const pendingParents = new Set<string>();

  const remember = (span: ReadableSpan) => {
    const parent = span.parentSpanContext;
    const parentId = parent?.spanId ?? (span as { parentSpanId?: string }).parentSpanId;
    // A remote parent ends in another process: waiting for it would only fill the set.
    if (!parentId || parent?.isRemote === true) return;
    pendingParents.add(parentId);
    if (pendingParents.size > maxTracked) {
      const oldest = pendingParents.values().next().value;
      if (oldest !== undefined) pendingParents.delete(oldest);
    }
  };

  return {
    shouldExport(span) {
      try {
        const onPath = pendingParents.delete(span.spanContext().spanId);
        if (exclude?.(span)) {
          if (onPath) remember(span);
          return false;
        }
        const selected = onPath || isLlmSpan(span) || include?.(span) === true;
        if (selected) remember(span);
        return selected;
      } catch {
        return false; // a malformed span object: not exported, never thrown into onEnd
      }
    },
  };
}
