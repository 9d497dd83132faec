import { ROOT_CONTEXT, trace } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** The ended span, seen with extra attribute values no SDK would let through. */
function withAttributes(span: ReadableSpan, extra: Record<string, unknown>): ReadableSpan {
  return Object.create(span, { attributes: { value: { ...span.attributes, ...extra } } }) as ReadableSpan;
}

describe('selection and mapping in the processor', () => {
  it('truncates an oversized value with a marker and keeps the span', async () => {
    h = await startHarness({ maxValueBytes: 1000 });
    h.tracer.startSpan('big', { attributes: { 'langfuse.observation.input': 'z'.repeat(5000) } }).end();
    await h.processor.forceFlush();
    expect(h.fake.otlpSpans).toHaveLength(1);
    const input = String(h.fake.otlpSpans[0].attributes['langfuse.observation.input']);
    expect(Buffer.byteLength(input)).toBeLessThan(1100);
    expect(input).toMatch(/truncated \d+ bytes/);
  });

  it('delivers spans whose values are circular, BigInt or lone surrogates', async () => {
    h = await startHarness();
    const circular: Record<string, unknown> = { a: 1 };
    circular.self = circular;
    const span = h.tracer.startSpan('odd-values', {
      attributes: { 'langfuse.observation.output': 'ok\ud800' },
    });
    span.end();
    // Processors see what other instrumentations put on spans; the SDK's sanitizer is bypassed here.
    h.processor.onEnd(
      withAttributes(span as unknown as ReadableSpan, {
        'langfuse.observation.input': circular,
        'app.big': 10n ** 20n,
        'app.text': 'x\udc00y',
      }),
    );
    await h.processor.forceFlush();
    expect(h.fake.otlpSpans).toHaveLength(2);
    const odd = h.fake.otlpSpans[1];
    expect(String(odd.attributes['langfuse.observation.input'])).toContain('"a":1');
    expect(String(odd.attributes['langfuse.observation.metadata.app.big'])).toContain(
      '100000000000000000000',
    );
    expect(String(odd.attributes['langfuse.observation.metadata.app.text'])).toBe('x\ufffdy');
    expect(String(h.fake.otlpSpans[0].attributes['langfuse.observation.output'])).toBe('ok\ufffd');
  });

  it('keeps the trace name when the root span is filtered', async () => {
    h = await startHarness({ exportAllSpans: false });
    const root = h.tracer.startSpan('GET /health-like', {
      attributes: { 'langfuse.trace.name': 'answer-question', 'session.id': 'sess-1' },
    });
    const parent = trace.setSpan(ROOT_CONTEXT, root);
    h.tracer.startSpan('db.query', {}, parent).end();
    h.tracer
      .startSpan(
        'chat gpt-4o',
        { attributes: { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'gpt-4o' } },
        parent,
      )
      .end();
    root.end();
    await h.processor.forceFlush();
    const names = h.fake.otlpSpans.map((s) => s.name);
    expect(names).toContain('chat gpt-4o');
    expect(names).not.toContain('db.query');
    for (const s of h.fake.otlpSpans) {
      expect(s.attributes['langfuse.trace.name']).toBe('answer-question');
      expect(s.attributes['session.id']).toBe('sess-1');
    }
  });

  it('lets shouldExportSpan replace the selection, a throwing predicate meaning no', async () => {
    h = await startHarness({
      shouldExportSpan: (span) => {
        if (span.name === 'boom') throw new Error('bad predicate');
        return span.name.startsWith('keep');
      },
    });
    for (const name of ['keep-1', 'drop-1', 'boom', 'keep-2']) h.tracer.startSpan(name).end();
    await h.processor.forceFlush();
    expect(h.fake.otlpSpans.map((s) => s.name).sort()).toEqual(['keep-1', 'keep-2']);
  });
});
