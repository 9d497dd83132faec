import { mapSpan } from '@spanfuse/exporter-langfuse';
import { describe, expect, it } from 'vitest';
import { createTracing } from './spans.js';

const { record } = createTracing();
const paramsOf = (attributes: Record<string, string | number | boolean | string[]>, scope?: string) =>
  mapSpan(record({ attributes, scope })).modelParameters;

describe('model parameters', () => {
  it('reads every gen_ai.request.* parameter except the model', () => {
    expect(
      paramsOf({
        'gen_ai.operation.name': 'chat',
        'gen_ai.request.model': 'gpt-4o',
        'gen_ai.request.temperature': 0.2,
        'gen_ai.request.top_p': 0.9,
        'gen_ai.request.max_tokens': 256,
        'gen_ai.request.max_completion_tokens': 512,
        'gen_ai.request.seed': 7,
        'gen_ai.request.frequency_penalty': 0.1,
        'gen_ai.request.presence_penalty': 0.3,
        'gen_ai.request.stop_sequences': ['\n\n', 'END'],
        'gen_ai.request.reasoning_effort': 'low',
      }),
    ).toEqual({
      temperature: 0.2,
      top_p: 0.9,
      max_tokens: 256,
      max_completion_tokens: 512,
      seed: 7,
      frequency_penalty: 0.1,
      presence_penalty: 0.3,
      stop_sequences: '["\\n\\n","END"]',
      reasoning_effort: 'low',
    });
  });

  it('reads OpenInference llm.invocation_parameters JSON', () => {
    expect(
      paramsOf({
        'openinference.span.kind': 'LLM',
        'llm.invocation_parameters': JSON.stringify({ model: 'gpt-4o', temperature: 0, stop: ['x'] }),
      }),
    ).toEqual({ model: 'gpt-4o', temperature: 0, stop: '["x"]' });
  });

  it('merges Vercel ai.settings.* with gen_ai.request.* (semconv wins on a clash)', () => {
    expect(
      paramsOf(
        {
          'ai.operationId': 'ai.generateText.doGenerate',
          'ai.settings.maxRetries': 2,
          'ai.settings.temperature': 1,
          'gen_ai.request.temperature': 0.5,
        },
        'ai',
      ),
    ).toEqual({ maxRetries: 2, temperature: 0.5 });
  });

  it('lets langfuse.observation.model.parameters win', () => {
    expect(
      paramsOf({
        'langfuse.observation.model.parameters': JSON.stringify({ temperature: 1, stream: true }),
        'gen_ai.request.temperature': 0,
      }),
    ).toEqual({ temperature: 1, stream: true });
  });

  it('reports none when the span has no parameters', () => {
    expect(paramsOf({ 'gen_ai.request.model': 'gpt-4o' })).toBeUndefined();
  });
});
