import type { ResourceMetrics } from '@opentelemetry/sdk-metrics';
import { OpenAIInstrumentation } from '@spanfuse/instrumentation-openai';
import { startFakeOpenAI } from '@spanfuse/test-fakes';
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, setup, userMessage } from './helpers.js';

function points(metrics: ResourceMetrics, name: string) {
  const metric = metrics.scopeMetrics.flatMap((s) => s.metrics).find((m) => m.descriptor.name === name);
  return (metric?.dataPoints ?? []) as any[];
}

describe('metrics', () => {
  let h: Harness<OpenAI> | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('records gen_ai.client.token.usage and gen_ai.client.operation.duration', async () => {
    h = await setup();
    await h.client.chat.completions.create({ model: 'gpt-4o-mini', messages: userMessage });
    h.fake.setNext({ status: 500 });
    await h.client.chat.completions
      .create({ model: 'gpt-4o-mini', messages: userMessage })
      .catch(() => undefined);
    const { resourceMetrics } = await h.reader.collect();
    const usage = points(resourceMetrics, 'gen_ai.client.token.usage');
    expect(usage.map((p) => [p.attributes['gen_ai.token.type'], p.value.sum])).toEqual([
      ['input', 12],
      ['output', 6],
    ]);
    expect(usage[0].attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'gpt-4o-mini',
      'gen_ai.response.model': 'gpt-4o-mini-2024-01-01',
      'server.address': '127.0.0.1',
    });
    const duration = points(resourceMetrics, 'gen_ai.client.operation.duration');
    expect(duration).toHaveLength(2);
    expect(duration.map((p) => p.attributes['error.type'])).toEqual([undefined, 'server']);
  });

  it('does not crash without a MeterProvider, streaming included', async () => {
    const fake = await startFakeOpenAI();
    const instrumentation = new OpenAIInstrumentation();
    instrumentation.instrument(OpenAI);
    try {
      const client = new OpenAI({ baseURL: fake.url, apiKey: 'k' });
      const stream = await client.chat.completions.create({
        model: 'm',
        messages: userMessage,
        stream: true,
      });
      let n = 0;
      for await (const _ of stream) n++;
      expect(n).toBeGreaterThan(0);
      expect((await client.embeddings.create({ model: 'e', input: 'a' })).data).toHaveLength(1);
    } finally {
      instrumentation.uninstrument(OpenAI);
      instrumentation.disable();
      await fake.close();
    }
  });
});
