// `responses.create` (also reached by `responses.parse()` and `responses.stream()`): a chat
// operation in semconv terms. Streams carry the finished response in their last event
// (`response.completed` / `.incomplete` / `.failed`), read like a non-streamed result.
import type { CallTelemetry } from '../call-telemetry.js';
import {
  responsesInputMessages,
  responsesOutputMessages,
  toolDefinitionsJson,
  truncate,
} from '../content.js';
import {
  ATTR_GEN_AI_CONVERSATION_ID,
  ATTR_GEN_AI_INPUT_MESSAGES,
  ATTR_GEN_AI_OPENAI_REQUEST_SERVICE_TIER,
  ATTR_GEN_AI_OPENAI_RESPONSE_SERVICE_TIER,
  ATTR_GEN_AI_OUTPUT_MESSAGES,
  ATTR_GEN_AI_OUTPUT_TYPE,
  ATTR_GEN_AI_REQUEST_MAX_TOKENS,
  ATTR_GEN_AI_REQUEST_REASONING_EFFORT,
  ATTR_GEN_AI_REQUEST_STREAM,
  ATTR_GEN_AI_REQUEST_TEMPERATURE,
  ATTR_GEN_AI_REQUEST_TOP_P,
  ATTR_GEN_AI_RESPONSE_FINISH_REASONS,
  ATTR_GEN_AI_SYSTEM_INSTRUCTIONS,
  ATTR_GEN_AI_TOOL_DEFINITIONS,
} from '../semconv.js';
import type { StreamObserver } from '../stream.js';
import { type Any, type CreateAdapter, setNumber } from './adapter.js';

/** The Responses API has no finish reason; derive the Chat Completions equivalent. */
function finishReason(response: Any): string {
  if (response.status === 'incomplete') {
    const reason = response.incomplete_details?.reason;
    return reason === 'max_output_tokens' ? 'length' : String(reason ?? 'incomplete');
  }
  if (response.status === 'failed') return 'error';
  if (Array.isArray(response.output) && response.output.some((o: Any) => o?.type === 'function_call'))
    return 'tool_calls';
  return 'stop';
}

function readResponse(response: Any, call: CallTelemetry): void {
  if (!response || typeof response !== 'object') return;
  call.setResponse(response.id, response.model);
  const u = response.usage;
  if (u && typeof u === 'object') {
    call.setUsage(
      u.input_tokens,
      u.output_tokens,
      u.input_tokens_details?.cached_tokens,
      u.output_tokens_details?.reasoning_tokens,
      u.cost,
    );
  }
  call.set(ATTR_GEN_AI_OPENAI_RESPONSE_SERVICE_TIER, response.service_tier);
  if (!call.recording) return;
  const finish = finishReason(response);
  call.set(ATTR_GEN_AI_RESPONSE_FINISH_REASONS, [finish]);
  if (call.content)
    call.set(
      ATTR_GEN_AI_OUTPUT_MESSAGES,
      JSON.stringify(responsesOutputMessages(response.output, finish, call.maxContentLength)),
    );
}

export const responsesAdapter: CreateAdapter = {
  operation: 'chat',
  requestAttributes(body, a) {
    setNumber(a, ATTR_GEN_AI_REQUEST_MAX_TOKENS, body.max_output_tokens);
    setNumber(a, ATTR_GEN_AI_REQUEST_TEMPERATURE, body.temperature);
    setNumber(a, ATTR_GEN_AI_REQUEST_TOP_P, body.top_p);
    if (body.stream === true) a[ATTR_GEN_AI_REQUEST_STREAM] = true;
    if (typeof body.reasoning?.effort === 'string')
      a[ATTR_GEN_AI_REQUEST_REASONING_EFFORT] = body.reasoning.effort;
    if (typeof body.service_tier === 'string') a[ATTR_GEN_AI_OPENAI_REQUEST_SERVICE_TIER] = body.service_tier;
    const format = body.text?.format?.type;
    if (format === 'json_schema' || format === 'json_object') a[ATTR_GEN_AI_OUTPUT_TYPE] = 'json';
    else if (format === 'text') a[ATTR_GEN_AI_OUTPUT_TYPE] = 'text';
    const conversation = typeof body.conversation === 'string' ? body.conversation : body.conversation?.id;
    if (typeof conversation === 'string') a[ATTR_GEN_AI_CONVERSATION_ID] = conversation;
    if (Array.isArray(body.tools) && body.tools.length)
      a[ATTR_GEN_AI_TOOL_DEFINITIONS] = toolDefinitionsJson(body.tools);
  },
  requestContent(body, call) {
    const max = call.maxContentLength;
    // `instructions` is given apart from the history: semconv's gen_ai.system_instructions.
    if (typeof body.instructions === 'string') {
      call.set(
        ATTR_GEN_AI_SYSTEM_INSTRUCTIONS,
        JSON.stringify([{ type: 'text', content: truncate(body.instructions, max) }]),
      );
    }
    call.set(ATTR_GEN_AI_INPUT_MESSAGES, JSON.stringify(responsesInputMessages(body.input, max)));
  },
  onResult: readResponse,
  streamObserver: (call) => new ResponsesStreamObserver(call),
};

class ResponsesStreamObserver implements StreamObserver {
  private final: Any;
  constructor(private readonly call: CallTelemetry) {}

  onChunk(event: Any): boolean {
    const type: unknown = event?.type;
    if (typeof type !== 'string') return false;
    if (type === 'response.created') {
      this.call.setResponse(event.response?.id, event.response?.model);
    } else if (type.endsWith('.delta')) {
      this.call.firstToken();
    } else if (
      type === 'response.completed' ||
      type === 'response.incomplete' ||
      type === 'response.failed'
    ) {
      this.final = event.response;
    }
    return false;
  }

  onEnd(): void {
    if (this.final) readResponse(this.final, this.call);
  }
}
