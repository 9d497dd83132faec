/**
 * Attribute names the mapping reads, one const object per convention.
 *
 * The `langfuse.*` names are checked at compile time against `@langfuse/core`'s
 * `LangfuseOtelSpanAttributes` enum through `import type` only: the 690 KB `@langfuse/core`
 * module is never loaded at runtime (startup cost), yet a renamed attribute breaks the build.
 */
import type { LangfuseOtelSpanAttributes } from '@langfuse/core';

/** Every value of the `LangfuseOtelSpanAttributes` enum, as a string literal union. */
type LangfuseAttributeName = `${LangfuseOtelSpanAttributes}`;

/** Langfuse's own span attributes (`@langfuse/core` `LangfuseOtelSpanAttributes`). */
export const LANGFUSE = {
  TRACE_NAME: 'langfuse.trace.name',
  TRACE_USER_ID: 'user.id',
  TRACE_SESSION_ID: 'session.id',
  TRACE_TAGS: 'langfuse.trace.tags',
  TRACE_PUBLIC: 'langfuse.trace.public',
  TRACE_METADATA: 'langfuse.trace.metadata',
  TRACE_INPUT: 'langfuse.trace.input',
  TRACE_OUTPUT: 'langfuse.trace.output',
  OBSERVATION_TYPE: 'langfuse.observation.type',
  OBSERVATION_METADATA: 'langfuse.observation.metadata',
  OBSERVATION_LEVEL: 'langfuse.observation.level',
  OBSERVATION_STATUS_MESSAGE: 'langfuse.observation.status_message',
  OBSERVATION_INPUT: 'langfuse.observation.input',
  OBSERVATION_OUTPUT: 'langfuse.observation.output',
  OBSERVATION_COMPLETION_START_TIME: 'langfuse.observation.completion_start_time',
  OBSERVATION_MODEL: 'langfuse.observation.model.name',
  OBSERVATION_MODEL_PARAMETERS: 'langfuse.observation.model.parameters',
  OBSERVATION_USAGE_DETAILS: 'langfuse.observation.usage_details',
  OBSERVATION_COST_DETAILS: 'langfuse.observation.cost_details',
  OBSERVATION_PROMPT_NAME: 'langfuse.observation.prompt.name',
  OBSERVATION_PROMPT_VERSION: 'langfuse.observation.prompt.version',
  ENVIRONMENT: 'langfuse.environment',
  RELEASE: 'langfuse.release',
  VERSION: 'langfuse.version',
  AS_ROOT: 'langfuse.internal.as_root',
  TRACE_COMPAT_USER_ID: 'langfuse.user.id',
  TRACE_COMPAT_SESSION_ID: 'langfuse.session.id',
} as const satisfies Record<string, LangfuseAttributeName>;

/**
 * Older or undocumented `langfuse.*` spellings the server still reads (OtelIngestionProcessor):
 * not in the enum, hence unchecked.
 */
export const LANGFUSE_COMPAT = {
  TAGS: 'langfuse.tags',
  PUBLIC: 'langfuse.public',
  METADATA: 'langfuse.metadata',
  PROMPT_NAME: 'langfuse.prompt.name',
  PROMPT_VERSION: 'langfuse.prompt.version',
  /** Metadata keys the Langfuse OpenAI/LangChain integrations use for trace identity. */
  META_USER_ID: 'langfuse_user_id',
  META_SESSION_ID: 'langfuse_session_id',
  META_TAGS: 'langfuse_tags',
} as const;

/** OpenTelemetry GenAI semantic conventions (1.3x), including pre-1.37 names. */
export const GEN_AI = {
  OPERATION_NAME: 'gen_ai.operation.name',
  PROVIDER_NAME: 'gen_ai.provider.name',
  SYSTEM: 'gen_ai.system',
  REQUEST_MODEL: 'gen_ai.request.model',
  RESPONSE_MODEL: 'gen_ai.response.model',
  CONVERSATION_ID: 'gen_ai.conversation.id',
  TOOL_NAME: 'gen_ai.tool.name',
  TOOL_CALL_ID: 'gen_ai.tool.call.id',
  TOOL_CALL_ARGUMENTS: 'gen_ai.tool.call.arguments',
  TOOL_CALL_RESULT: 'gen_ai.tool.call.result',
  INPUT_MESSAGES: 'gen_ai.input.messages',
  OUTPUT_MESSAGES: 'gen_ai.output.messages',
  SYSTEM_INSTRUCTIONS: 'gen_ai.system_instructions',
  USAGE_COST: 'gen_ai.usage.cost',
  TIME_TO_FIRST_CHUNK: 'gen_ai.response.time_to_first_chunk',
  /** Prefixes of attribute families. */
  USAGE_PREFIX: 'gen_ai.usage.',
  REQUEST_PREFIX: 'gen_ai.request.',
  PROMPT_PREFIX: 'gen_ai.prompt',
  COMPLETION_PREFIX: 'gen_ai.completion',
  /** Span events (semconv 1.37+ and the older per-message events). */
  EVENT_OPERATION_DETAILS: 'gen_ai.client.inference.operation.details',
  EVENT_CHOICE: 'gen_ai.choice',
  EVENT_FIRST_TOKEN: 'gen_ai.content.first_token',
  /** Emitted by @spanfuse/instrumentation-openai at the first streamed token (no attributes). */
  EVENT_FIRST_TOKEN_SPANFUSE: 'gen_ai.first_token',
} as const;

/** OpenInference (Arize) semantic conventions. */
export const OPENINFERENCE = {
  SPAN_KIND: 'openinference.span.kind',
  MODEL_NAME: 'llm.model_name',
  INVOCATION_PARAMETERS: 'llm.invocation_parameters',
  INPUT_VALUE: 'input.value',
  OUTPUT_VALUE: 'output.value',
  TOKEN_COUNT_PREFIX: 'llm.token_count.',
  INPUT_MESSAGES_PREFIX: 'llm.input_messages',
  OUTPUT_MESSAGES_PREFIX: 'llm.output_messages',
  COST_TOTAL: 'llm.cost.total',
  COST_PROMPT: 'llm.cost.prompt',
  COST_COMPLETION: 'llm.cost.completion',
} as const;

/** OpenLLMetry (Traceloop) conventions. */
export const TRACELOOP = {
  SPAN_KIND: 'traceloop.span.kind',
  ENTITY_INPUT: 'traceloop.entity.input',
  ENTITY_OUTPUT: 'traceloop.entity.output',
  LLM_REQUEST_TYPE: 'llm.request.type',
  LLM_RESPONSE_MODEL: 'llm.response.model',
  LLM_USAGE_TOTAL_TOKENS: 'llm.usage.total_tokens',
} as const;

/** Vercel AI SDK (`ai` scope) telemetry attributes. */
export const VERCEL_AI = {
  SCOPE_NAME: 'ai',
  OPERATION_ID: 'ai.operationId',
  OPERATION_NAME: 'operation.name',
  FUNCTION_ID: 'ai.telemetry.functionId',
  MODEL_ID: 'ai.model.id',
  TOOL_CALL_NAME: 'ai.toolCall.name',
  TOOL_CALL_ARGS: 'ai.toolCall.args',
  TOOL_CALL_RESULT: 'ai.toolCall.result',
  PROMPT_MESSAGES: 'ai.prompt.messages',
  PROMPT: 'ai.prompt',
  RESPONSE_TEXT: 'ai.response.text',
  RESPONSE_TOOL_CALLS: 'ai.response.toolCalls',
  RESPONSE_OBJECT: 'ai.response.object',
  RESULT_TEXT: 'ai.result.text',
  RESULT_OBJECT: 'ai.result.object',
  RESULT_TOOL_CALLS: 'ai.result.toolCalls',
  MS_TO_FIRST_CHUNK: 'ai.response.msToFirstChunk',
  STREAM_MS_TO_FIRST_CHUNK: 'ai.stream.msToFirstChunk',
  USAGE_PREFIX: 'ai.usage.',
  SETTINGS_PREFIX: 'ai.settings.',
  TELEMETRY_METADATA_PREFIX: 'ai.telemetry.metadata.',
} as const;

/** Spanfuse's own optional attributes. */
export const SPANFUSE = {
  COMPLETION_START_TIME: 'spanfuse.completion_start_time',
  COST_PREFIX: 'spanfuse.cost.',
} as const;

/** Resource attributes the mapping reads. */
export const RESOURCE = {
  SERVICE_VERSION: 'service.version',
  DEPLOYMENT_ENVIRONMENT_NAME: 'deployment.environment.name',
  DEPLOYMENT_ENVIRONMENT: 'deployment.environment',
} as const;
