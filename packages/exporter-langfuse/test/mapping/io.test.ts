import { mapSpan } from '@spanfuse/exporter-langfuse';
import { describe, expect, it } from 'vitest';
import { createTracing, type SpanSpec } from './spans.js';

const { record } = createTracing();
const io = (spec: SpanSpec) => {
  const o = mapSpan(record(spec));
  return { input: o.input, output: o.output };
};
const json = (text: string | undefined) => JSON.parse(text ?? 'null');

const userHi = JSON.stringify([{ role: 'user', parts: [{ type: 'text', content: 'Hi' }] }]);
const assistantHello = JSON.stringify([
  { role: 'assistant', parts: [{ type: 'text', content: 'Hello' }], finish_reason: 'stop' },
]);

describe('input and output', () => {
  it('passes GenAI semconv message JSON through unchanged', () => {
    const r = io({
      attributes: {
        'gen_ai.operation.name': 'chat',
        'gen_ai.input.messages': userHi,
        'gen_ai.output.messages': assistantHello,
      },
    });
    expect(r).toEqual({ input: userHi, output: assistantHello });
  });

  it('puts gen_ai.system_instructions first as a system message', () => {
    const r = io({
      attributes: {
        'gen_ai.input.messages': userHi,
        'gen_ai.system_instructions': JSON.stringify([{ type: 'text', content: 'Be brief.' }]),
      },
    });
    expect(json(r.input)).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', parts: [{ type: 'text', content: 'Hi' }] },
    ]);
  });

  it('does not add a second system message', () => {
    const messages = JSON.stringify([{ role: 'system', content: 'x' }]);
    const r = io({ attributes: { 'gen_ai.input.messages': messages, 'gen_ai.system_instructions': 'y' } });
    expect(r.input).toBe(messages);
  });

  it('rebuilds flattened gen_ai.prompt.N / gen_ai.completion.N messages with tool calls', () => {
    const r = io({
      scope: '@traceloop/instrumentation-openai',
      attributes: {
        'llm.request.type': 'chat',
        'gen_ai.prompt.0.role': 'system',
        'gen_ai.prompt.0.content': 'You are terse.',
        'gen_ai.prompt.1.role': 'user',
        'gen_ai.prompt.1.content': 'Weather in Paris?',
        'gen_ai.completion.0.role': 'assistant',
        'gen_ai.completion.0.finish_reason': 'tool_calls',
        'gen_ai.completion.0.tool_calls.0.id': 'call_1',
        'gen_ai.completion.0.tool_calls.0.name': 'get_weather',
        'gen_ai.completion.0.tool_calls.0.arguments': '{"city":"Paris"}',
      },
    });
    expect(json(r.input)).toEqual([
      { role: 'system', content: 'You are terse.' },
      { role: 'user', content: 'Weather in Paris?' },
    ]);
    expect(json(r.output)).toEqual([
      {
        role: 'assistant',
        finish_reason: 'tool_calls',
        tool_calls: [{ id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' }],
      },
    ]);
  });

  it('bounds absurd indexes in flattened messages', () => {
    const r = io({ attributes: { 'gen_ai.prompt.0.content': 'a', 'gen_ai.prompt.99999999.content': 'b' } });
    expect(json(r.input)).toEqual([{ content: 'a' }]);
  });

  it('rebuilds OpenInference llm.input_messages without the message wrapper', () => {
    const r = io({
      scope: '@arizeai/openinference-instrumentation-openai',
      attributes: {
        'openinference.span.kind': 'LLM',
        'llm.input_messages.0.message.role': 'user',
        'llm.input_messages.0.message.content': 'Hi',
        'llm.output_messages.0.message.role': 'assistant',
        'llm.output_messages.0.message.content': 'Hello',
      },
    });
    expect(json(r.input)).toEqual([{ role: 'user', content: 'Hi' }]);
    expect(json(r.output)).toEqual([{ role: 'assistant', content: 'Hello' }]);
  });

  it('prefers OpenInference input.value/output.value over its flattened messages', () => {
    const value = JSON.stringify({ messages: [{ role: 'user', content: 'Hi' }], model: 'gpt-4o' });
    const r = io({
      attributes: {
        'openinference.span.kind': 'LLM',
        'input.value': value,
        'input.mime_type': 'application/json',
        'output.value': 'Hello',
        'llm.input_messages.0.message.role': 'user',
      },
    });
    expect(r).toEqual({ input: value, output: 'Hello' });
  });

  it('prefers traceloop.entity.* over input.value', () => {
    const r = io({
      attributes: {
        'traceloop.span.kind': 'workflow',
        'traceloop.entity.input': '{"inputs":{"q":"x"}}',
        'traceloop.entity.output': '{"outputs":"y"}',
        'input.value': 'other',
      },
    });
    expect(r).toEqual({ input: '{"inputs":{"q":"x"}}', output: '{"outputs":"y"}' });
  });

  it('maps Vercel AI prompt messages and response text', () => {
    const messages = JSON.stringify([{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }]);
    const r = io({
      scope: 'ai',
      name: 'ai.generateText.doGenerate',
      attributes: {
        'ai.operationId': 'ai.generateText.doGenerate',
        'ai.model.id': 'gpt-4o-mini',
        'ai.prompt.messages': messages,
        'ai.response.text': 'Hello!',
        'gen_ai.input.messages': 'ignored',
      },
    });
    expect(r).toEqual({ input: messages, output: 'Hello!' });
  });

  it('combines Vercel AI response text and tool calls into one assistant message', () => {
    const toolCalls = JSON.stringify([{ toolCallId: 't1', toolName: 'weather', args: '{"city":"Paris"}' }]);
    const r = io({
      scope: 'ai',
      attributes: {
        'ai.operationId': 'ai.generateText.doGenerate',
        'ai.prompt': '{"prompt":"Weather?"}',
        'ai.response.text': '',
        'ai.response.toolCalls': toolCalls,
      },
    });
    expect(r.input).toBe('{"prompt":"Weather?"}');
    expect(json(r.output)).toEqual({ role: 'assistant', content: '', tool_calls: JSON.parse(toolCalls) });
  });

  it('maps Vercel AI generateObject output', () => {
    const r = io({
      scope: 'ai',
      attributes: {
        'ai.operationId': 'ai.generateObject',
        'ai.prompt': 'p',
        'ai.response.object': '{"a":1}',
      },
    });
    expect(r).toEqual({ input: 'p', output: '{"a":1}' });
  });

  it('reads the semconv 1.37 gen_ai.client.inference.operation.details event', () => {
    const r = io({
      attributes: { 'gen_ai.operation.name': 'chat' },
      events: [
        {
          name: 'gen_ai.client.inference.operation.details',
          attributes: { 'gen_ai.input.messages': userHi, 'gen_ai.output.messages': assistantHello },
        },
      ],
    });
    expect(r).toEqual({ input: userHi, output: assistantHello });
  });

  it('reads the older gen_ai.*.message and gen_ai.choice events', () => {
    const r = io({
      attributes: { 'gen_ai.operation.name': 'chat' },
      events: [
        { name: 'gen_ai.system.message', attributes: { content: 'Be brief.' } },
        { name: 'gen_ai.user.message', attributes: { content: 'Hi' } },
        {
          name: 'gen_ai.choice',
          attributes: { index: 0, finish_reason: 'stop', 'message.content': 'Hello' },
        },
      ],
    });
    expect(json(r.input)).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Hi' },
    ]);
    expect(json(r.output)).toEqual({ index: 0, finish_reason: 'stop', 'message.content': 'Hello' });
  });

  it('lets langfuse.observation.input/output win over every convention', () => {
    const r = io({
      attributes: {
        'langfuse.observation.input': '{"q":1}',
        'langfuse.observation.output': 'done',
        'gen_ai.input.messages': userHi,
        'input.value': 'x',
      },
      events: [{ name: 'gen_ai.user.message', attributes: { content: 'Hi' } }],
    });
    expect(r).toEqual({ input: '{"q":1}', output: 'done' });
  });

  it('prefers flattened messages over gen_ai.input.messages, as the server does', () => {
    const r = io({ attributes: { 'gen_ai.prompt.0.content': 'flat', 'gen_ai.input.messages': userHi } });
    expect(json(r.input)).toEqual([{ content: 'flat' }]);
  });

  it('falls back to tool call arguments and result', () => {
    const r = io({
      attributes: {
        'gen_ai.operation.name': 'execute_tool',
        'gen_ai.tool.name': 'get_weather',
        'gen_ai.tool.call.arguments': '{"city":"Paris"}',
        'gen_ai.tool.call.result': '{"temp":21}',
      },
    });
    expect(r).toEqual({ input: '{"city":"Paris"}', output: '{"temp":21}' });
  });

  it('leaves input and output empty for spans without any', () => {
    expect(io({ attributes: { 'http.request.method': 'GET' } })).toEqual({
      input: undefined,
      output: undefined,
    });
  });
});
