/**
 * Exact attribute keys that become a Langfuse field (input, output, model, cost, identity…) and
 * so are not repeated in metadata. Keys that only classify a span (`gen_ai.operation.name`,
 * `gen_ai.provider.name`, `openinference.span.kind`…) stay in metadata: they are small and say
 * where the observation came from. Prefix families are handled by `attribute-index.ts`.
 */
import {
  GEN_AI,
  LANGFUSE,
  LANGFUSE_COMPAT,
  OPENINFERENCE,
  SPANFUSE,
  TRACELOOP,
  VERCEL_AI,
} from '../attributes.js';

const CONSUMED = new Set<string>([
  ...Object.values(LANGFUSE),
  LANGFUSE_COMPAT.TAGS,
  LANGFUSE_COMPAT.PUBLIC,
  LANGFUSE_COMPAT.METADATA,
  LANGFUSE_COMPAT.PROMPT_NAME,
  LANGFUSE_COMPAT.PROMPT_VERSION,
  // model
  GEN_AI.REQUEST_MODEL,
  GEN_AI.RESPONSE_MODEL,
  VERCEL_AI.MODEL_ID,
  TRACELOOP.LLM_RESPONSE_MODEL,
  OPENINFERENCE.MODEL_NAME,
  'model',
  // input / output
  GEN_AI.INPUT_MESSAGES,
  GEN_AI.OUTPUT_MESSAGES,
  GEN_AI.SYSTEM_INSTRUCTIONS,
  GEN_AI.TOOL_CALL_ARGUMENTS,
  GEN_AI.TOOL_CALL_RESULT,
  OPENINFERENCE.INPUT_VALUE,
  OPENINFERENCE.OUTPUT_VALUE,
  TRACELOOP.ENTITY_INPUT,
  TRACELOOP.ENTITY_OUTPUT,
  VERCEL_AI.PROMPT_MESSAGES,
  VERCEL_AI.PROMPT,
  VERCEL_AI.TOOL_CALL_ARGS,
  VERCEL_AI.TOOL_CALL_RESULT,
  VERCEL_AI.RESPONSE_TEXT,
  VERCEL_AI.RESPONSE_TOOL_CALLS,
  VERCEL_AI.RESPONSE_OBJECT,
  VERCEL_AI.RESULT_TEXT,
  VERCEL_AI.RESULT_OBJECT,
  VERCEL_AI.RESULT_TOOL_CALLS,
  // parameters, cost, usage, timing
  OPENINFERENCE.INVOCATION_PARAMETERS,
  OPENINFERENCE.COST_TOTAL,
  OPENINFERENCE.COST_PROMPT,
  OPENINFERENCE.COST_COMPLETION,
  GEN_AI.USAGE_COST,
  TRACELOOP.LLM_USAGE_TOTAL_TOKENS,
  GEN_AI.TIME_TO_FIRST_CHUNK,
  VERCEL_AI.MS_TO_FIRST_CHUNK,
  VERCEL_AI.STREAM_MS_TO_FIRST_CHUNK,
  SPANFUSE.COMPLETION_START_TIME,
  // trace identity
  GEN_AI.CONVERSATION_ID,
]);

/** True when `key` is mapped to a Langfuse field and therefore left out of metadata. */
export function isConsumedKey(key: string): boolean {
  return CONSUMED.has(key);
}
