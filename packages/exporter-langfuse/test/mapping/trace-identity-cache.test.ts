import { createSpanSelector, mapSpan, TraceIdentityCache } from '@spanfuse/exporter-langfuse';
import { describe, expect, it } from 'vitest';
import { createTracing } from './spans.js';

describe('TraceIdentityCache', () => {
  it('applies identity found on a child to spans of the trace that end later', () => {
    const { start, finished } = createTracing();
    const cache = new TraceIdentityCache();
    const root = start({ name: 'POST /chat', open: true });
    const llm = finished(
      start({
        parent: root,
        attributes: {
          'gen_ai.operation.name': 'chat',
          'langfuse.trace.name': 'support-chat',
          'user.id': 'u-7',
        },
      }),
    );
    const sibling = finished(start({ parent: root, name: 'tool', attributes: { 'gen_ai.tool.name': 'x' } }));
    root.end();

    expect(mapSpan(llm, { traceIdentities: cache }).trace).toMatchObject({
      name: 'support-chat',
      userId: 'u-7',
    });
    expect(mapSpan(sibling, { traceIdentities: cache }).trace).toMatchObject({
      name: 'support-chat',
      userId: 'u-7',
    });
    // The root ends last: the explicit name from the child is kept over the root's span name.
    expect(mapSpan(finished(root), { traceIdentities: cache }).trace.name).toBe('support-chat');
  });

  it('keeps the trace name when the root span is filtered', () => {
    const { start, finished } = createTracing();
    const cache = new TraceIdentityCache();
    const selector = createSpanSelector({ exclude: (span) => span.name === 'GET /health-root' });
    const root = start({ name: 'GET /health-root', attributes: { 'user.id': 'u-1' }, open: true });
    const chain = start({ name: 'chain', parent: root, open: true });
    const llm = finished(
      start({
        parent: chain,
        attributes: { 'gen_ai.operation.name': 'chat', 'langfuse.trace.name': 'answer' },
      }),
    );
    chain.end();
    root.end();

    const exported = [];
    for (const span of [llm, finished(chain), finished(root)]) {
      if (selector.shouldExport(span)) exported.push(mapSpan(span, { traceIdentities: cache }));
      else cache.observe(span);
    }
    expect(exported.map((o) => o.name)).toEqual(['test-span', 'chain']);
    expect(exported.every((o) => o.trace.name === 'answer')).toBe(true);
    // The filtered root still contributed its user id to the trace identity.
    expect(cache.get(llm.spanContext().traceId)).toMatchObject({ name: 'answer', userId: 'u-1' });
  });

  it('remembers a filtered root span name for spans that end after it', () => {
    const { start, finished } = createTracing();
    const cache = new TraceIdentityCache();
    const root = start({ name: 'job:nightly' });
    cache.observe(finished(root));
    const late = finished(start({ name: 'late', parent: root, attributes: { 'gen_ai.request.model': 'm' } }));
    expect(mapSpan(late, { traceIdentities: cache }).trace.name).toBe('job:nightly');
  });

  it('is bounded: the oldest trace is forgotten first', () => {
    const cache = new TraceIdentityCache({ maxTraces: 2 });
    cache.merge('t1', { name: 'one' });
    cache.merge('t2', { name: 'two' });
    cache.merge('t1', { userId: 'u' }); // refreshes t1
    cache.merge('t3', { name: 'three' });
    expect(cache.size).toBe(2);
    expect(cache.get('t2')).toBeUndefined();
    expect(cache.get('t1')).toEqual({ name: 'one', userId: 'u' });
  });

  it('unites tags and merges metadata', () => {
    const cache = new TraceIdentityCache();
    cache.merge('t', { tags: ['a'], metadata: { x: '1' } });
    expect(cache.merge('t', { tags: ['a', 'b'], metadata: { y: '2' } })).toEqual({
      tags: ['a', 'b'],
      metadata: { x: '1', y: '2' },
    });
  });

  it('does not store traces for spans without identity', () => {
    const cache = new TraceIdentityCache();
    expect(cache.merge('t', {})).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});
