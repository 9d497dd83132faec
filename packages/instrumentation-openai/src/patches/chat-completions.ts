// `chat.completions.create` (also reached by `.parse()`, `.stream()` and `runTools()`, which call
// it): request parameters, the completion, and the chunk-by-chunk assembly of a streamed one
// (parallel tool calls are kept apart by their `index`).
import type { Attributes } from '@opentelemetry/api';
import type { CallTelemetry } from '../call-telemetry.js';
import {
  chatOutputMessage,
  type Message,
  type MessagePart,
  toolCallPart,
  toolDefinitionsJson,
  truncate,
} from '../content.js';
import { chatInputMessagesJson } from '../content-json.js';
import {
  ATTR_GEN_AI_INPUT_MESSAGES,
  ATTR_GEN_AI_OPENAI_REQUEST_SERVICE_TIER,
  ATTR_GEN_AI_OPENAI_RESPONSE_SERVICE_TIER,
  ATTR_GEN_AI_OPENAI_RESPONSE_SYSTEM_FINGERPRINT,
  ATTR_GEN_AI_OUTPUT_MESSAGES,
  ATTR_GEN_AI_OUTPUT_TYPE,
  ATTR_GEN_AI_REQUEST_CHOICE_COUNT,
  ATTR_GEN_AI_REQUEST_FREQUENCY_PENALTY,
  ATTR_GEN_AI_REQUEST_MAX_TOKENS,
  ATTR_GEN_AI_REQUEST_PRESENCE_PENALTY,
  ATTR_GEN_AI_REQUEST_REASONING_EFFORT,
  ATTR_GEN_AI_REQUEST_SEED,
  ATTR_GEN_AI_REQUEST_STOP_SEQUENCES,
  ATTR_GEN_AI_REQUEST_STREAM,
  ATTR_GEN_AI_REQUEST_TEMPERATURE,
  ATTR_GEN_AI_REQUEST_TOP_P,
  ATTR_GEN_AI_RESPONSE_FINISH_REASONS,
  ATTR_GEN_AI_TOOL_DEFINITIONS,
} from '../semconv.js';
import type { StreamObserver } from '../stream.js';
import { type Any, type CreateAdapter, setNumber, stopSequences, withIncludeUsage } from './adapter.js';

/** `response_format.type` → gen_ai.output.type. */
function outputType(format: Any): string | undefined {
  const t = format?.type;
  if (t === 'json_schema' || t === 'json_object') return 'json';
  if (t === 'text') return 'text';
  return undefined;
}

/** Request attributes shared with the legacy completions API. */
export function samplingAttributes(body: Any, a: Attributes): void {
  setNumber(a, ATTR_GEN_AI_REQUEST_MAX_TOKENS, body.max_completion_tokens ?? body.max_tokens);
  setNumber(a, ATTR_GEN_AI_REQUEST_TEMPERATURE, body.temperature);
  setNumber(a, ATTR_GEN_AI_REQUEST_TOP_P, body.top_p);
  setNumber(a, ATTR_GEN_AI_REQUEST_SEED, body.seed);
  setNumber(a, ATTR_GEN_AI_REQUEST_FREQUENCY_PENALTY, body.frequency_penalty);
  setNumber(a, ATTR_GEN_AI_REQUEST_PRESENCE_PENALTY, body.presence_penalty);
  if (typeof body.n === 'number' && body.n !== 1) a[ATTR_GEN_AI_REQUEST_CHOICE_COUNT] = body.n;
  const stop = stopSequences(body.stop);
  if (stop) a[ATTR_GEN_AI_REQUEST_STOP_SEQUENCES] = stop;
  if (body.stream === true) a[ATTR_GEN_AI_REQUEST_STREAM] = true;
}

/** Usage of a chat or legacy completion (`prompt_tokens` already counts cached tokens). */
export function setChatUsage(call: CallTelemetry, usage: Any): void {
  if (!usage || typeof usage !== 'object') return;
  call.setUsage(
    usage.prompt_tokens,
    usage.completion_tokens,
    usage.prompt_tokens_details?.cached_tokens,
    usage.completion_tokens_details?.reasoning_tokens,
    usage.cost, // OpenRouter reports the call's cost in USD here
  );
}

/**
 * Reads a streamed chunk's usage (chat and legacy completions stream it alike) and undoes what an
 * injected `include_usage` changed: removes the `usage: null` every other chunk then carries, and
 * returns true for the usage-only chunk, which the app must not see.
 */
export function readStreamUsage(chunk: Any, call: CallTelemetry, injected: boolean): boolean {
  if (chunk.usage) {
    setChatUsage(call, chunk.usage);
    const choices: Any[] | undefined = chunk.choices;
    return injected && (!choices || choices.length === 0);
  }
  if (injected && chunk.usage === null) delete chunk.usage;
  return false;
}

export const chatCompletionsAdapter: CreateAdapter = {
  operation: 'chat',
  requestAttributes(body, a) {
    samplingAttributes(body, a);
    if (typeof body.reasoning_effort === 'string')
      a[ATTR_GEN_AI_REQUEST_REASONING_EFFORT] = body.reasoning_effort;
    if (typeof body.service_tier === 'string') a[ATTR_GEN_AI_OPENAI_REQUEST_SERVICE_TIER] = body.service_tier;
    const type = outputType(body.response_format);
    if (type) a[ATTR_GEN_AI_OUTPUT_TYPE] = type;
    // Tool definitions are not message content: they describe the app, so they are always kept.
    if (Array.isArray(body.tools) && body.tools.length)
      a[ATTR_GEN_AI_TOOL_DEFINITIONS] = toolDefinitionsJson(body.tools);
  },
  requestContent(body, call) {
    call.set(ATTR_GEN_AI_INPUT_MESSAGES, chatInputMessagesJson(body.messages, call.maxContentLength));
  },
  injectStreamUsage: withIncludeUsage,
  onResult(result, call) {
    if (!result || typeof result !== 'object') return;
    call.setResponse(result.id, result.model);
    setChatUsage(call, result.usage);
    call.set(ATTR_GEN_AI_OPENAI_RESPONSE_SERVICE_TIER, result.service_tier);
    call.set(ATTR_GEN_AI_OPENAI_RESPONSE_SYSTEM_FINGERPRINT, result.system_fingerprint);
    const choices: Any[] = Array.isArray(result.choices) ? result.choices : [];
    if (call.recording && choices.length)
      call.set(
        ATTR_GEN_AI_RESPONSE_FINISH_REASONS,
        choices.map((c) => c?.finish_reason ?? ''),
      );
    if (call.content)
      call.set(
        ATTR_GEN_AI_OUTPUT_MESSAGES,
        JSON.stringify(choices.map((c) => chatOutputMessage(c, call.maxContentLength))),
      );
  },
  streamObserver: (call, injected) => new ChatStreamObserver(call, injected),
};

interface ToolCallState {
  id: unknown;
  name: unknown;
  args: string;
}
interface ChoiceState {
  text: string;
  finish: string | null;
  tools: ToolCallState[] | undefined;
}

/** Assembles streamed chunks per choice index; keeps text only when content is captured. */
class ChatStreamObserver implements StreamObserver {
  private readonly choices: ChoiceState[] = [];
  private meta = false;

  constructor(
    private readonly call: CallTelemetry,
    private readonly injected: boolean,
  ) {}

  onChunk(chunk: Any): boolean {
    if (!chunk || typeof chunk !== 'object') return false;
    const call = this.call;
    if (!this.meta) {
      this.meta = true;
      call.setResponse(chunk.id, chunk.model);
      call.set(ATTR_GEN_AI_OPENAI_RESPONSE_SYSTEM_FINGERPRINT, chunk.system_fingerprint);
    }
    if (chunk.usage) call.set(ATTR_GEN_AI_OPENAI_RESPONSE_SERVICE_TIER, chunk.service_tier);
    if (readStreamUsage(chunk, call, this.injected)) return true;
    const choices: Any[] | undefined = chunk.choices;
    if (!Array.isArray(choices)) return false;
    for (let i = 0; i < choices.length; i++) this.onChoice(choices[i]);
    return false;
  }

  private onChoice(choice: Any): void {
    if (!choice) return;
    const index: number = typeof choice.index === 'number' ? choice.index : 0;
    let state = this.choices[index];
    if (state === undefined) {
      state = { text: '', finish: null, tools: undefined };
      this.choices[index] = state;
    }
    if (choice.finish_reason) state.finish = choice.finish_reason;
    const delta = choice.delta;
    if (!delta) return;
    const content = delta.content ?? delta.refusal;
    if (typeof content === 'string' && content !== '') {
      this.call.firstToken();
      if (this.call.content && state.text.length <= this.call.maxContentLength) state.text += content;
    }
    const toolCalls: Any[] | undefined = delta.tool_calls;
    if (Array.isArray(toolCalls)) {
      this.call.firstToken();
      state.tools ??= [];
      for (const tc of toolCalls) {
        const ti: number = typeof tc?.index === 'number' ? tc.index : 0;
        let t = state.tools[ti];
        if (t === undefined) {
          t = { id: tc.id, name: tc.function?.name, args: '' };
          state.tools[ti] = t;
        }
        if (tc.id) t.id = tc.id;
        if (tc.function?.name) t.name = tc.function.name;
        const args = tc.function?.arguments;
        if (typeof args === 'string' && this.call.content) t.args += args;
      }
    }
  }

  onEnd(): void {
    const call = this.call;
    if (!call.recording || this.choices.length === 0) return;
    call.set(
      ATTR_GEN_AI_RESPONSE_FINISH_REASONS,
      this.choices.filter(Boolean).map((c) => c.finish ?? ''),
    );
    if (!call.content) return;
    const max = call.maxContentLength;
    const messages: Message[] = [];
    for (const c of this.choices) {
      if (!c) continue;
      const parts: MessagePart[] = c.text ? [{ type: 'text', content: truncate(c.text, max) }] : [];
      for (const t of c.tools ?? []) if (t) parts.push(toolCallPart(t.id, t.name, t.args, max));
      messages.push({ role: 'assistant', parts, finish_reason: c.finish ?? undefined });
    }
    call.set(ATTR_GEN_AI_OUTPUT_MESSAGES, JSON.stringify(messages));
  }
}
