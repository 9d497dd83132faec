// The OpenAI instrumentation and the Langfuse exporter together, in one process: a real `openai`
// client against the fake OpenAI, spans through a real NodeTracerProvider with our
// LangfuseSpanProcessor, asserted on what the fake Langfuse decoded from the OTLP request.
// The instrumentation writes plain GenAI semconv; every langfuse.* attribute below comes from the
// exporter's mapping — this is the contract between the two packages.
import { context } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { LangfuseSpanProcessor } from '@spanfuse/exporter-langfuse';
import { OpenAIInstrumentation } from '@spanfuse/instrumentation-openai';
import {
  type FakeLangfuse,
  type FakeOpenAI,
  type FakeOtlpSpan,
  startFakeLangfuse,
  startFakeOpenAI,
} from '@spanfuse/test-fakes';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());

let langfuse: FakeLangfuse;
let openaiFake: FakeOpenAI;
let processor: LangfuseSpanProcessor;
let tempoCopy: InMemorySpanExporter;
let provider: NodeTracerProvider;
let client: OpenAI;

beforeAll(async () => {
  [langfuse, openaiFake] = await Promise.all([startFakeLangfuse(), startFakeOpenAI()]);
  processor = new LangfuseSpanProcessor({
    baseUrl: langfuse.url,
    publicKey: langfuse.publicKey,
    secretKey: langfuse.secretKey,
    environment: 'test',
  });
  tempoCopy = new InMemorySpanExporter();
  provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(tempoCopy), processor] });
  const instrumentation = new OpenAIInstrumentation();
  instrumentation.setTracerProvider(provider);
  instrumentation.instrument(OpenAI);
  client = new OpenAI({ baseURL: openaiFake.url, apiKey: 'sk-integration', maxRetries: 0 });
});

afterAll(async () => {
  await provider.shutdown();
  await Promise.all([langfuse.close(), openaiFake.close()]);
});

async function delivered(spanName: string): Promise<FakeOtlpSpan> {
  await processor.forceFlush();
  const found = langfuse.otlpSpans.filter((s) => s.name === spanName);
  expect(found).toHaveLength(1);
  return found[0]!;
}

function json(value: unknown): any {
  expect(typeof value).toBe('string');
  return JSON.parse(value as string);
}

describe('OpenAI calls reach Langfuse as generations', () => {
  it('maps a chat completion to a generation with model, usage, parameters and messages', async () => {
    const tracer = provider.getTracer('integration');
    await tracer.startActiveSpan('answer-question', { attributes: { 'user.id': 'u-42' } }, async (root) => {
      await client.chat.completions.create({
        model: 'gpt-4o-mini',
        temperature: 0.2,
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Say hello' },
        ],
      });
      root.end();
    });
    const gen = await delivered('chat gpt-4o-mini');
    const a = gen.attributes;
    expect(a['langfuse.observation.type']).toBe('generation');
    expect(a['langfuse.observation.model.name']).toMatch(/^gpt-4o-mini/);
    expect(json(a['langfuse.observation.model.parameters'])).toMatchObject({ temperature: 0.2 });
    const usage = json(a['langfuse.observation.usage_details']);
    expect(usage.input).toBeGreaterThan(0);
    expect(usage.output).toBeGreaterThan(0);
    expect(String(a['langfuse.observation.input'])).toContain('Say hello');
    expect(String(a['langfuse.observation.input'])).toContain('Be brief.');
    expect(typeof a['langfuse.observation.output']).toBe('string');
    expect(a['user.id']).toBe('u-42');
    expect(a['langfuse.environment']).toBe('test');
    expect(a['langfuse.trace.name']).toBe('answer-question');
    // the root span is the generation's parent in Langfuse as in Tempo
    const root = await delivered('answer-question');
    expect(gen.parentSpanId).toBe(root.spanId);
    expect(gen.traceId).toBe(root.traceId);
    // Tempo's copy of the same span stays plain semconv: no langfuse.* leaked into it
    const tempoGen = tempoCopy.getFinishedSpans().find((s) => s.name === 'chat gpt-4o-mini')!;
    expect(Object.keys(tempoGen.attributes).some((k) => k.startsWith('langfuse.'))).toBe(false);
    expect(tempoGen.attributes['gen_ai.operation.name']).toBe('chat');
  });

  it('gives a streamed completion its completion start time and the usage of the final chunk', async () => {
    const stream = await client.chat.completions.create({
      model: 'gpt-4o',
      stream: true,
      messages: [{ role: 'user', content: 'Stream please' }],
    });
    const seen: unknown[] = [];
    for await (const chunk of stream) seen.push(chunk);
    // the usage chunk the instrumentation asked for is not shown to the app
    expect(seen.every((c: any) => Array.isArray(c.choices) && c.choices.length > 0)).toBe(true);
    const gen = await delivered('chat gpt-4o');
    const a = gen.attributes;
    expect(a['langfuse.observation.type']).toBe('generation');
    const start = Date.parse(String(a['langfuse.observation.completion_start_time']));
    expect(Number.isFinite(start)).toBe(true);
    expect(start * 1e6).toBeGreaterThanOrEqual(Number(BigInt(gen.startTimeUnixNano) / 1000n) * 1000 - 1e6);
    expect(json(a['langfuse.observation.usage_details']).output).toBeGreaterThan(0);
  });

  it('maps embeddings to an embedding observation', async () => {
    await client.embeddings.create({ model: 'text-embedding-3-small', input: 'hello' });
    const emb = await delivered('embeddings text-embedding-3-small');
    expect(emb.attributes['langfuse.observation.type']).toBe('embedding');
    expect(json(emb.attributes['langfuse.observation.usage_details']).input).toBeGreaterThan(0);
  });

  it('shows a failed call as level ERROR with the status message', async () => {
    openaiFake.setNext({ status: 500 });
    await expect(
      client.chat.completions.create({ model: 'gpt-4.1', messages: [{ role: 'user', content: 'fail' }] }),
    ).rejects.toThrow();
    const gen = await delivered('chat gpt-4.1');
    expect(gen.attributes['langfuse.observation.level']).toBe('ERROR');
    expect(String(gen.attributes['langfuse.observation.status_message'] ?? '')).not.toBe('');
  });
});
