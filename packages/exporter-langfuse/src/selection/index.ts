// Span selection (which ended spans go to Langfuse). Re-exports only.
export { isLlmScope, isLlmSpan } from './llm-signal.js';
export { compileRules, type SpanFilterRule, type SpanPredicate } from './span-filter-rule.js';
export { createSpanSelector, type SpanSelector, type SpanSelectorOptions } from './span-selector.js';
