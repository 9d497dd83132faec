// Legacy `completions.create` (text_completion): a prompt in, text choices out.
import type { CallTelemetry } from '../call-telemetry.js';
import { type Message, truncate } from '../content.js';
import {
  ATTR_GEN_AI_INPUT_MESSAGES,
  ATTR_GEN_AI_OUTPUT_MESSAGES,
  ATTR_GEN_AI_RESPONSE_FINISH_REASONS,
} from '../semconv.js';
import type { StreamObserver } from '../stream.js';
import { type Any, type CreateAdapter, withIncludeUsage } from './adapter.js';
import { readStreamUsage, samplingAttributes, setChatUsage } from './chat-completions.js';

function prompts(prompt: unknown): string[] {
  if (typeof prompt === 'string') return [prompt];
  if (Array.isArray(prompt)) return prompt.filter((p): p is string => typeof p === 'string');
  return [];
}

function outputs(texts: string[], finishes: Array<string | null>, max: number): Message[] {
  return texts.map((t, i) => ({
    role: 'assistant',
    parts: [{ type: 'text', content: truncate(t, max) }],
    finish_reason: finishes[i] ?? undefined,
  }));
}

export const completionsAdapter: CreateAdapter = {
  operation: 'text_completion',
  requestAttributes: samplingAttributes,
  requestContent(body, call) {
    const max = call.maxContentLength;
    const messages: Message[] = prompts(body.prompt).map((p) => ({
      role: 'user',
      parts: [{ type: 'text', content: truncate(p, max) }],
    }));
    call.set(ATTR_GEN_AI_INPUT_MESSAGES, JSON.stringify(messages));
  },
  injectStreamUsage: withIncludeUsage,
  onResult(result, call) {
    if (!result || typeof result !== 'object') return;
    call.setResponse(result.id, result.model);
    setChatUsage(call, result.usage);
    const choices: Any[] = Array.isArray(result.choices) ? result.choices : [];
    if (!call.recording || !choices.length) return;
    const finishes = choices.map((c) => c?.finish_reason ?? null);
    call.set(
      ATTR_GEN_AI_RESPONSE_FINISH_REASONS,
      finishes.map((f) => f ?? ''),
    );
    if (call.content)
      call.set(
        ATTR_GEN_AI_OUTPUT_MESSAGES,
        JSON.stringify(
          outputs(
            choices.map((c) => String(c?.text ?? '')),
            finishes,
            call.maxContentLength,
          ),
        ),
      );
  },
  streamObserver: (call, injected) => new CompletionStreamObserver(call, injected),
};

class CompletionStreamObserver implements StreamObserver {
  private readonly texts: string[] = [];
  private readonly finishes: Array<string | null> = [];
  private meta = false;
  constructor(
    private readonly call: CallTelemetry,
    private readonly injected: boolean,
  ) {}

  onChunk(chunk: Any): boolean {
    if (!chunk || typeof chunk !== 'object') return false;
    if (!this.meta) {
      this.meta = true;
      this.call.setResponse(chunk.id, chunk.model);
    }
    if (readStreamUsage(chunk, this.call, this.injected)) return true;
    const choices: Any[] | undefined = chunk.choices;
    if (!Array.isArray(choices)) return false;
    for (const c of choices) {
      const i: number = typeof c?.index === 'number' ? c.index : 0;
      if (typeof c?.text === 'string' && c.text !== '') {
        this.call.firstToken();
        if (this.call.content) this.texts[i] = (this.texts[i] ?? '') + c.text;
      }
      if (c?.finish_reason) this.finishes[i] = c.finish_reason;
    }
    return false;
  }

  onEnd(): void {
    const call = this.call;
    if (!call.recording || this.finishes.length === 0) return;
    call.set(
      ATTR_GEN_AI_RESPONSE_FINISH_REASONS,
      Array.from(this.finishes, (f) => f ?? ''),
    );
    if (call.content)
      call.set(
        ATTR_GEN_AI_OUTPUT_MESSAGES,
        JSON.stringify(
          outputs(
            Array.from(this.texts, (t) => t ?? ''),
            this.finishes,
            call.maxContentLength,
          ),
        ),
      );
  }
}
