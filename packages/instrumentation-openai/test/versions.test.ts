// openai 4.x and 5.x through the `openai-v4` / `openai-v5` aliases, patched with the manual
// `instrument()` path (module hooks match the package name `openai`, not an alias), in-process so
// that faults can be scripted per call. module-hooks-majors.test.ts covers the module hooks with
// the same majors installed under their own name (test/openai-majors).
import { SpanStatusCode } from '@opentelemetry/api';
import OpenAIv4 from 'openai-v4';
import OpenAIv5 from 'openai-v5';
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, json, setup, userMessage } from './helpers.js';

const majors = [
  ['4.x', OpenAIv4],
  ['5.x', OpenAIv5],
] as const;

describe.each(majors)('openai %s', (_major, Client) => {
  let h: Harness<any>;
  afterEach(() => h.close());

  it('records chat, streamed chat, Responses and embeddings calls', async () => {
    h = await setup({}, Client as any);
    const chat = await h.client.chat.completions.create({ model: 'gpt-4o', messages: userMessage });
    expect(chat.choices[0].message.content).toBe('Hello from the fake OpenAI server.');
    const [left, right] = (
      await h.client.chat.completions.create({ model: 'gpt-4o', messages: userMessage, stream: true })
    ).tee();
    let chunks = 0;
    for await (const c of left) {
      expect(c.choices.length).toBeGreaterThan(0);
      chunks++;
    }
    for await (const _ of right);
    expect(chunks).toBe(8);
    const response = await h.client.responses.create({ model: 'gpt-4.1', input: 'hi' });
    expect(response.output_text).toBe('Hello from the fake OpenAI server.');
    const embeddings = await h.client.embeddings.create({ model: 'text-embedding-3-small', input: 'a' });
    expect(embeddings.data[0].embedding[0]).toBeCloseTo(0.5);
    const spans = await h.spans(4);
    expect(spans.map((s) => [s.name, s.attributes['gen_ai.usage.input_tokens']])).toEqual([
      ['chat gpt-4o', 12],
      ['chat gpt-4o', 12],
      ['chat gpt-4.1', 12],
      ['embeddings text-embedding-3-small', 4],
    ]);
    expect(spans[1]?.events.map((e) => e.name)).toEqual(['gen_ai.first_token']);
    expect(json(spans[1]!, 'gen_ai.output.messages')[0].parts[0].content).toBe(
      'Hello from the fake OpenAI server.',
    );
  });

  it('preserves withResponse and records HTTP errors', async () => {
    h = await setup({}, Client as any);
    const { data, response } = await h.client.chat.completions
      .create({ model: 'gpt-4o', messages: userMessage })
      .withResponse();
    expect(data.id).toBe('chatcmpl-1');
    expect(response.status).toBe(200);
    h.fake.setNext({ status: 500 });
    await expect(
      h.client.chat.completions.create({ model: 'gpt-4o', messages: userMessage }),
    ).rejects.toThrow();
    const spans = await h.spans(2);
    expect(spans[1]?.status.code).toBe(SpanStatusCode.ERROR);
    expect(spans[1]?.attributes['error.type']).toBe('server');
  });
});
