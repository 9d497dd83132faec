/**
 * Include/exclude rules for the span selection, compiled once into one predicate.
 * A string matches the instrumentation scope name or the span name exactly
 * (`'@opentelemetry/instrumentation-pg'`, `'GET /health'`); a RegExp is tested against both;
 * a function decides itself. A rule that throws counts as "no match".
 */
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';

/** A predicate on an ended span. */
export type SpanPredicate = (span: ReadableSpan) => boolean;

/** One include/exclude rule: a scope or span name (string or RegExp) or a predicate. */
export type SpanFilterRule = string | RegExp | SpanPredicate;

/** Compiles rules (or one predicate) into one predicate that never throws; undefined when empty. */
export function compileRules(
  rules: SpanPredicate | readonly SpanFilterRule[] | undefined,
): SpanPredicate | undefined {
  if (rules === undefined) return undefined;
  const list = typeof rules === 'function' ? [rules] : rules;
  if (list.length === 0) return undefined;
  const names = new Set<string>();
  const patterns: RegExp[] = [];
  const predicates: SpanPredicate[] = [];
  for (const rule of list) {
    if (typeof rule === 'string') names.add(rule);
    // A copy without the g/y flags: `test` on a global RegExp is stateful (lastIndex).
    else if (rule instanceof RegExp) patterns.push(new RegExp(rule.source, rule.flags.replace(/[gy]/g, '')));
    else if (typeof rule === 'function') predicates.push(rule);
  }
  return (span) => {
    const scope = span.instrumentationScope?.name ?? '';
    if (names.has(scope) || names.has(span.name)) return true;
    for (const pattern of patterns) if (pattern.test(scope) || pattern.test(span.name)) return true;
    for (const predicate of predicates) {
      try {
        if (predicate(span) === true) return true;
      } catch {
        // a throwing rule does not match
      }
    }
    return false;
  };
}
