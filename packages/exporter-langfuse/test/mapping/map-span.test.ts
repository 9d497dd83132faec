import { SpanKind } from '@opentelemetry/api';
import { mapSpan } from '@spanfuse/exporter-langfuse';
import { describe, expect, it } from 'vitest';
import { createTracing } from './spans.js';

describe('mapSpan', () => {
  it('maps a GenAI semconv chat span to a complete generation', () => {
    const { start, finished } = createTracing({ 'service.name': 'svc' });
    const root = start({ name: 'POST /chat', open: true });
    const span = finished(
      start({
        parent: root,
        name: 'chat gpt-4o-mini',
        scope: '@spanfuse/instrumentation-openai',
        attributes: {
          'gen_ai.operation.name': 'chat',
          'gen_ai.provider.name': 'openai',
          'gen_ai.request.model': 'gpt-4o-mini',
          'gen_ai.response.model': 'gpt-4o-mini-2024-07-18',
          'gen_ai.request.temperature': 0,
          'gen_ai.usage.input_tokens': 20,
          'gen_ai.usage.output_tokens': 5,
          'gen_ai.usage.cost': 0.00001,
          'gen_ai.input.messages': '[{"role":"user","parts":[{"type":"text","content":"Hi"}]}]',
          'gen_ai.output.messages': '[{"role":"assistant","parts":[{"type":"text","content":"Hello"}]}]',
        },
      }),
    );
    root.end();
    const o = mapSpan(span, { environment: 'production', release: 'v1' });
    expect(o).toMatchObject({
      traceId: span.spanContext().traceId,
      id: span.spanContext().spanId,
      parentObservationId: root.spanContext().spanId,
      isRoot: false,
      type: 'generation',
      name: 'chat gpt-4o-mini',
      model: 'gpt-4o-mini-2024-07-18',
      modelParameters: { temperature: 0 },
      usageDetails: { input: 20, output: 5 },
      costDetails: { total: 0.00001 },
      level: 'DEFAULT',
      environment: 'production',
      release: 'v1',
      startTime: span.startTime,
      endTime: span.endTime,
    });
    expect(o.input).toContain('"Hi"');
    expect(o.output).toContain('"Hello"');
    expect(o.otel).toMatchObject({
      kind: SpanKind.INTERNAL,
      scopeName: '@spanfuse/instrumentation-openai',
      resourceAttributes: { 'service.name': 'svc' },
      traceFlags: 1,
    });
  });

  it('maps a pre-1.37 GenAI span (gen_ai.system, prompt/completion tokens, flattened prompt)', () => {
    const { record } = createTracing();
    const o = mapSpan(
      record({
        name: 'openai.chat',
        scope: '@traceloop/instrumentation-openai',
        attributes: {
          'gen_ai.system': 'OpenAI',
          'llm.request.type': 'chat',
          'gen_ai.request.model': 'gpt-3.5-turbo',
          'gen_ai.response.model': 'gpt-3.5-turbo-0125',
          'gen_ai.request.max_tokens': 100,
          'gen_ai.usage.prompt_tokens': 9,
          'gen_ai.usage.completion_tokens': 12,
          'llm.usage.total_tokens': 21,
          'gen_ai.prompt.0.role': 'user',
          'gen_ai.prompt.0.content': 'Tell me a joke',
          'gen_ai.completion.0.role': 'assistant',
          'gen_ai.completion.0.content': 'Why did…',
        },
      }),
    );
    expect(o).toMatchObject({
      type: 'generation',
      model: 'gpt-3.5-turbo-0125',
      modelParameters: { max_tokens: 100 },
      usageDetails: { input: 9, output: 12, total: 21 },
      input: '[{"role":"user","content":"Tell me a joke"}]',
      output: '[{"role":"assistant","content":"Why did…"}]',
    });
    expect(o.metadata['gen_ai.system']).toBe('OpenAI');
  });

  it('treats langfuse.internal.as_root as a root', () => {
    const { start, finished } = createTracing();
    const parent = start({ open: true });
    const o = mapSpan(
      finished(start({ parent, name: 'agent run', attributes: { 'langfuse.internal.as_root': true } })),
    );
    parent.end();
    expect(o.isRoot).toBe(true);
    expect(o.trace.name).toBe('agent run');
  });

  it('links prompts on generations only', () => {
    const { record } = createTracing();
    const prompt = { 'langfuse.observation.prompt.name': 'qa', 'langfuse.observation.prompt.version': 3 };
    expect(mapSpan(record({ attributes: { ...prompt, 'gen_ai.request.model': 'm' } }))).toMatchObject({
      promptName: 'qa',
      promptVersion: 3,
    });
    expect(mapSpan(record({ attributes: prompt })).promptName).toBeUndefined();
  });

  it('maps the Langfuse SDK own spans field by field', () => {
    const { record } = createTracing();
    const o = mapSpan(
      record({
        scope: 'langfuse-sdk',
        attributes: {
          'langfuse.observation.type': 'generation',
          'langfuse.observation.model.name': 'gpt-4o',
          'langfuse.observation.usage_details': '{"input":1,"output":2}',
          'langfuse.observation.cost_details': '{"total":0.5}',
          'langfuse.observation.input': '"q"',
          'langfuse.observation.output': '"a"',
          'langfuse.environment': 'dev',
          'langfuse.release': 'r1',
        },
      }),
      { environment: 'production', release: 'r0' },
    );
    expect(o).toMatchObject({
      type: 'generation',
      model: 'gpt-4o',
      usageDetails: { input: 1, output: 2 },
      costDetails: { total: 0.5 },
      input: '"q"',
      output: '"a"',
      environment: 'dev',
      release: 'r1',
    });
    expect(Object.keys(o.metadata).filter((k) => k.startsWith('langfuse.'))).toEqual([]);
  });

  it('never throws on unsafe attribute values', () => {
    const { record } = createTracing();
    const lone = 'bad \ud800 surrogate';
    const o = mapSpan(
      record({ attributes: { 'input.value': lone, 'output.value': 'x'.repeat(5_000_000), weird: lone } }),
      { maxValueBytes: 1000 },
    );
    expect(o.input).toBe('bad \ufffd surrogate');
    expect(o.output).toMatch(/…\[truncated 4999000 bytes\]$/);
    expect(o.metadata.weird).toBe('bad \ufffd surrogate');
  });
});
