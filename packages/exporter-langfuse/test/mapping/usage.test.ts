import { mapSpan } from '@spanfuse/exporter-langfuse';
import { describe, expect, it } from 'vitest';
import { createTracing } from './spans.js';

const { record } = createTracing();
const usageOf = (attributes: Record<string, string | number>, scope?: string) =>
  mapSpan(record({ attributes, scope })).usageDetails;

describe('usage', () => {
  it('splits semconv input tokens (which include cached) into input and input_cached_tokens', () => {
    expect(
      usageOf({
        'gen_ai.operation.name': 'chat',
        'gen_ai.provider.name': 'openai',
        'gen_ai.usage.input_tokens': 1200,
        'gen_ai.usage.cache_read.input_tokens': 1000,
        'gen_ai.usage.output_tokens': 300,
        'gen_ai.usage.reasoning.output_tokens': 200,
      }),
    ).toEqual({ input: 200, input_cached_tokens: 1000, output: 100, output_reasoning_tokens: 200 });
  });

  it('reads the cached_tokens and cache_read_input_tokens variants', () => {
    expect(usageOf({ 'gen_ai.usage.input_tokens': 50, 'gen_ai.usage.cached_tokens': 20 })).toEqual({
      input: 30,
      input_cached_tokens: 20,
    });
    expect(
      usageOf({
        'gen_ai.usage.input_tokens': 50,
        'gen_ai.usage.cache_read_input_tokens': 10,
        'gen_ai.usage.cache_creation_input_tokens': 15,
      }),
    ).toEqual({ input: 25, input_cached_tokens: 10, input_cache_creation: 15 });
  });

  it('reads OpenLLMetry prompt/completion tokens and llm.usage.total_tokens', () => {
    expect(
      usageOf(
        {
          'llm.request.type': 'chat',
          'gen_ai.system': 'OpenAI',
          'gen_ai.usage.prompt_tokens': 12,
          'gen_ai.usage.completion_tokens': 8,
          'llm.usage.total_tokens': 20,
        },
        '@traceloop/instrumentation-openai',
      ),
    ).toEqual({ input: 12, output: 8, total: 20 });
  });

  it('reads OpenInference token counts with cache and reasoning details', () => {
    expect(
      usageOf(
        {
          'openinference.span.kind': 'LLM',
          'llm.token_count.prompt': 100,
          'llm.token_count.completion': 40,
          'llm.token_count.total': 140,
          'llm.token_count.prompt_details.cache_read': 60,
          'llm.token_count.completion_details.reasoning': 10,
        },
        '@arizeai/openinference-instrumentation-openai',
      ),
    ).toEqual({ input: 40, input_cached_tokens: 60, output: 30, output_reasoning_tokens: 10, total: 140 });
  });

  it('reads Vercel AI ai.usage.* on doGenerate spans (v4 and v5 names)', () => {
    const base = { 'ai.operationId': 'ai.generateText.doGenerate', 'ai.model.id': 'gpt-4o-mini' };
    expect(usageOf({ ...base, 'ai.usage.promptTokens': 10, 'ai.usage.completionTokens': 5 }, 'ai')).toEqual({
      input: 10,
      output: 5,
    });
    expect(
      usageOf(
        {
          ...base,
          'ai.usage.inputTokens': 30,
          'ai.usage.outputTokens': 20,
          'ai.usage.totalTokens': 50,
          'ai.usage.cachedInputTokens': 10,
          'ai.usage.reasoningTokens': 5,
        },
        'ai',
      ),
    ).toEqual({ input: 20, input_cached_tokens: 10, output: 15, output_reasoning_tokens: 5, total: 50 });
  });

  it('prefers gen_ai.usage.* over ai.usage.* and completes it with Vercel cached tokens', () => {
    expect(
      usageOf(
        {
          'ai.operationId': 'ai.generateText.doGenerate',
          'ai.model.id': 'gpt-4o',
          'gen_ai.usage.input_tokens': 40,
          'gen_ai.usage.output_tokens': 4,
          'ai.usage.inputTokens': 999,
          'ai.usage.cachedInputTokens': 30,
        },
        'ai',
      ),
    ).toEqual({ input: 10, input_cached_tokens: 30, output: 4 });
  });

  it('does not count the outer Vercel ai.generateText span usage twice', () => {
    expect(
      usageOf(
        { 'ai.operationId': 'ai.generateText', 'ai.usage.promptTokens': 10, 'ai.usage.completionTokens': 5 },
        'ai',
      ),
    ).toBeUndefined();
  });

  it('takes langfuse.observation.usage_details as it is', () => {
    expect(
      usageOf({
        'langfuse.observation.usage_details': JSON.stringify({ input: 5, output: 6, custom: 7 }),
        'gen_ai.usage.input_tokens': 100,
      }),
    ).toEqual({ input: 5, output: 6, custom: 7 });
  });

  it('keeps unknown counts, accepts numeric strings and ignores junk', () => {
    expect(
      usageOf({
        'gen_ai.usage.input_tokens': '42',
        'gen_ai.usage.audio_tokens': 3,
        'gen_ai.usage.output_tokens': 'many',
        'gen_ai.usage.details.image_tokens': 2,
      }),
    ).toEqual({ input: 42, audio_tokens: 3, image_tokens: 2 });
  });

  it('never reports a negative input when cached exceeds the reported input', () => {
    expect(usageOf({ 'gen_ai.usage.input_tokens': 5, 'gen_ai.usage.cache_read.input_tokens': 9 })).toEqual({
      input: 0,
      input_cached_tokens: 9,
    });
  });
});
