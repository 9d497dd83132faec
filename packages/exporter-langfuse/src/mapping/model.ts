/**
 * The model name, first non-empty of (as Langfuse's server, `extractModelName`):
 * `langfuse.observation.model.name` > `gen_ai.response.model` > `ai.model.id` >
 * `gen_ai.request.model` > `llm.response.model` > `llm.model_name` > `model`.
 * The response model wins over the request model: it names the exact snapshot that answered
 * ("gpt-4o-2024-08-06" for "gpt-4o"), which is what Langfuse's price table matches.
 */
import type { Attributes } from '@opentelemetry/api';
import { GEN_AI, LANGFUSE, OPENINFERENCE, TRACELOOP, VERCEL_AI } from '../attributes.js';
import { readString } from './read.js';

const MODEL_KEYS = [
  LANGFUSE.OBSERVATION_MODEL,
  GEN_AI.RESPONSE_MODEL,
  VERCEL_AI.MODEL_ID,
  GEN_AI.REQUEST_MODEL,
  TRACELOOP.LLM_RESPONSE_MODEL,
  OPENINFERENCE.MODEL_NAME,
  'model',
];

/** The model name of a span, or undefined. */
export function modelOf(attributes: Attributes): string | undefined {
  for (const key of MODEL_KEYS) {
    const value = readString(attributes, key);
    if (value !== undefined) return value;
  }
  return undefined;
}

/**
 * True for the Vercel AI SDK's `invoke_agent`/`agent_step` spans, whose `gen_ai.usage.*` repeat
 * the sum of their child model calls: the server skips their model, usage and cost so that a
 * trace's cost is not doubled; so do we.
 */
export function isAggregateAgentSpan(attributes: Attributes): boolean {
  const op = attributes[GEN_AI.OPERATION_NAME];
  return op === 'invoke_agent' || op === 'agent_step';
}
