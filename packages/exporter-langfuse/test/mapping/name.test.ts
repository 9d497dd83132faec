import { mapSpan } from '@spanfuse/exporter-langfuse';
import { describe, expect, it } from 'vitest';
import { createTracing } from './spans.js';

const { record } = createTracing();

describe('observation name', () => {
  it('names semconv tool spans after the tool', () => {
    const o = mapSpan(
      record({
        name: 'execute_tool get_weather',
        attributes: { 'gen_ai.operation.name': 'execute_tool', 'gen_ai.tool.name': 'get_weather' },
      }),
    );
    expect(o.name).toBe('get_weather');
  });

  it('names Vercel AI spans after the function id and operation, tool calls after the tool', () => {
    expect(
      mapSpan(
        record({
          scope: 'ai',
          name: 'ai.generateText',
          attributes: { 'ai.operationId': 'ai.generateText', 'ai.telemetry.functionId': 'summarize' },
        }),
      ).name,
    ).toBe('summarize:ai.generateText');
    expect(
      mapSpan(record({ scope: 'ai', attributes: { 'ai.operationId': 'ai.streamText.doStream' } })).name,
    ).toBe('ai.streamText.doStream');
    expect(
      mapSpan(
        record({
          scope: 'ai',
          attributes: { 'ai.operationId': 'ai.toolCall', 'ai.toolCall.name': 'search' },
        }),
      ).name,
    ).toBe('search');
  });

  it('keeps the span name otherwise', () => {
    expect(
      mapSpan(record({ name: 'chat gpt-4o', attributes: { 'gen_ai.operation.name': 'chat' } })).name,
    ).toBe('chat gpt-4o');
  });
});
