import type OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, setup, userMessage } from './helpers.js';

const priceTable = { 'gpt-4o-mini': { input: 0.15, cached: 0.075, output: 0.6 } };

describe('cost', () => {
  let h: Harness<OpenAI>;
  afterEach(() => h.close());

  it('computes gen_ai.usage.cost from the price table, cached tokens at their own price', async () => {
    h = await setup({ priceTable });
    h.fake.setNext({ cachedTokens: 4 });
    await h.client.chat.completions.create({ model: 'gpt-4o-mini', messages: userMessage });
    const [span] = await h.spans();
    // 8 uncached × 0.15 + 4 cached × 0.075 + 6 output × 0.6, per million tokens
    expect(span?.attributes['gen_ai.usage.cost']).toBeCloseTo((8 * 0.15 + 4 * 0.075 + 6 * 0.6) / 1e6, 15);
  });

  it('prefers the cost the provider reported over the price table', async () => {
    h = await setup({ priceTable });
    h.fake.setNext({ headers: { 'x-litellm-response-cost': '0.5' } });
    await h.client.chat.completions.create({ model: 'gpt-4o-mini', messages: userMessage });
    expect((await h.spans())[0]?.attributes['gen_ai.usage.cost']).toBe(0.5);
  });

  it('records no cost for a model missing from the table', async () => {
    h = await setup({ priceTable });
    await h.client.chat.completions.create({ model: 'gpt-4o', messages: userMessage });
    expect((await h.spans())[0]?.attributes['gen_ai.usage.cost']).toBeUndefined();
  });
});
