/**
 * The Langfuse observation type of a span, decided like Langfuse's server
 * (`packages/shared/src/server/otel/ObservationTypeMapper.ts`): rules in priority order, the first
 * rule that yields a known type wins, a rule whose attribute holds an unknown value falls through.
 *
 * 1. `langfuse.observation.type`
 * 2. `openinference.span.kind` (LLM → generation, CHAIN → chain, …)
 * 3. `traceloop.span.kind` / OpenLLMetry `llm.request.type` (not read by the server; added here)
 * 4. `gen_ai.operation.name` (chat/text_completion/… → generation, embeddings → embedding, …)
 * 5. Vercel AI `ai.*.doGenerate|doStream` with a model → generation, `ai.embed*.doEmbed` →
 *    embedding, `ai.toolCall` → tool (by `operation.name` prefix or `ai.operationId`)
 * 6. `gen_ai.tool.name` / `gen_ai.tool.call.id` → tool
 * 7. any model attribute → generation
 * 8. span
 */
import type { Attributes } from '@opentelemetry/api';
import { GEN_AI, LANGFUSE, OPENINFERENCE, TRACELOOP, VERCEL_AI } from '../attributes.js';
import type { ObservationType } from '../model/observation.js';
import { hasValue } from './read.js';

const LANGFUSE_TYPES: Record<string, ObservationType> = {
  span: 'span',
  generation: 'generation',
  event: 'event',
  embedding: 'embedding',
  agent: 'agent',
  tool: 'tool',
  chain: 'chain',
  retriever: 'retriever',
  evaluator: 'evaluator',
  guardrail: 'guardrail',
};

const OPENINFERENCE_KINDS: Record<string, ObservationType> = {
  LLM: 'generation',
  EMBEDDING: 'embedding',
  CHAIN: 'chain',
  RETRIEVER: 'retriever',
  AGENT: 'agent',
  TOOL: 'tool',
  GUARDRAIL: 'guardrail',
  EVALUATOR: 'evaluator',
};

// OpenLLMetry decorators (@workflow, @task, @agent, @tool). A task is a plain step: span.
const TRACELOOP_KINDS: Record<string, ObservationType> = {
  workflow: 'chain',
  agent: 'agent',
  tool: 'tool',
};

// OpenLLMetry `llm.request.type` on its provider instrumentations' spans.
const LLM_REQUEST_TYPES: Record<string, ObservationType> = {
  chat: 'generation',
  completion: 'generation',
  embedding: 'embedding',
};

const GEN_AI_OPERATIONS: Record<string, ObservationType> = {
  chat: 'generation',
  // `completion` is the pre-1.37 name of `text_completion`; the server keeps both.
  completion: 'generation',
  text_completion: 'generation',
  generate_content: 'generation',
  generate: 'generation',
  embeddings: 'embedding',
  invoke_agent: 'agent',
  create_agent: 'agent',
  execute_tool: 'tool',
};

const VERCEL_GENERATION_OPS = [
  'ai.generateText.doGenerate',
  'ai.streamText.doStream',
  'ai.generateObject.doGenerate',
  'ai.streamObject.doStream',
];
const VERCEL_EMBEDDING_OPS = ['ai.embedMany.doEmbed', 'ai.embed.doEmbed'];
const VERCEL_TOOL_OPS = ['ai.toolCall'];

// The server's Vercel rule needs model information (langfuse, ai.model.id, gen_ai request/response).
const VERCEL_MODEL_KEYS = [
  LANGFUSE.OBSERVATION_MODEL,
  VERCEL_AI.MODEL_ID,
  GEN_AI.REQUEST_MODEL,
  GEN_AI.RESPONSE_MODEL,
];
// The server's model fallback (ModelBased mapper): note that `ai.model.id` is not among them.
const MODEL_KEYS = [
  LANGFUSE.OBSERVATION_MODEL,
  GEN_AI.REQUEST_MODEL,
  GEN_AI.RESPONSE_MODEL,
  OPENINFERENCE.MODEL_NAME,
  'model',
];

function lookup(
  attributes: Attributes,
  key: string,
  table: Record<string, ObservationType>,
): ObservationType | undefined {
  const value = attributes[key];
  return typeof value === 'string' && Object.hasOwn(table, value) ? table[value] : undefined;
}

/** True when `operation.name` starts with, or `ai.operationId` equals, one of `operations`. */
function matchesVercelOperation(attributes: Attributes, operations: string[]): boolean {
  const name = attributes[VERCEL_AI.OPERATION_NAME];
  const id = attributes[VERCEL_AI.OPERATION_ID];
  for (const op of operations) {
    // The SDK appends the function id to operation.name ("ai.streamText.doStream my-fn").
    if (typeof name === 'string' && name.startsWith(op)) return true;
    if (id === op) return true;
  }
  return false;
}

function vercelType(attributes: Attributes): ObservationType | undefined {
  if (
    attributes[VERCEL_AI.OPERATION_ID] === undefined &&
    attributes[VERCEL_AI.OPERATION_NAME] === undefined
  ) {
    return undefined;
  }
  if (VERCEL_MODEL_KEYS.some((key) => hasValue(attributes[key]))) {
    if (matchesVercelOperation(attributes, VERCEL_GENERATION_OPS)) return 'generation';
    if (matchesVercelOperation(attributes, VERCEL_EMBEDDING_OPS)) return 'embedding';
  }
  return matchesVercelOperation(attributes, VERCEL_TOOL_OPS) ? 'tool' : undefined;
}

/** Decides the Langfuse observation type of a span from its attributes (see the file comment). */
export function observationTypeOf(attributes: Attributes): ObservationType {
  return (
    lookup(attributes, LANGFUSE.OBSERVATION_TYPE, LANGFUSE_TYPES) ??
    lookup(attributes, OPENINFERENCE.SPAN_KIND, OPENINFERENCE_KINDS) ??
    lookup(attributes, TRACELOOP.SPAN_KIND, TRACELOOP_KINDS) ??
    lookup(attributes, TRACELOOP.LLM_REQUEST_TYPE, LLM_REQUEST_TYPES) ??
    lookup(attributes, GEN_AI.OPERATION_NAME, GEN_AI_OPERATIONS) ??
    vercelType(attributes) ??
    (hasValue(attributes[GEN_AI.TOOL_NAME]) || hasValue(attributes[GEN_AI.TOOL_CALL_ID])
      ? 'tool'
      : undefined) ??
    (MODEL_KEYS.some((key) => hasValue(attributes[key])) ? 'generation' : 'span')
  );
}
