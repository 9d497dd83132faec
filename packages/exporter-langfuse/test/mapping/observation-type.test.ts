import { mapSpan } from '@spanfuse/exporter-langfuse';
import { describe, expect, it } from 'vitest';
import { createTracing } from './spans.js';

const { record } = createTracing();
const typeOf = (attributes: Record<string, string | number>, scope?: string, name?: string) =>
  mapSpan(record({ attributes, scope, name })).type;

describe('observation type', () => {
  it('maps every langfuse.observation.type value', () => {
    for (const type of [
      'span',
      'generation',
      'event',
      'embedding',
      'agent',
      'tool',
      'chain',
      'retriever',
      'evaluator',
      'guardrail',
    ]) {
      expect(typeOf({ 'langfuse.observation.type': type })).toBe(type);
    }
  });

  it('maps OpenInference span kinds', () => {
    const kinds: Record<string, string> = {
      LLM: 'generation',
      EMBEDDING: 'embedding',
      CHAIN: 'chain',
      RETRIEVER: 'retriever',
      AGENT: 'agent',
      TOOL: 'tool',
      GUARDRAIL: 'guardrail',
      EVALUATOR: 'evaluator',
    };
    for (const [kind, type] of Object.entries(kinds)) {
      expect(
        typeOf({ 'openinference.span.kind': kind }, '@arizeai/openinference-instrumentation-openai'),
      ).toBe(type);
    }
  });

  it('maps GenAI operation names, old and new', () => {
    const ops: Record<string, string> = {
      chat: 'generation',
      completion: 'generation',
      text_completion: 'generation',
      generate_content: 'generation',
      embeddings: 'embedding',
      invoke_agent: 'agent',
      create_agent: 'agent',
      execute_tool: 'tool',
    };
    for (const [op, type] of Object.entries(ops)) {
      expect(typeOf({ 'gen_ai.operation.name': op, 'gen_ai.provider.name': 'openai' })).toBe(type);
    }
  });

  it('maps OpenLLMetry traceloop.span.kind and llm.request.type', () => {
    expect(typeOf({ 'traceloop.span.kind': 'workflow' })).toBe('chain');
    expect(typeOf({ 'traceloop.span.kind': 'agent' })).toBe('agent');
    expect(typeOf({ 'traceloop.span.kind': 'tool' })).toBe('tool');
    expect(typeOf({ 'traceloop.span.kind': 'task' })).toBe('span');
    expect(typeOf({ 'llm.request.type': 'chat', 'gen_ai.system': 'openai' })).toBe('generation');
    expect(typeOf({ 'llm.request.type': 'embedding' })).toBe('embedding');
  });

  it('maps Vercel AI doGenerate/doStream with a model to generation, embeddings and tool calls', () => {
    expect(
      typeOf(
        { 'ai.operationId': 'ai.generateText.doGenerate', 'ai.model.id': 'gpt-4o-mini' },
        'ai',
        'ai.generateText.doGenerate',
      ),
    ).toBe('generation');
    expect(typeOf({ 'operation.name': 'ai.streamText.doStream my-fn', 'ai.model.id': 'gpt-4o' }, 'ai')).toBe(
      'generation',
    );
    expect(
      typeOf({ 'ai.operationId': 'ai.embedMany.doEmbed', 'ai.model.id': 'text-embedding-3-small' }, 'ai'),
    ).toBe('embedding');
    expect(typeOf({ 'ai.operationId': 'ai.toolCall', 'ai.toolCall.name': 'weather' }, 'ai')).toBe('tool');
  });

  it('keeps the outer Vercel ai.generateText span a span (its model is ai.model.id only)', () => {
    expect(typeOf({ 'ai.operationId': 'ai.generateText', 'ai.model.id': 'gpt-4o' }, 'ai')).toBe('span');
  });

  it('maps gen_ai.tool.* without an operation name to tool', () => {
    expect(typeOf({ 'gen_ai.tool.name': 'get_weather' })).toBe('tool');
    expect(typeOf({ 'gen_ai.tool.call.id': 'call_1' })).toBe('tool');
  });

  it('maps any model attribute to generation and everything else to span', () => {
    expect(typeOf({ 'gen_ai.request.model': 'gpt-4o' })).toBe('generation');
    expect(typeOf({ 'llm.model_name': 'claude-3-5-sonnet' })).toBe('generation');
    expect(typeOf({ model: 'mistral-large' })).toBe('generation');
    expect(typeOf({ 'http.request.method': 'GET' })).toBe('span');
  });

  it('applies the precedence langfuse > OpenInference > GenAI operation > tool > model', () => {
    expect(typeOf({ 'langfuse.observation.type': 'agent', 'openinference.span.kind': 'LLM' })).toBe('agent');
    expect(typeOf({ 'openinference.span.kind': 'CHAIN', 'gen_ai.operation.name': 'chat' })).toBe('chain');
    expect(typeOf({ 'gen_ai.operation.name': 'chat', 'gen_ai.tool.name': 'x' })).toBe('generation');
    expect(typeOf({ 'gen_ai.tool.name': 'x', 'gen_ai.request.model': 'gpt-4o' })).toBe('tool');
  });

  it('falls through an unknown value to the next rule, as the server does', () => {
    expect(typeOf({ 'langfuse.observation.type': 'nonsense', 'gen_ai.operation.name': 'chat' })).toBe(
      'generation',
    );
    expect(typeOf({ 'openinference.span.kind': 'UNKNOWN', 'llm.model_name': 'gpt-4o' })).toBe('generation');
  });

  it('ignores empty values and prototype keys as type names', () => {
    expect(typeOf({ 'langfuse.observation.type': 'constructor' })).toBe('span');
    expect(typeOf({ 'gen_ai.request.model': '' })).toBe('span');
  });
});
