import { Writable } from 'node:stream';
import { context, ROOT_CONTEXT, TraceFlags, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { pinoMixin, spanfusePinoOptions } from '@spanfuse/node';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN_ID = '00f067aa0ba902b7';

function inSpan<T>(traceFlags: number, fn: () => T): T {
  const ctx = trace.setSpanContext(ROOT_CONTEXT, { traceId: TRACE_ID, spanId: SPAN_ID, traceFlags });
  return context.with(ctx, fn);
}

describe('pinoMixin', () => {
  const manager = new AsyncLocalStorageContextManager();
  beforeAll(() => {
    context.setGlobalContextManager(manager.enable());
  });
  afterAll(() => {
    context.disable();
  });

  it('returns {} outside a span', () => {
    expect(pinoMixin()).toEqual({});
  });

  it('returns {} for an invalid span context', () => {
    const ctx = trace.setSpanContext(ROOT_CONTEXT, {
      traceId: '0'.repeat(32),
      spanId: SPAN_ID,
      traceFlags: 1,
    });
    expect(context.with(ctx, pinoMixin)).toEqual({});
  });

  it('returns the active ids with trace_flags as two hex digits', () => {
    expect(inSpan(TraceFlags.SAMPLED, pinoMixin)).toEqual({
      trace_id: TRACE_ID,
      span_id: SPAN_ID,
      trace_flags: '01',
    });
    expect(inSpan(TraceFlags.NONE, pinoMixin).trace_flags).toBe('00');
  });

  it('puts trace_id on the line a real pino logger writes (the key Grafana derives the Tempo link from)', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = pino({ ...spanfusePinoOptions() }, sink);
    inSpan(TraceFlags.SAMPLED, () => logger.info('inside'));
    logger.info('outside');
    const [inside, outside] = lines.map((l) => JSON.parse(l));
    expect(inside).toMatchObject({ trace_id: TRACE_ID, span_id: SPAN_ID, trace_flags: '01', msg: 'inside' });
    expect(lines[0]).toMatch(/"trace_id":"(\w+)"/);
    expect(outside.trace_id).toBeUndefined();
  });
});
