import { mapSpan } from '@spanfuse/exporter-langfuse';
import { describe, expect, it } from 'vitest';
import { createTracing } from './spans.js';

const { record } = createTracing();
const costOf = (attributes: Record<string, string | number>) => mapSpan(record({ attributes })).costDetails;

describe('cost', () => {
  it('reads gen_ai.usage.cost as the total', () => {
    expect(costOf({ 'gen_ai.operation.name': 'chat', 'gen_ai.usage.cost': 0.0042 })).toEqual({
      total: 0.0042,
    });
  });

  it('reads OpenInference llm.cost.total, prompt and completion', () => {
    expect(costOf({ 'llm.cost.total': 0.3, 'llm.cost.prompt': 0.1, 'llm.cost.completion': 0.2 })).toEqual({
      input: 0.1,
      output: 0.2,
      total: 0.3,
    });
  });

  it('reads spanfuse.cost.* before the conventions', () => {
    expect(
      costOf({ 'spanfuse.cost.input': 0.01, 'spanfuse.cost.total': 0.03, 'gen_ai.usage.cost': 9 }),
    ).toEqual({
      input: 0.01,
      total: 0.03,
    });
  });

  it('lets langfuse.observation.cost_details win', () => {
    expect(
      costOf({
        'langfuse.observation.cost_details': JSON.stringify({ input: 1, output: 2, total: 3 }),
        'gen_ai.usage.cost': 9,
        'llm.cost.total': 8,
      }),
    ).toEqual({ input: 1, output: 2, total: 3 });
  });

  it('reports no cost when none is given (the server prices usage itself)', () => {
    expect(costOf({ 'gen_ai.usage.input_tokens': 10 })).toBeUndefined();
    expect(costOf({ 'gen_ai.usage.cost': 'free' })).toBeUndefined();
  });
});
