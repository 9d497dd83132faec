/**
 * Observation input/output, first source that yields either, in the server's order
 * (`extractInputAndOutput`, the conventions a Node app can emit):
 *
 * 1. `langfuse.observation.input` / `.output`
 * 2. Vercel AI SDK (scope `ai`, or an `ai.operationId`): `ai.prompt.messages` > `ai.prompt` >
 *    `ai.toolCall.args`; output `{role: assistant, content, tool_calls}` when both
 *    `ai.response.text` and `ai.response.toolCalls` exist, else `ai.response.text` >
 *    `ai.result.text` > `ai.toolCall.result` > `ai.response.object` > `ai.result.object` >
 *    `ai.response.toolCalls` > `ai.result.toolCalls`; then 9. for what is still missing
 * 3. event `gen_ai.client.inference.operation.details` (semconv 1.37+)
 * 4. events `gen_ai.*.message` / `gen_ai.choice`
 * 5. `traceloop.entity.input` / `.output` (OpenLLMetry)
 * 6. `input.value` / `output.value` (OpenInference)
 * 7. flattened `gen_ai.prompt.N.*` / `gen_ai.completion.N.*`
 * 8. flattened `llm.input_messages.N.*` / `llm.output_messages.N.*`
 * 9. `gen_ai.input.messages` / `gen_ai.output.messages` (with `gen_ai.system_instructions`
 *    prepended as a system message), else `gen_ai.tool.call.arguments` / `.result`
 */
import type { Attributes, AttributeValue } from '@opentelemetry/api';
import type { TimedEvent } from '@opentelemetry/sdk-trace-base';
import { GEN_AI, LANGFUSE, OPENINFERENCE, TRACELOOP, VERCEL_AI } from '../attributes.js';
import type { SerializedValue } from '../model/observation.js';
import { safeJsonStringify, serializeValue } from '../safe-json.js';
import type { AttributeIndex } from './attribute-index.js';
import { messageEventsOf, operationDetailsOf } from './event-messages.js';
import { unflatten } from './flattened-messages.js';
import { prependSystemInstructions } from './system-instructions.js';

/** Serialized input and output of an observation (either may be absent). */
export interface ObservationIO {
  input?: SerializedValue;
  output?: SerializedValue;
}

// The server's test for "this source has a value": truthy (so "" and 0 do not count).
const present = (value: unknown): boolean => Boolean(value);

function pair(input: unknown, output: unknown, maxBytes: number): ObservationIO | undefined {
  if (!present(input) && !present(output)) return undefined;
  const io: ObservationIO = {};
  if (present(input)) io.input = serializeValue(input, maxBytes);
  if (present(output)) io.output = serializeValue(output, maxBytes);
  return io;
}

/** Input/output of a span (see the file comment for the order). */
export function ioOf(
  index: AttributeIndex,
  events: readonly TimedEvent[],
  scopeName: string,
  maxBytes: number,
): ObservationIO {
  const a = index.attributes;
  return (
    pair(a[LANGFUSE.OBSERVATION_INPUT], a[LANGFUSE.OBSERVATION_OUTPUT], maxBytes) ??
    (scopeName === VERCEL_AI.SCOPE_NAME || a[VERCEL_AI.OPERATION_ID] !== undefined
      ? vercelIO(a, maxBytes)
      : undefined) ??
    eventIO(events, maxBytes) ??
    pair(a[TRACELOOP.ENTITY_INPUT], a[TRACELOOP.ENTITY_OUTPUT], maxBytes) ??
    pair(a[OPENINFERENCE.INPUT_VALUE], a[OPENINFERENCE.OUTPUT_VALUE], maxBytes) ??
    flattenedIO(index, GEN_AI.PROMPT_PREFIX, GEN_AI.COMPLETION_PREFIX, maxBytes) ??
    flattenedIO(index, OPENINFERENCE.INPUT_MESSAGES_PREFIX, OPENINFERENCE.OUTPUT_MESSAGES_PREFIX, maxBytes) ??
    genAiIO(a, maxBytes) ??
    {}
  );
}

function vercelIO(a: Attributes, maxBytes: number): ObservationIO {
  const input = a[VERCEL_AI.PROMPT_MESSAGES] ?? a[VERCEL_AI.PROMPT] ?? a[VERCEL_AI.TOOL_CALL_ARGS];
  let output: unknown;
  const text = a[VERCEL_AI.RESPONSE_TEXT];
  const toolCalls = a[VERCEL_AI.RESPONSE_TOOL_CALLS];
  if (text !== undefined && toolCalls !== undefined) {
    output = { role: 'assistant', content: text, tool_calls: parseSmallJson(toolCalls) };
  } else {
    output =
      (present(text) ? text : undefined) ??
      a[VERCEL_AI.RESULT_TEXT] ??
      a[VERCEL_AI.TOOL_CALL_RESULT] ??
      a[VERCEL_AI.RESPONSE_OBJECT] ??
      a[VERCEL_AI.RESULT_OBJECT] ??
      toolCalls ??
      a[VERCEL_AI.RESULT_TOOL_CALLS];
  }
  const io: ObservationIO = pair(input, output, maxBytes) ?? {};
  // The server completes a Vercel span with the semconv attributes (ai SDK 5 writes both).
  if (io.input === undefined || io.output === undefined) {
    const genAi = genAiIO(a, maxBytes);
    io.input ??= genAi?.input;
    io.output ??= genAi?.output;
    if (io.input === undefined) delete io.input;
    if (io.output === undefined) delete io.output;
  }
  return io;
}

function eventIO(events: readonly TimedEvent[], maxBytes: number): ObservationIO | undefined {
  if (events.length === 0) return undefined;
  const details = operationDetailsOf(events);
  if (details !== undefined) {
    const io = genAiIO(details, maxBytes);
    if (io !== undefined) return io;
  }
  const messages = messageEventsOf(events);
  if (messages === undefined) return undefined;
  const io: ObservationIO = {};
  if (messages.input !== undefined) io.input = safeJsonStringify(messages.input, maxBytes);
  if (messages.output !== undefined) io.output = safeJsonStringify(messages.output, maxBytes);
  return io;
}

function flattenedIO(
  index: AttributeIndex,
  inputPrefix: string,
  outputPrefix: string,
  maxBytes: number,
): ObservationIO | undefined {
  const inputKeys = inputPrefix === GEN_AI.PROMPT_PREFIX ? index.genAiPrompt : index.llmInputMessages;
  const outputKeys =
    outputPrefix === GEN_AI.COMPLETION_PREFIX ? index.genAiCompletion : index.llmOutputMessages;
  if (inputKeys === undefined && outputKeys === undefined) return undefined;
  const unwrap = inputPrefix === GEN_AI.PROMPT_PREFIX ? undefined : 'message';
  const a = index.attributes;
  const input = inputKeys && unflatten(a, inputKeys, inputPrefix, unwrap);
  const output = outputKeys && unflatten(a, outputKeys, outputPrefix, unwrap);
  if (input === undefined && output === undefined) return undefined;
  const io: ObservationIO = {};
  if (input !== undefined) io.input = serializeValue(input, maxBytes);
  if (output !== undefined) io.output = serializeValue(output, maxBytes);
  return io;
}

function genAiIO(a: Attributes, maxBytes: number): ObservationIO | undefined {
  let input: unknown = a[GEN_AI.INPUT_MESSAGES];
  const output = a[GEN_AI.OUTPUT_MESSAGES];
  const system = a[GEN_AI.SYSTEM_INSTRUCTIONS];
  if (present(input) && system !== undefined && present(system)) {
    input = prependSystemInstructions(input, system);
  }
  return (
    pair(input, output, maxBytes) ?? pair(a[GEN_AI.TOOL_CALL_ARGUMENTS], a[GEN_AI.TOOL_CALL_RESULT], maxBytes)
  );
}

// Vercel's ai.response.toolCalls is a small JSON array string: nest it as data, not as text.
function parseSmallJson(value: AttributeValue | undefined): unknown {
  if (typeof value !== 'string' || value.length > 65_536) return value;
  const c = value.charCodeAt(0);
  if (c !== 91 && c !== 123) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
