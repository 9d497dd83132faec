import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type OpenAI from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, json, setup, userMessage } from './helpers.js';

describe('chat.completions.create', () => {
  let h: Harness<OpenAI>;
  beforeEach(async () => {
    h = await setup();
  });
  afterEach(() => h.close());

  it('records a chat call as one CLIENT span named "{operation} {model}" with GenAI attributes', async () => {
    const result = await h.client.chat.completions.create({ model: 'gpt-4o-mini', messages: userMessage });
    expect(result.choices[0]?.message.content).toBe('Hello from the fake OpenAI server.');
    const [span, ...rest] = await h.spans();
    expect(rest).toHaveLength(0);
    expect(span?.name).toBe('chat gpt-4o-mini');
    expect(span?.kind).toBe(SpanKind.CLIENT);
    expect(span?.status.code).toBe(SpanStatusCode.UNSET);
    const port = Number(new URL(h.fake.url).port);
    expect(span?.attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.system': 'openai',
      'gen_ai.request.model': 'gpt-4o-mini',
      'gen_ai.response.model': 'gpt-4o-mini-2024-01-01',
      'gen_ai.response.id': 'chatcmpl-1',
      'gen_ai.response.finish_reasons': ['stop'],
      'gen_ai.usage.input_tokens': 12,
      'gen_ai.usage.output_tokens': 6,
      'server.address': '127.0.0.1',
      'server.port': port,
    });
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
    expect(Object.keys(span!.attributes).some((k) => k.startsWith('langfuse.'))).toBe(false);
  });

  it('records the request parameters', async () => {
    await h.client.chat.completions.create({
      model: 'o4-mini',
      messages: userMessage,
      temperature: 0.2,
      top_p: 0.9,
      max_completion_tokens: 100,
      seed: 42,
      frequency_penalty: 0.1,
      presence_penalty: 0.3,
      stop: 'END',
      n: 2,
      reasoning_effort: 'low',
      service_tier: 'default',
      response_format: { type: 'json_object' },
    });
    const [span] = await h.spans();
    expect(span?.attributes).toMatchObject({
      'gen_ai.request.temperature': 0.2,
      'gen_ai.request.top_p': 0.9,
      'gen_ai.request.max_tokens': 100,
      'gen_ai.request.seed': 42,
      'gen_ai.request.frequency_penalty': 0.1,
      'gen_ai.request.presence_penalty': 0.3,
      'gen_ai.request.stop_sequences': ['END'],
      'gen_ai.request.choice.count': 2,
      'gen_ai.request.reasoning_effort': 'low',
      'gen_ai.openai.request.service_tier': 'default',
      'gen_ai.output.type': 'json',
    });
  });

  it('records tool definitions and the tool calls the model made', async () => {
    h.fake.setNext({ toolCalls: [{ name: 'get_weather', arguments: '{"city":"Paris"}' }] });
    const tools = [
      {
        type: 'function' as const,
        function: { name: 'get_weather', description: 'Weather now', parameters: { type: 'object' } },
      },
    ];
    await h.client.chat.completions.create({ model: 'gpt-4o', messages: userMessage, tools });
    const [span] = await h.spans();
    expect(json(span!, 'gen_ai.tool.definitions')).toEqual([
      { type: 'function', name: 'get_weather', description: 'Weather now', parameters: { type: 'object' } },
    ]);
    expect(span?.attributes['gen_ai.response.finish_reasons']).toEqual(['tool_calls']);
    expect(json(span!, 'gen_ai.output.messages')[0].parts).toEqual([
      { type: 'tool_call', id: 'call_1_0', name: 'get_weather', arguments: '{"city":"Paris"}' },
    ]);
  });

  it('keeps system messages, earlier tool calls and tool results in the input messages', async () => {
    await h.client.chat.completions.create({
      model: 'gpt-4o',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: [{ type: 'text', text: 'Weather?' }] },
        {
          role: 'assistant',
          content: null,
          tool_calls: [{ id: 'c1', type: 'function', function: { name: 'w', arguments: '{}' } }],
        },
        { role: 'tool', tool_call_id: 'c1', content: 'sunny' },
      ],
    });
    const [span] = await h.spans();
    expect(json(span!, 'gen_ai.input.messages')).toEqual([
      { role: 'system', parts: [{ type: 'text', content: 'Be brief.' }] },
      { role: 'user', parts: [{ type: 'text', content: 'Weather?' }] },
      { role: 'assistant', parts: [{ type: 'tool_call', id: 'c1', name: 'w', arguments: '{}' }] },
      { role: 'tool', parts: [{ type: 'tool_call_response', id: 'c1', response: 'sunny' }] },
    ]);
  });

  it('counts cached tokens inside the input tokens and reports cached and reasoning tokens', async () => {
    h.fake.setNext({ cachedTokens: 8, reasoningTokens: 3 });
    await h.client.chat.completions.create({ model: 'o4-mini', messages: userMessage });
    const [span] = await h.spans();
    expect(span?.attributes).toMatchObject({
      'gen_ai.usage.input_tokens': 12,
      'gen_ai.usage.cache_read.input_tokens': 8,
      'gen_ai.usage.reasoning.output_tokens': 3,
    });
  });

  it('parses structured outputs without consuming the response twice', async () => {
    h.fake.setNext({ content: '{"greeting":"hi"}' });
    const result = await h.client.chat.completions.parse({
      model: 'gpt-4o',
      messages: userMessage,
      response_format: {
        type: 'json_schema',
        json_schema: {
          name: 'g',
          strict: true,
          schema: { type: 'object', properties: { greeting: { type: 'string' } } },
        },
      },
    });
    expect(result.choices[0]?.message.parsed).toEqual({ greeting: 'hi' });
    const spans = await h.spans();
    expect(spans).toHaveLength(1);
    expect(spans[0]?.attributes['gen_ai.output.type']).toBe('json');
  });

  it('supports non-streaming runTools: one span per model call', async () => {
    h.fake.setNext({ toolCalls: [{ name: 'add', arguments: '{"a":1,"b":2}' }] });
    const runner = h.client.chat.completions.runTools({
      model: 'gpt-4o',
      messages: userMessage,
      tools: [
        {
          type: 'function',
          function: {
            name: 'add',
            description: 'Adds two numbers',
            parameters: { type: 'object', properties: { a: { type: 'number' }, b: { type: 'number' } } },
            function: (args: { a: number; b: number }) => String(args.a + args.b),
            parse: JSON.parse,
          },
        },
      ],
    });
    expect(await runner.finalContent()).toBe('Hello from the fake OpenAI server.');
    const spans = await h.spans(2);
    expect(spans.map((s) => s.attributes['gen_ai.response.finish_reasons'])).toEqual([
      ['tool_calls'],
      ['stop'],
    ]);
    expect(json(spans[1]!, 'gen_ai.input.messages').at(-1)).toEqual({
      role: 'tool',
      parts: [{ type: 'tool_call_response', id: 'call_1_0', response: '3' }],
    });
  });

  it('parents the span to the active context', async () => {
    const { trace, context } = await import('@opentelemetry/api');
    const parent = h.tracerProvider.getTracer('test').startSpan('parent');
    await context.with(trace.setSpan(context.active(), parent), () =>
      h.client.chat.completions.create({ model: 'gpt-4o', messages: userMessage }),
    );
    parent.end();
    const spans = await h.spans(2);
    const child = spans.find((s) => s.name === 'chat gpt-4o');
    expect(child?.parentSpanContext?.spanId).toBe(parent.spanContext().spanId);
  });
});
