import OpenAI, { AzureOpenAI } from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, setup, userMessage } from './helpers.js';

/** A fetch that sends requests for `from` to the fake instead (no DNS, no network). */
function redirect(from: string, to: string): typeof fetch {
  return (input, init) => fetch(String(input).replace(from, to), init);
}

describe('provider detection', () => {
  let h: Harness<OpenAI>;
  beforeEach(async () => {
    h = await setup();
  });
  afterEach(() => h.close());

  it('names an unknown OpenAI-compatible server "openai", as semconv asks', async () => {
    await h.client.chat.completions.create({ model: 'gpt-4o', messages: userMessage });
    expect((await h.spans())[0]?.attributes['gen_ai.provider.name']).toBe('openai');
  });

  it('detects OpenRouter from its host and reads the cost it reports in usage.cost', async () => {
    const client = new OpenAI({
      baseURL: 'https://openrouter.ai/api/v1',
      apiKey: 'sk-or',
      fetch: redirect('https://openrouter.ai/api/v1', h.fake.url),
    });
    h.fake.setNext({ usageCost: 0.00123 });
    await client.chat.completions.create({ model: 'openai/gpt-4o', messages: userMessage });
    const [span] = await h.spans();
    expect(span?.attributes).toMatchObject({
      'gen_ai.provider.name': 'openrouter',
      'server.address': 'openrouter.ai',
      'server.port': 443,
      'gen_ai.usage.cost': 0.00123,
    });
  });

  it('detects Azure OpenAI from its host', async () => {
    const endpoint = 'https://my-resource.openai.azure.com';
    const client = new AzureOpenAI({
      endpoint,
      apiKey: 'azure-key',
      apiVersion: '2024-10-21',
      deployment: 'gpt-4o',
      fetch: redirect(endpoint, new URL(h.fake.url).origin),
    });
    await client.chat.completions.create({ model: 'gpt-4o', messages: userMessage });
    const [span] = await h.spans();
    expect(h.fake.requests[0]?.path).toBe('/openai/deployments/gpt-4o/chat/completions');
    expect(span?.attributes['gen_ai.provider.name']).toBe('azure.ai.openai');
  });

  it('detects a LiteLLM proxy from its headers and reads x-litellm-response-cost', async () => {
    h.fake.setNext({ headers: { 'x-litellm-response-cost': '0.00042', 'x-litellm-call-id': 'abc' } });
    await h.client.chat.completions.create({ model: 'gpt-4o', messages: userMessage });
    const [span] = await h.spans();
    expect(span?.attributes).toMatchObject({
      'gen_ai.provider.name': 'litellm',
      'gen_ai.usage.cost': 0.00042,
    });
  });

  it('uses providerName from the config when given', async () => {
    await h.close();
    h = await setup({ providerName: 'litellm' });
    await h.client.embeddings.create({ model: 'e', input: 'a' });
    expect((await h.spans())[0]?.attributes['gen_ai.provider.name']).toBe('litellm');
  });
});
