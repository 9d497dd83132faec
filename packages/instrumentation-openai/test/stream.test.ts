import { SpanStatusCode } from '@opentelemetry/api';
import type OpenAI from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, json, setup, userMessage } from './helpers.js';

const streamed = { model: 'gpt-4o-mini', messages: userMessage, stream: true as const };

async function collect(stream: AsyncIterable<any>): Promise<any[]> {
  const chunks = [];
  for await (const c of stream) chunks.push(c);
  return chunks;
}

describe('streamed chat completions', () => {
  let h: Harness<OpenAI>;
  beforeEach(async () => {
    h = await setup();
  });
  afterEach(() => h.close());

  it('ends the span when the stream is consumed, with usage, output and a gen_ai.first_token event', async () => {
    const chunks = await collect(await h.client.chat.completions.create(streamed));
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe(
      'Hello from the fake OpenAI server.',
    );
    const [span] = await h.spans();
    expect(span?.attributes).toMatchObject({
      'gen_ai.request.stream': true,
      'gen_ai.response.id': 'chatcmpl-1',
      'gen_ai.response.finish_reasons': ['stop'],
      'gen_ai.usage.input_tokens': 12,
      'gen_ai.usage.output_tokens': 6,
    });
    expect(json(span!, 'gen_ai.output.messages')[0].parts[0].content).toBe(
      'Hello from the fake OpenAI server.',
    );
    const events = span?.events.filter((e) => e.name === 'gen_ai.first_token') ?? [];
    expect(events).toHaveLength(1);
    expect(events[0]?.attributes ?? {}).toEqual({});
  });

  it('hides the injected usage chunk and usage fields from the app', async () => {
    const chunks = await collect(await h.client.chat.completions.create(streamed));
    expect(h.fake.requests[0]?.body.stream_options).toEqual({ include_usage: true });
    expect(chunks.every((c) => c.choices.length > 0)).toBe(true);
    expect(chunks.some((c) => 'usage' in c)).toBe(false);
    // Same chunks as an uninstrumented call without stream_options gets.
    h.instrumentation.disable();
    h.instrumentation.uninstrument((await import('openai')).default);
    const plain = await collect(await h.client.chat.completions.create(streamed));
    const strip = (cs: unknown[]) => JSON.stringify(cs).replaceAll(/chatcmpl-\d+/g, 'id');
    expect(strip(chunks)).toBe(strip(plain));
  });

  it('keeps the usage chunk when the app asked for it itself', async () => {
    const chunks = await collect(
      await h.client.chat.completions.create({ ...streamed, stream_options: { include_usage: true } }),
    );
    expect(chunks.at(-1)?.choices).toEqual([]);
    expect(chunks.at(-1)?.usage.total_tokens).toBe(18);
    const [span] = await h.spans();
    expect(span?.attributes['gen_ai.usage.output_tokens']).toBe(6);
  });

  describe('when the app asked for usage itself (nothing to hide)', () => {
    const ownUsage = { ...streamed, stream_options: { include_usage: true } };

    it('gives the app exactly the chunks of an uninstrumented call', async () => {
      const chunks = await collect(await h.client.chat.completions.create(ownUsage));
      h.instrumentation.disable();
      h.instrumentation.uninstrument((await import('openai')).default);
      const plain = await collect(await h.client.chat.completions.create(ownUsage));
      const strip = (cs: unknown[]) => JSON.stringify(cs).replaceAll(/chatcmpl-\d+/g, 'id');
      expect(strip(chunks)).toBe(strip(plain));
      const [span] = await h.spans();
      expect(json(span!, 'gen_ai.output.messages')[0].parts[0].content).toBe(
        'Hello from the fake OpenAI server.',
      );
      expect(span?.events.map((e) => e.name)).toEqual(['gen_ai.first_token']);
    });

    it('ends the span when the app breaks out', async () => {
      let n = 0;
      for await (const _ of await h.client.chat.completions.create(ownUsage)) if (++n === 2) break;
      const [span] = await h.spans();
      expect(span?.ended).toBe(true);
      expect(span?.status.code).toBe(SpanStatusCode.UNSET);
    });

    it('ends a stream cut mid-way with ERROR and leaves the error to the app', async () => {
      h.fake.setNext({ cutAfterChunks: 3 });
      const seen: unknown[] = [];
      const error = await (async () => {
        for await (const c of await h.client.chat.completions.create(ownUsage)) seen.push(c);
      })().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect(seen).toHaveLength(3);
      const [span] = await h.spans();
      expect(span?.status.code).toBe(SpanStatusCode.ERROR);
      expect(span?.attributes['error.type']).toBe('connection');
    });
  });

  it('assembles parallel tool calls per index', async () => {
    h.fake.setNext({
      toolCalls: [
        { name: 'get_weather', arguments: '{"city":"Paris"}' },
        { name: 'get_time', arguments: '{"tz":"CET"}' },
      ],
    });
    await collect(await h.client.chat.completions.create(streamed));
    const [span] = await h.spans();
    expect(span?.attributes['gen_ai.response.finish_reasons']).toEqual(['tool_calls']);
    expect(json(span!, 'gen_ai.output.messages')[0].parts).toEqual([
      { type: 'tool_call', id: 'call_1_0', name: 'get_weather', arguments: '{"city":"Paris"}' },
      { type: 'tool_call', id: 'call_1_1', name: 'get_time', arguments: '{"tz":"CET"}' },
    ]);
  });

  it('ends the span when the app breaks out of the stream', async () => {
    const stream = await h.client.chat.completions.create(streamed);
    let n = 0;
    for await (const _ of stream) if (++n === 2) break;
    const [span] = await h.spans();
    expect(span?.status.code).toBe(SpanStatusCode.UNSET);
    expect(span?.ended).toBe(true);
  });

  it('does not prevent usage of tee', async () => {
    const [left, right] = (await h.client.chat.completions.create(streamed)).tee();
    const [a, b] = await Promise.all([collect(left), collect(right)]);
    expect(a).toEqual(b);
    expect(a.length).toBeGreaterThan(3);
    const spans = await h.spans();
    expect(spans).toHaveLength(1);
    expect(spans[0]?.attributes['gen_ai.usage.output_tokens']).toBe(6);
  });

  it('does not prevent usage of toReadableStream', async () => {
    const readable = (await h.client.chat.completions.create(streamed)).toReadableStream();
    const reader = readable.getReader();
    let count = 0;
    while (!(await reader.read()).done) count++;
    expect(count).toBeGreaterThan(3);
    expect((await h.spans())[0]?.attributes['gen_ai.usage.input_tokens']).toBe(12);
  });

  it('does not prevent usage of abort', async () => {
    h.fake.setNext({ chunkDelayMs: 20 });
    const stream = await h.client.chat.completions.create(streamed);
    const seen = [];
    for await (const c of stream) {
      seen.push(c);
      stream.controller.abort();
    }
    expect(seen).toHaveLength(1);
    const [span] = await h.spans();
    expect(span?.ended).toBe(true);
  });

  it('does not misbehave with double iteration', async () => {
    const stream = await h.client.chat.completions.create(streamed);
    await collect(stream);
    await expect(collect(stream)).rejects.toThrow(/consumed/);
    const spans = await h.spans();
    expect(spans).toHaveLength(1);
    expect(spans[0]?.status.code).toBe(SpanStatusCode.UNSET);
  });

  it('copes with chunks missing a choices array', async () => {
    h.fake.setNext({
      prependChunks: [
        {
          id: '',
          object: '',
          created: 0,
          model: '',
          choices: [],
          prompt_filter_results: [{ prompt_index: 0 }],
        },
        { id: 'chatcmpl-x', object: 'chat.completion.chunk', created: 0, model: 'gpt-4o-mini' },
      ],
    });
    const chunks = await collect(await h.client.chat.completions.create(streamed));
    // The app still gets the provider's own empty-choices chunk: only our usage chunk is hidden.
    expect(chunks[0]?.prompt_filter_results).toEqual([{ prompt_index: 0 }]);
    const [span] = await h.spans();
    expect(span?.attributes['gen_ai.usage.output_tokens']).toBe(6);
    expect(span?.status.code).toBe(SpanStatusCode.UNSET);
  });

  it('sends no stream_options when injectStreamUsage is off', async () => {
    await h.close();
    h = await setup({ injectStreamUsage: false });
    await collect(await h.client.chat.completions.create(streamed));
    expect(h.fake.requests[0]?.body.stream_options).toBeUndefined();
    const [span] = await h.spans();
    expect(span?.attributes['gen_ai.usage.input_tokens']).toBeUndefined();
    expect(span?.attributes['gen_ai.response.finish_reasons']).toEqual(['stop']);
  });

  it('copes with withResponse usage for streams', async () => {
    const { data, response } = await h.client.chat.completions.create(streamed).withResponse();
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    await collect(data);
    expect((await h.spans())[0]?.attributes['gen_ai.usage.output_tokens']).toBe(6);
  });

  it('supports the chat.completions.stream() helper with one span', async () => {
    const runner = h.client.chat.completions.stream({ model: 'gpt-4o-mini', messages: userMessage });
    const final = await runner.finalChatCompletion();
    expect(final.choices[0]?.message.content).toBe('Hello from the fake OpenAI server.');
    const spans = await h.spans();
    expect(spans).toHaveLength(1);
    expect(spans[0]?.attributes['gen_ai.usage.output_tokens']).toBe(6);
  });
});
