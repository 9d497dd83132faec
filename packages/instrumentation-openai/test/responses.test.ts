import type OpenAI from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, json, setup } from './helpers.js';

describe('responses.create', () => {
  let h: Harness<OpenAI>;
  beforeEach(async () => {
    h = await setup();
  });
  afterEach(() => h.close());

  it('records a Responses call as a chat span with instructions, input and output', async () => {
    const response = await h.client.responses.create({
      model: 'gpt-4.1',
      instructions: 'Be brief.',
      input: 'Say hello',
      max_output_tokens: 50,
      temperature: 0.5,
      reasoning: { effort: 'medium' },
      text: { format: { type: 'json_object' } },
      conversation: 'conv_123',
    });
    expect(response.output_text).toBe('Hello from the fake OpenAI server.');
    const [span] = await h.spans();
    expect(span?.name).toBe('chat gpt-4.1');
    expect(span?.attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.request.max_tokens': 50,
      'gen_ai.request.temperature': 0.5,
      'gen_ai.request.reasoning_effort': 'medium',
      'gen_ai.output.type': 'json',
      'gen_ai.conversation.id': 'conv_123',
      'gen_ai.response.id': 'resp_1',
      'gen_ai.response.finish_reasons': ['stop'],
      'gen_ai.usage.input_tokens': 12,
      'gen_ai.usage.output_tokens': 6,
    });
    expect(json(span!, 'gen_ai.system_instructions')).toEqual([{ type: 'text', content: 'Be brief.' }]);
    expect(json(span!, 'gen_ai.input.messages')).toEqual([
      { role: 'user', parts: [{ type: 'text', content: 'Say hello' }] },
    ]);
    expect(json(span!, 'gen_ai.output.messages')).toEqual([
      {
        role: 'assistant',
        parts: [{ type: 'text', content: 'Hello from the fake OpenAI server.' }],
        finish_reason: 'stop',
      },
    ]);
  });

  it('records function calls and function results', async () => {
    h.fake.setNext({
      toolCalls: [{ name: 'lookup', arguments: '{"q":"x"}' }],
      cachedTokens: 4,
      reasoningTokens: 2,
    });
    await h.client.responses.create({
      model: 'gpt-4.1',
      input: [
        { role: 'user', content: 'Find x' },
        { type: 'function_call', call_id: 'c0', name: 'lookup', arguments: '{}' },
        { type: 'function_call_output', call_id: 'c0', output: 'nothing' },
      ],
      tools: [{ type: 'function', name: 'lookup', parameters: { type: 'object' }, strict: false }],
    });
    const [span] = await h.spans();
    expect(span?.attributes).toMatchObject({
      'gen_ai.response.finish_reasons': ['tool_calls'],
      'gen_ai.usage.cache_read.input_tokens': 4,
      'gen_ai.usage.reasoning.output_tokens': 2,
    });
    expect(json(span!, 'gen_ai.tool.definitions')).toEqual([
      { type: 'function', name: 'lookup', parameters: { type: 'object' } },
    ]);
    expect(json(span!, 'gen_ai.input.messages').slice(1)).toEqual([
      { role: 'assistant', parts: [{ type: 'tool_call', id: 'c0', name: 'lookup', arguments: '{}' }] },
      { role: 'tool', parts: [{ type: 'tool_call_response', id: 'c0', response: 'nothing' }] },
    ]);
    expect(json(span!, 'gen_ai.output.messages')[0].parts).toEqual([
      { type: 'tool_call', id: 'call_1_0', name: 'lookup', arguments: '{"q":"x"}' },
    ]);
  });

  it('reads a streamed response from its response.completed event', async () => {
    const stream = await h.client.responses.create({ model: 'gpt-4.1', input: 'Say hello', stream: true });
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    expect(types[0]).toBe('response.created');
    expect(types.at(-1)).toBe('response.completed');
    expect(h.fake.requests[0]?.body.stream_options).toBeUndefined();
    const [span] = await h.spans();
    expect(span?.attributes).toMatchObject({
      'gen_ai.response.id': 'resp_1',
      'gen_ai.usage.input_tokens': 12,
      'gen_ai.usage.output_tokens': 6,
    });
    expect(span?.events.map((e) => e.name)).toEqual(['gen_ai.first_token']);
    expect(json(span!, 'gen_ai.output.messages')[0].parts[0].content).toBe(
      'Hello from the fake OpenAI server.',
    );
  });

  it('supports the responses.stream() helper', async () => {
    const stream = h.client.responses.stream({ model: 'gpt-4.1', input: 'Say hello' });
    const final = await stream.finalResponse();
    expect(final.output_text).toBe('Hello from the fake OpenAI server.');
    const spans = await h.spans();
    expect(spans).toHaveLength(1);
    expect(spans[0]?.attributes['gen_ai.usage.output_tokens']).toBe(6);
  });
});
