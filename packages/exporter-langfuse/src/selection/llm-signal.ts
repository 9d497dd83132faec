/**
 * "Is this an LLM span?" — asked for every span the app ends, HTTP and DB spans included, so it
 * reads only attribute keys (first character, then `startsWith`, leaving at the first hit) and
 * the instrumentation scope name. True for:
 * - any `gen_ai.*`, `llm.*`, `ai.*`, `langfuse.*`, `openinference.*`, `traceloop.*` attribute,
 *   or a non-empty `model` (what Langfuse's server would map to a non-span type);
 * - a known LLM instrumentation scope: `@arizeai/openinference-*`, `@traceloop/*`,
 *   `@opentelemetry/instrumentation-openai`, `@spanfuse/*`, `langfuse-sdk`, `ai` (Vercel AI SDK).
 */
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';

const SCOPE_PREFIXES = ['@arizeai/openinference-', '@traceloop/', '@spanfuse/'];
const SCOPE_NAMES = new Set(['@opentelemetry/instrumentation-openai', 'langfuse-sdk', 'ai']);

/** True when the span's instrumentation scope is a known LLM instrumentation. */
export function isLlmScope(scopeName: string): boolean {
  if (SCOPE_NAMES.has(scopeName)) return true;
  for (const prefix of SCOPE_PREFIXES) if (scopeName.startsWith(prefix)) return true;
  return false;
}

/** True when an attribute key belongs to an LLM convention (see the file comment). */
export function isLlmAttributeKey(key: string): boolean {
  switch (key.charCodeAt(0)) {
    case 103: // g
      return key.startsWith('gen_ai.');
    case 108: // l
      return key.startsWith('llm.') || key.startsWith('langfuse.');
    case 97: // a
      return key.startsWith('ai.');
    case 111: // o
      return key.startsWith('openinference.');
    case 116: // t
      return key.startsWith('traceloop.');
    default:
      return false;
  }
}

/** True for an LLM span (attributes or scope, see the file comment). */
export function isLlmSpan(span: ReadableSpan): boolean {
  if (isLlmScope(span.instrumentationScope.name)) return true;
  const attributes = span.attributes;
  for (const key in attributes) {
    if (isLlmAttributeKey(key)) return true;
  }
  const model = attributes.model;
  return model !== undefined && model !== null && model !== '';
}
