// Deterministic response bodies and SSE event lists of the fake OpenAI server (see
// openai-server.ts): chat completions, Responses, embeddings, legacy completions.
import type { FakeOpenAIStep } from './openai-server.js';

/** What a payload builder needs to know about the request being answered. */
export interface Ctx {
  body: any;
  step: FakeOpenAIStep;
  n: number;
  content: string;
  promptTokens: number;
  model: string | undefined;
}

const CREATED = 1_700_000_000;
const modelOf = (c: Ctx) => c.model ?? `${c.body.model ?? 'unknown'}-2024-01-01`;
/** Words with their trailing space: the stream pieces, and the completion token count. */
export const words = (s: string) => s.match(/\S+\s*/g) ?? [];

function chatUsage(c: Ctx, completion: number) {
  return {
    prompt_tokens: c.promptTokens,
    completion_tokens: completion,
    total_tokens: c.promptTokens + completion,
    prompt_tokens_details: { cached_tokens: c.step.cachedTokens ?? 0, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: c.step.reasoningTokens ?? 0, audio_tokens: 0 },
    ...(c.step.usageCost !== undefined ? { cost: c.step.usageCost } : {}),
  };
}

function toolCalls(c: Ctx) {
  return (c.step.toolCalls ?? []).map((t, i) => ({
    id: `call_${c.n}_${i}`,
    type: 'function',
    function: { name: t.name, arguments: t.arguments },
  }));
}

export function chatJson(c: Ctx) {
  const calls = toolCalls(c);
  const message = calls.length
    ? { role: 'assistant', content: null, tool_calls: calls, refusal: null }
    : { role: 'assistant', content: c.content, refusal: null };
  return {
    id: `chatcmpl-${c.n}`,
    object: 'chat.completion',
    created: CREATED,
    model: modelOf(c),
    choices: [{ index: 0, message, logprobs: null, finish_reason: calls.length ? 'tool_calls' : 'stop' }],
    usage: chatUsage(c, calls.length ? 5 * calls.length : words(c.content).length),
    system_fingerprint: 'fp_fake',
  };
}

export function chatChunks(c: Ctx): Array<[undefined, unknown]> {
  const base = {
    id: `chatcmpl-${c.n}`,
    object: 'chat.completion.chunk',
    created: CREATED,
    model: modelOf(c),
    system_fingerprint: 'fp_fake',
  };
  const withUsage = c.body.stream_options?.include_usage === true;
  const u = withUsage ? { usage: null } : {};
  const chunk = (delta: unknown, finish: string | null = null): [undefined, unknown] => [
    undefined,
    { ...base, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }], ...u },
  ];
  const out: Array<[undefined, unknown]> = (c.step.prependChunks ?? []).map((p) => [undefined, p]);
  out.push(chunk({ role: 'assistant', content: '', refusal: null }));
  const calls = toolCalls(c);
  let completion = 0;
  if (calls.length) {
    // Parallel tool calls: a header chunk per index, then argument halves interleaved across indexes.
    calls.forEach((t, index) => {
      out.push(
        chunk({
          tool_calls: [
            { index, id: t.id, type: 'function', function: { name: t.function.name, arguments: '' } },
          ],
        }),
      );
    });
    for (const half of [0, 1]) {
      calls.forEach((t, index) => {
        const a = t.function.arguments;
        const mid = Math.floor(a.length / 2);
        out.push(
          chunk({ tool_calls: [{ index, function: { arguments: half ? a.slice(mid) : a.slice(0, mid) } }] }),
        );
      });
    }
    completion = 5 * calls.length;
    out.push(chunk({}, 'tool_calls'));
  } else {
    const pieces = words(c.content);
    for (const w of pieces) out.push(chunk({ content: w }));
    completion = pieces.length;
    out.push(chunk({}, 'stop'));
  }
  if (withUsage) out.push([undefined, { ...base, choices: [], usage: chatUsage(c, completion) }]);
  return out;
}

function responseUsage(c: Ctx, output: number) {
  return {
    input_tokens: c.promptTokens,
    input_tokens_details: { cached_tokens: c.step.cachedTokens ?? 0 },
    output_tokens: output,
    output_tokens_details: { reasoning_tokens: c.step.reasoningTokens ?? 0 },
    total_tokens: c.promptTokens + output,
    ...(c.step.usageCost !== undefined ? { cost: c.step.usageCost } : {}),
  };
}

function responseOutput(c: Ctx) {
  const calls = c.step.toolCalls ?? [];
  if (calls.length) {
    return calls.map((t, i) => ({
      type: 'function_call',
      id: `fc_${c.n}_${i}`,
      call_id: `call_${c.n}_${i}`,
      name: t.name,
      arguments: t.arguments,
      status: 'completed',
    }));
  }
  return [
    {
      type: 'message',
      id: `msg_${c.n}`,
      status: 'completed',
      role: 'assistant',
      content: [{ type: 'output_text', text: c.content, annotations: [] }],
    },
  ];
}

export function responseJson(c: Ctx, status = 'completed') {
  const calls = c.step.toolCalls ?? [];
  const done = status === 'completed';
  return {
    id: `resp_${c.n}`,
    object: 'response',
    created_at: CREATED,
    status,
    model: modelOf(c),
    output: done ? responseOutput(c) : [],
    instructions: c.body.instructions ?? null,
    temperature: c.body.temperature ?? 1,
    top_p: c.body.top_p ?? 1,
    max_output_tokens: c.body.max_output_tokens ?? null,
    tools: c.body.tools ?? [],
    parallel_tool_calls: true,
    tool_choice: 'auto',
    error: null,
    incomplete_details: null,
    metadata: {},
    usage: done ? responseUsage(c, calls.length ? 5 * calls.length : words(c.content).length) : null,
  };
}

export function responseEvents(c: Ctx): Array<[string, unknown]> {
  let sequence_number = 0;
  const ev = (type: string, rest: object): [string, unknown] => [
    type,
    { type, sequence_number: sequence_number++, ...rest },
  ];
  const out: Array<[string, unknown]> = [
    ev('response.created', { response: responseJson(c, 'in_progress') }),
  ];
  const items = responseOutput(c);
  items.forEach((item, output_index) => {
    if (item.type === 'message') {
      out.push(
        ev('response.output_item.added', {
          output_index,
          item: { ...item, status: 'in_progress', content: [] },
        }),
      );
      const part = { type: 'output_text', text: '', annotations: [] };
      out.push(ev('response.content_part.added', { item_id: item.id, output_index, content_index: 0, part }));
      for (const delta of words(c.content)) {
        out.push(
          ev('response.output_text.delta', {
            item_id: item.id,
            output_index,
            content_index: 0,
            delta,
            logprobs: [],
          }),
        );
      }
      out.push(
        ev('response.output_text.done', {
          item_id: item.id,
          output_index,
          content_index: 0,
          text: c.content,
          logprobs: [],
        }),
      );
      out.push(
        ev('response.content_part.done', {
          item_id: item.id,
          output_index,
          content_index: 0,
          part: { ...part, text: c.content },
        }),
      );
    } else {
      out.push(
        ev('response.output_item.added', {
          output_index,
          item: { ...item, status: 'in_progress', arguments: '' },
        }),
      );
      const args = (item as { arguments: string }).arguments;
      out.push(ev('response.function_call_arguments.delta', { item_id: item.id, output_index, delta: args }));
      out.push(
        ev('response.function_call_arguments.done', { item_id: item.id, output_index, arguments: args }),
      );
    }
    out.push(ev('response.output_item.done', { output_index, item }));
  });
  out.push(ev('response.completed', { response: responseJson(c) }));
  return out;
}

export function embeddingsJson(c: Ctx) {
  const inputs: unknown[] = Array.isArray(c.body.input) ? c.body.input : [c.body.input];
  const dims: number = c.body.dimensions ?? 8;
  const data = inputs.map((_, index) => {
    const v = new Float32Array(dims);
    for (let i = 0; i < dims; i++) v[i] = (index + 1) / (i + 2);
    const embedding =
      c.body.encoding_format === 'base64' ? Buffer.from(v.buffer).toString('base64') : Array.from(v);
    return { object: 'embedding', index, embedding };
  });
  const tokens = inputs.length * 4;
  return { object: 'list', data, model: modelOf(c), usage: { prompt_tokens: tokens, total_tokens: tokens } };
}

export function completionJson(c: Ctx) {
  const n = words(c.content).length;
  return {
    id: `cmpl-${c.n}`,
    object: 'text_completion',
    created: CREATED,
    model: modelOf(c),
    choices: [{ text: c.content, index: 0, logprobs: null, finish_reason: 'stop' }],
    usage: { prompt_tokens: c.promptTokens, completion_tokens: n, total_tokens: c.promptTokens + n },
  };
}

export function completionChunks(c: Ctx): Array<[undefined, unknown]> {
  const base = { id: `cmpl-${c.n}`, object: 'text_completion', created: CREATED, model: modelOf(c) };
  const pieces = words(c.content);
  const out: Array<[undefined, unknown]> = pieces.map((text, i) => [
    undefined,
    {
      ...base,
      choices: [{ text, index: 0, logprobs: null, finish_reason: i === pieces.length - 1 ? 'stop' : null }],
    },
  ]);
  if (c.body.stream_options?.include_usage === true) {
    const n = pieces.length;
    out.push([
      undefined,
      {
        ...base,
        choices: [],
        usage: { prompt_tokens: c.promptTokens, completion_tokens: n, total_tokens: c.promptTokens + n },
      },
    ]);
  }
  return out;
}
