import { SpanStatusCode } from '@opentelemetry/api';
import { mapSpan } from '@spanfuse/exporter-langfuse';
import { describe, expect, it } from 'vitest';
import { createTracing } from './spans.js';

const { record } = createTracing();

describe('level', () => {
  it('maps an ERROR status to level ERROR with the status message', () => {
    const o = mapSpan(record({ status: { code: SpanStatusCode.ERROR, message: '429 Rate limit reached' } }));
    expect(o.level).toBe('ERROR');
    expect(o.statusMessage).toBe('429 Rate limit reached');
  });

  it('keeps exception events and uses their message when the status has none', () => {
    const o = mapSpan(record({ exception: new TypeError('boom'), status: { code: SpanStatusCode.ERROR } }));
    expect(o.level).toBe('ERROR');
    expect(o.statusMessage).toBe('boom');
    const event = o.otel.events.find((e) => e.name === 'exception');
    expect(event?.attributes).toMatchObject({ 'exception.type': 'TypeError', 'exception.message': 'boom' });
    expect(String(event?.attributes?.['exception.stacktrace'])).toContain('TypeError: boom');
  });

  it('lets langfuse.observation.level and status_message win', () => {
    const o = mapSpan(
      record({
        attributes: {
          'langfuse.observation.level': 'WARNING',
          'langfuse.observation.status_message': 'slow',
        },
        status: { code: SpanStatusCode.ERROR, message: 'ignored' },
      }),
    );
    expect(o.level).toBe('WARNING');
    expect(o.statusMessage).toBe('slow');
  });

  it('accepts the server level aliases and ignores unknown levels', () => {
    expect(mapSpan(record({ attributes: { 'langfuse.observation.level': 'warn' } })).level).toBe('WARNING');
    expect(mapSpan(record({ attributes: { 'langfuse.observation.level': 'info' } })).level).toBe('DEFAULT');
    expect(
      mapSpan(
        record({
          attributes: { 'langfuse.observation.level': 'loud' },
          status: { code: SpanStatusCode.ERROR },
        }),
      ).level,
    ).toBe('ERROR');
  });

  it('defaults to DEFAULT without a status message', () => {
    const o = mapSpan(record({ status: { code: SpanStatusCode.OK } }));
    expect(o.level).toBe('DEFAULT');
    expect(o.statusMessage).toBeUndefined();
  });
});
