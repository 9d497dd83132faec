import { hrTimeToMilliseconds } from '@opentelemetry/core';
import { mapSpan } from '@spanfuse/exporter-langfuse';
import { describe, expect, it } from 'vitest';
import { createTracing } from './spans.js';

const { record } = createTracing();
const START = Date.UTC(2026, 0, 1, 12, 0, 0);
const ms = (o: ReturnType<typeof mapSpan>) =>
  o.completionStartTime === undefined ? undefined : Math.round(hrTimeToMilliseconds(o.completionStartTime));

describe('completion start time', () => {
  it('takes the time of the gen_ai.first_token event (spanfuse OpenAI instrumentation)', () => {
    const o = mapSpan(
      record({ startTime: START, events: [{ name: 'gen_ai.first_token', time: START + 120 }] }),
    );
    expect(ms(o)).toBe(START + 120);
  });

  it('takes the time of a gen_ai.content.first_token event', () => {
    const o = mapSpan(
      record({ startTime: START, events: [{ name: 'gen_ai.content.first_token', time: START + 80 }] }),
    );
    expect(ms(o)).toBe(START + 80);
  });

  it('reads langfuse.observation.completion_start_time first, also double-quoted', () => {
    const iso = new Date(START + 50).toISOString();
    const attributes = { 'langfuse.observation.completion_start_time': iso };
    expect(
      ms(
        mapSpan(
          record({ startTime: START, attributes, events: [{ name: 'gen_ai.first_token', time: START + 9 }] }),
        ),
      ),
    ).toBe(START + 50);
    expect(
      ms(
        mapSpan(
          record({ attributes: { 'langfuse.observation.completion_start_time': JSON.stringify(iso) } }),
        ),
      ),
    ).toBe(START + 50);
  });

  it('reads spanfuse.completion_start_time as ISO text or epoch milliseconds', () => {
    expect(ms(mapSpan(record({ attributes: { 'spanfuse.completion_start_time': START + 7 } })))).toBe(
      START + 7,
    );
    expect(
      ms(
        mapSpan(
          record({ attributes: { 'spanfuse.completion_start_time': new Date(START + 8).toISOString() } }),
        ),
      ),
    ).toBe(START + 8);
  });

  it('adds relative time-to-first-chunk to the span start (seconds and Vercel milliseconds)', () => {
    expect(
      ms(mapSpan(record({ startTime: START, attributes: { 'gen_ai.response.time_to_first_chunk': 0.25 } }))),
    ).toBe(START + 250);
    expect(ms(mapSpan(record({ startTime: START, attributes: { 'ai.response.msToFirstChunk': 300 } })))).toBe(
      START + 300,
    );
  });

  it('is absent for spans that did not stream', () => {
    expect(
      mapSpan(record({ attributes: { 'gen_ai.operation.name': 'chat' } })).completionStartTime,
    ).toBeUndefined();
  });
});
