import type OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, json, setup, userMessage } from './helpers.js';

const ENV = 'OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT';
const contentKeys = ['gen_ai.input.messages', 'gen_ai.output.messages', 'gen_ai.system_instructions'];

describe('message content capture', () => {
  let h: Harness<OpenAI>;
  afterEach(async () => {
    delete process.env[ENV];
    await h.close();
  });

  it('is off when OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT=false', async () => {
    process.env[ENV] = 'false';
    h = await setup();
    await h.client.responses.create({
      model: 'gpt-4.1',
      instructions: 'secret system',
      input: 'secret input',
    });
    const stream = await h.client.chat.completions.create({
      model: 'gpt-4o',
      messages: userMessage,
      stream: true,
    });
    for await (const _ of stream);
    const spans = await h.spans(2);
    for (const span of spans) {
      for (const key of contentKeys) expect(span.attributes[key]).toBeUndefined();
      expect(span.attributes['gen_ai.usage.output_tokens']).toBe(6);
    }
    expect(JSON.stringify(spans.map((s) => s.attributes))).not.toContain('secret');
  });

  it('is off with captureMessageContent: false, which wins over the env variable', async () => {
    process.env[ENV] = 'true';
    h = await setup({ captureMessageContent: false });
    await h.client.chat.completions.create({ model: 'gpt-4o', messages: userMessage });
    const [span] = await h.spans();
    for (const key of contentKeys) expect(span?.attributes[key]).toBeUndefined();
  });

  it('truncates long text with a marker and keeps the attribute valid JSON', async () => {
    h = await setup({ maxContentLength: 10 });
    h.fake.setNext({ content: 'x'.repeat(25) });
    await h.client.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'y'.repeat(30) }],
    });
    const [span] = await h.spans();
    expect(json(span!, 'gen_ai.input.messages')[0].parts[0].content).toBe(
      `${'y'.repeat(10)}…[truncated 20 chars]`,
    );
    expect(json(span!, 'gen_ai.output.messages')[0].parts[0].content).toBe(
      `${'x'.repeat(10)}…[truncated 15 chars]`,
    );
  });

  it('truncates streamed text the same way', async () => {
    h = await setup({ maxContentLength: 10 });
    h.fake.setNext({ content: 'abcdefgh '.repeat(5) });
    const stream = await h.client.chat.completions.create({
      model: 'gpt-4o',
      messages: userMessage,
      stream: true,
    });
    for await (const _ of stream);
    const [span] = await h.spans();
    expect(json(span!, 'gen_ai.output.messages')[0].parts[0].content).toMatch(
      /^abcdefgh a…\[truncated \d+ chars\]$/,
    );
  });

  it('does not copy inline image data into the span', async () => {
    h = await setup();
    await h.client.chat.completions.create({
      model: 'gpt-4o',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is this?' },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } },
            { type: 'image_url', image_url: { url: 'https://example.com/cat.png' } },
          ],
        },
      ],
    });
    const [span] = await h.spans();
    expect(json(span!, 'gen_ai.input.messages')[0].parts).toEqual([
      { type: 'text', content: 'What is this?' },
      { type: 'image_url' },
      { type: 'uri', modality: 'image', uri: 'https://example.com/cat.png' },
    ]);
  });
});
