import { mapSpan } from '@spanfuse/exporter-langfuse';
import { describe, expect, it } from 'vitest';
import { createTracing } from './spans.js';

const { record } = createTracing();
const modelOf = (attributes: Record<string, string>) => mapSpan(record({ attributes })).model;

describe('model', () => {
  it('prefers langfuse.observation.model.name over everything', () => {
    expect(
      modelOf({
        'langfuse.observation.model.name': 'my-model',
        'gen_ai.response.model': 'gpt-4o-2024-08-06',
        'gen_ai.request.model': 'gpt-4o',
      }),
    ).toBe('my-model');
  });

  it('prefers the response model (exact snapshot) over the request model', () => {
    expect(
      modelOf({
        'gen_ai.operation.name': 'chat',
        'gen_ai.request.model': 'gpt-4o',
        'gen_ai.response.model': 'gpt-4o-2024-08-06',
      }),
    ).toBe('gpt-4o-2024-08-06');
  });

  it('reads ai.model.id before gen_ai.request.model (Vercel AI)', () => {
    expect(modelOf({ 'ai.model.id': 'gpt-4o-mini', 'gen_ai.request.model': 'x' })).toBe('gpt-4o-mini');
  });

  it('falls back through llm.response.model, llm.model_name and model', () => {
    expect(modelOf({ 'llm.response.model': 'a', 'llm.model_name': 'b', model: 'c' })).toBe('a');
    expect(modelOf({ 'llm.model_name': 'b', model: 'c' })).toBe('b');
    expect(modelOf({ model: 'c' })).toBe('c');
    expect(modelOf({ 'http.route': '/' })).toBeUndefined();
  });

  it('skips model, usage and cost on Vercel invoke_agent spans that repeat their children', () => {
    const o = mapSpan(
      record({
        attributes: {
          'gen_ai.operation.name': 'invoke_agent',
          'gen_ai.request.model': 'gpt-4o',
          'gen_ai.usage.input_tokens': 100,
          'gen_ai.usage.cost': 0.1,
        },
      }),
    );
    expect(o.type).toBe('agent');
    expect(o.model).toBeUndefined();
    expect(o.usageDetails).toBeUndefined();
    expect(o.costDetails).toBeUndefined();
  });
});
