import type OpenAI from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, setup } from './helpers.js';

describe('embeddings.create', () => {
  let h: Harness<OpenAI>;
  beforeEach(async () => {
    h = await setup();
  });
  afterEach(() => h.close());

  it("records the SDK's default base64 call and still hands the app decoded floats", async () => {
    const result = await h.client.embeddings.create({ model: 'text-embedding-3-small', input: ['a', 'b'] });
    expect(h.fake.requests[0]?.body.encoding_format).toBe('base64');
    expect(result.data[1]?.embedding[0]).toBeCloseTo(1);
    expect(result.data[0]?.embedding).toHaveLength(8);
    const [span] = await h.spans();
    expect(span?.name).toBe('embeddings text-embedding-3-small');
    expect(span?.attributes).toMatchObject({
      'gen_ai.operation.name': 'embeddings',
      'gen_ai.response.model': 'text-embedding-3-small-2024-01-01',
      'gen_ai.usage.input_tokens': 8,
    });
    expect(span?.attributes['gen_ai.usage.output_tokens']).toBeUndefined();
    expect(span?.attributes['gen_ai.input.messages']).toBeUndefined();
  });

  it('records an explicit float format and the dimension count', async () => {
    const result = await h.client.embeddings.create({
      model: 'text-embedding-3-small',
      input: 'a',
      encoding_format: 'float',
      dimensions: 4,
    });
    expect(result.data[0]?.embedding).toEqual([0.5, 1 / 3, 0.25, 0.2].map((v) => expect.closeTo(v, 5)));
    const [span] = await h.spans();
    expect(span?.attributes).toMatchObject({
      'gen_ai.request.encoding_formats': ['float'],
      'gen_ai.embeddings.dimension.count': 4,
    });
  });
});
