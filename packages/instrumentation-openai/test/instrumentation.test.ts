import { context } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import { OpenAIInstrumentation, SUPPORTED_VERSIONS } from '@spanfuse/instrumentation-openai';
import OpenAI, * as openaiNamespace from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, setup, userMessage } from './helpers.js';

const request = { model: 'gpt-4o', messages: userMessage };

describe('OpenAIInstrumentation', () => {
  let h: Harness<OpenAI> | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });
  async function harness(): Promise<Harness<OpenAI>> {
    h = await setup();
    return h;
  }

  it('declares the openai versions it supports', () => {
    expect(SUPPORTED_VERSIONS).toEqual(['>=4.19.0 <7']);
  });

  it('patches each method once, however often instrument() runs', async () => {
    const t = await harness();
    t.instrumentation.instrument(OpenAI);
    t.instrumentation.instrument(openaiNamespace);
    new OpenAIInstrumentation().instrument(OpenAI);
    await t.client.chat.completions.create(request);
    expect(await t.spans()).toHaveLength(1);
  });

  it('accepts the module namespace (ESM `import * as`) as well as the class', async () => {
    const t = await harness();
    t.instrumentation.uninstrument(OpenAI);
    await t.client.chat.completions.create(request);
    expect(t.exporter.getFinishedSpans()).toHaveLength(0);
    t.instrumentation.instrument(openaiNamespace);
    await t.client.chat.completions.create(request);
    expect(await t.spans()).toHaveLength(1);
  });

  it('stops tracing after uninstrument()', async () => {
    const t = await harness();
    t.instrumentation.uninstrument(OpenAI);
    const result = await t.client.chat.completions.create(request);
    expect(result.id).toBe('chatcmpl-1');
    expect(t.exporter.getFinishedSpans()).toHaveLength(0);
  });

  it('patches nothing and does not throw when given something else', async () => {
    const t = await harness();
    expect(() => t.instrumentation.instrument({ not: 'openai' })).not.toThrow();
    expect(() => t.instrumentation.instrument(undefined)).not.toThrow();
  });

  it('records no span while tracing is suppressed', async () => {
    const t = await harness();
    await context.with(suppressTracing(context.active()), () => t.client.chat.completions.create(request));
    expect(t.exporter.getFinishedSpans()).toHaveLength(0);
  });

  it('leaves calls without a body object to the SDK', async () => {
    const t = await harness();
    const client = t.client;
    expect(() => client.chat.completions.create(undefined as any)).toThrow(TypeError);
    expect(t.exporter.getFinishedSpans()).toHaveLength(0);
  });
});
