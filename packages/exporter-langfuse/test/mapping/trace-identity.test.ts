import { extractTraceIdentity, mapSpan } from '@spanfuse/exporter-langfuse';
import { describe, expect, it } from 'vitest';
import { createTracing } from './spans.js';

const { record, start, finished } = createTracing();

describe('trace identity', () => {
  it('reads langfuse.trace.* attributes', () => {
    const o = mapSpan(
      record({
        attributes: {
          'langfuse.trace.name': 'checkout',
          'user.id': 'u-1',
          'session.id': 's-1',
          'langfuse.trace.tags': ['a', 'b'],
          'langfuse.trace.public': true,
          'langfuse.trace.metadata.plan': 'pro',
          'langfuse.trace.input': '{"cart":3}',
          'langfuse.trace.output': 'paid',
          'langfuse.version': '1.2.3',
        },
      }),
    );
    expect(o.trace).toEqual({
      name: 'checkout',
      userId: 'u-1',
      sessionId: 's-1',
      tags: ['a', 'b'],
      public: true,
      metadata: { plan: 'pro' },
      input: '{"cart":3}',
      output: 'paid',
      version: '1.2.3',
    });
  });

  it('prefers langfuse.user.id / langfuse.session.id over user.id / session.id', () => {
    const t = extractTraceIdentity(
      record({
        attributes: {
          'langfuse.user.id': 'lf-user',
          'user.id': 'otel-user',
          'langfuse.session.id': 'lf-session',
          'session.id': 'otel-session',
        },
      }),
    );
    expect(t).toMatchObject({ userId: 'lf-user', sessionId: 'lf-session' });
  });

  it('reads gen_ai.conversation.id and langfuse_* metadata as session and user', () => {
    expect(extractTraceIdentity(record({ attributes: { 'gen_ai.conversation.id': 'conv-9' } }))).toEqual({
      sessionId: 'conv-9',
    });
    expect(
      extractTraceIdentity(
        record({
          attributes: {
            'langfuse.observation.metadata.langfuse_user_id': 'u-meta',
            'langfuse.trace.metadata.langfuse_session_id': 's-meta',
          },
        }),
      ),
    ).toMatchObject({ userId: 'u-meta', sessionId: 's-meta' });
  });

  it('reads tags from JSON text and from comma-separated text', () => {
    expect(extractTraceIdentity(record({ attributes: { 'langfuse.trace.tags': '["x","y"]' } })).tags).toEqual(
      ['x', 'y'],
    );
    expect(extractTraceIdentity(record({ attributes: { 'langfuse.trace.tags': 'x, y' } })).tags).toEqual([
      'x',
      'y',
    ]);
  });

  it('names the trace after the root span and takes its I/O', () => {
    const o = mapSpan(
      record({ name: 'POST /chat', attributes: { 'input.value': 'q', 'output.value': 'a' } }),
    );
    expect(o.isRoot).toBe(true);
    expect(o.trace).toMatchObject({ name: 'POST /chat', input: 'q', output: 'a' });
  });

  it('does not name the trace after a child span', () => {
    const root = start({ name: 'root', open: true });
    const child = finished(start({ name: 'child', parent: root }));
    expect(mapSpan(child).trace.name).toBeUndefined();
    root.end();
  });

  it('keeps an explicit trace name over the root span name', () => {
    const o = mapSpan(record({ name: 'GET /', attributes: { 'langfuse.trace.name': 'home' } }));
    expect(o.trace.name).toBe('home');
  });

  it('merges a known identity, the span stating its own values winning', () => {
    const o = mapSpan(record({ attributes: { 'user.id': 'new', 'langfuse.trace.metadata.b': '2' } }), {
      traceIdentity: { name: 'known', userId: 'old', metadata: { a: '1' } },
    });
    expect(o.trace).toEqual({ name: 'known', userId: 'new', metadata: { a: '1', b: '2' } });
  });
});
