import type { Span } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { createSpanSelector, type SpanSelectorOptions } from '@spanfuse/exporter-langfuse';
import { describe, expect, it } from 'vitest';
import { createTracing } from '../mapping/spans.js';

/**
 * Builds a request trace the way a Node app produces it — HTTP root → handler → (LLM call,
 * DB query), plus a health check trace — and feeds the ended spans to a selector in onEnd order.
 */
function run(options: SpanSelectorOptions = {}) {
  const { start, exporter } = createTracing();
  const http = start({ name: 'POST /chat', scope: '@opentelemetry/instrumentation-http', open: true });
  const handler = start({ name: 'handler', parent: http, open: true });
  start({
    name: 'SELECT users',
    parent: handler,
    scope: '@opentelemetry/instrumentation-pg',
    attributes: { 'db.system.name': 'postgresql' },
  });
  start({
    name: 'chat gpt-4o',
    parent: handler,
    scope: '@opentelemetry/instrumentation-openai',
    attributes: { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'gpt-4o' },
  });
  const outbound = start({
    name: 'POST',
    parent: handler,
    scope: '@opentelemetry/instrumentation-undici',
    open: true,
  });
  outbound.end();
  handler.end();
  http.end();
  start({ name: 'GET /health', scope: '@opentelemetry/instrumentation-http' });

  const selector = createSpanSelector(options);
  return exporter
    .getFinishedSpans()
    .filter((span: ReadableSpan) => selector.shouldExport(span))
    .map((span) => span.name);
}

describe('span selector', () => {
  it('selects LLM spans and their ancestors, not health checks or DB spans beside them', () => {
    expect(run()).toEqual(['chat gpt-4o', 'handler', 'POST /chat']);
  });

  it('exports everything in mode all', () => {
    expect(run({ mode: 'all' })).toEqual([
      'SELECT users',
      'chat gpt-4o',
      'POST',
      'handler',
      'POST /chat',
      'GET /health',
    ]);
  });

  it('adds included spans (and their ancestors) to the path', () => {
    expect(run({ include: ['@opentelemetry/instrumentation-pg'] })).toEqual([
      'SELECT users',
      'chat gpt-4o',
      'handler',
      'POST /chat',
    ]);
    expect(run({ include: (span) => span.name === 'GET /health' })).toContain('GET /health');
  });

  it('removes excluded spans, composing with include and mode all', () => {
    expect(run({ include: [/^SELECT/], exclude: ['SELECT users'] })).toEqual([
      'chat gpt-4o',
      'handler',
      'POST /chat',
    ]);
    expect(run({ mode: 'all', exclude: [/health/] })).not.toContain('GET /health');
  });

  it('keeps the ancestors of an LLM span when a middle span is excluded', () => {
    expect(run({ exclude: (span) => span.name === 'handler' })).toEqual(['chat gpt-4o', 'POST /chat']);
  });

  it('does not select the parents of an excluded LLM span', () => {
    expect(run({ exclude: (span) => span.name.startsWith('chat') })).toEqual([]);
  });

  it('treats a throwing rule as no match and never throws', () => {
    const boom = () => {
      throw new Error('rule bug');
    };
    expect(run({ include: boom, exclude: boom })).toEqual(['chat gpt-4o', 'handler', 'POST /chat']);
    expect(createSpanSelector().shouldExport({} as ReadableSpan)).toBe(false);
  });

  it('selects spans of known LLM scopes and langfuse.* attributes without gen_ai attributes', () => {
    const { record } = createTracing();
    const selector = createSpanSelector();
    expect(selector.shouldExport(record({ scope: '@arizeai/openinference-instrumentation-langchain' }))).toBe(
      true,
    );
    expect(selector.shouldExport(record({ scope: 'ai', name: 'ai.generateText' }))).toBe(true);
    expect(selector.shouldExport(record({ attributes: { 'langfuse.trace.name': 'x' } }))).toBe(true);
    expect(selector.shouldExport(record({ attributes: { 'openinference.span.kind': 'CHAIN' } }))).toBe(true);
    expect(selector.shouldExport(record({ scope: 'my-app', attributes: { 'http.route': '/x' } }))).toBe(
      false,
    );
  });

  it('does not put a parent that ended before its LLM child on the path (documented limitation)', () => {
    const { start, finished } = createTracing();
    const selector = createSpanSelector();
    const parent: Span = start({ name: 'fire-and-forget' });
    expect(selector.shouldExport(finished(parent))).toBe(false);
    const child = finished(start({ parent, attributes: { 'gen_ai.operation.name': 'chat' } }));
    expect(selector.shouldExport(child)).toBe(true);
  });

  it('forgets the oldest pending parents beyond maxTrackedParents', () => {
    const { start, finished } = createTracing();
    const selector = createSpanSelector({ maxTrackedParents: 1 });
    const a = start({ name: 'a', open: true });
    const b = start({ name: 'b', open: true });
    expect(selector.shouldExport(finished(start({ parent: a, attributes: { 'gen_ai.system': 'x' } })))).toBe(
      true,
    );
    expect(selector.shouldExport(finished(start({ parent: b, attributes: { 'gen_ai.system': 'x' } })))).toBe(
      true,
    );
    a.end();
    b.end();
    expect(selector.shouldExport(finished(a))).toBe(false);
    expect(selector.shouldExport(finished(b))).toBe(true);
  });
});
