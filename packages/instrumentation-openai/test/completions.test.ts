import type OpenAI from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, json, setup } from './helpers.js';

describe('legacy completions.create', () => {
  let h: Harness<OpenAI>;
  beforeEach(async () => {
    h = await setup();
  });
  afterEach(() => h.close());

  it('records a text_completion span with prompt and text', async () => {
    const result = await h.client.completions.create({
      model: 'gpt-3.5-turbo-instruct',
      prompt: 'Say hello',
      max_tokens: 20,
    });
    expect(result.choices[0]?.text).toBe('Hello from the fake OpenAI server.');
    const [span] = await h.spans();
    expect(span?.name).toBe('text_completion gpt-3.5-turbo-instruct');
    expect(span?.attributes).toMatchObject({
      'gen_ai.operation.name': 'text_completion',
      'gen_ai.request.max_tokens': 20,
      'gen_ai.response.finish_reasons': ['stop'],
      'gen_ai.usage.input_tokens': 12,
      'gen_ai.usage.output_tokens': 6,
    });
    expect(json(span!, 'gen_ai.input.messages')).toEqual([
      { role: 'user', parts: [{ type: 'text', content: 'Say hello' }] },
    ]);
  });

  it('records a streamed completion with injected usage the app never sees', async () => {
    const stream = await h.client.completions.create({
      model: 'gpt-3.5-turbo-instruct',
      prompt: 'Say hello',
      stream: true,
    });
    const chunks = [];
    for await (const c of stream) chunks.push(c);
    expect(chunks.every((c) => c.choices.length === 1 && !('usage' in c))).toBe(true);
    expect(chunks.map((c) => c.choices[0]?.text).join('')).toBe('Hello from the fake OpenAI server.');
    const [span] = await h.spans();
    expect(span?.attributes['gen_ai.usage.output_tokens']).toBe(6);
    expect(json(span!, 'gen_ai.output.messages')[0].parts[0].content).toBe(
      'Hello from the fake OpenAI server.',
    );
    expect(span?.events.map((e) => e.name)).toEqual(['gen_ai.first_token']);
  });
});
