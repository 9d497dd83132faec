import { TraceFlags } from '@opentelemetry/api';
import { TraceState } from '@opentelemetry/core';
import { shouldSampleSpanContext, shouldSampleTraceId } from '@spanfuse/sampler';
import { describe, expect, it } from 'vitest';
import { seededTraceIds } from './seeded-trace-ids.js';

const N = 100_000;
const ids = seededTraceIds(20261125, N);

describe('shouldSampleTraceId', () => {
  for (const p of [0.05, 0.25]) {
    it(`keeps ${p * 100}% of 100k random trace ids within 3 sigma`, () => {
      const kept = ids.filter((id) => shouldSampleTraceId(id, p)).length;
      const sigma = Math.sqrt(N * p * (1 - p));
      expect(Math.abs(kept - N * p)).toBeLessThan(3 * sigma);
    });
  }

  it('gives the same answer for the same trace id every time', () => {
    const first = ids.slice(0, 1000).map((id) => shouldSampleTraceId(id, 0.3));
    const second = ids.slice(0, 1000).map((id) => shouldSampleTraceId(id, 0.3));
    expect(second).toEqual(first);
  });

  it('decides on the 56 least significant bits only', () => {
    const low = '00000000000000'; // below every threshold
    const high = 'ffffffffffffff'; // above every threshold but ratio 0
    expect(shouldSampleTraceId(`ffffffffffffffffff${low}`, 0.5)).toBe(false);
    expect(shouldSampleTraceId(`000000000000000001${high}`, 0.5)).toBe(true);
    // randomness exactly at the threshold 0x80000000000000 of ratio 0.5 is kept (R >= T)
    expect(shouldSampleTraceId('0123456789abcdef0080000000000000', 0.5)).toBe(true);
    expect(shouldSampleTraceId('0123456789abcdef007fffffffffffff', 0.5)).toBe(false);
  });

  it('keeps a smaller ratio a subset of a larger one', () => {
    for (const id of ids.slice(0, 5000)) {
      if (shouldSampleTraceId(id, 0.1)) expect(shouldSampleTraceId(id, 0.5)).toBe(true);
    }
  });

  it('keeps everything at 1, nothing at 0, and nothing for invalid ids', () => {
    expect(ids.slice(0, 100).every((id) => shouldSampleTraceId(id, 1))).toBe(true);
    expect(ids.slice(0, 100).some((id) => shouldSampleTraceId(id, 0))).toBe(false);
    expect(shouldSampleTraceId('not-a-trace-id', 1)).toBe(false);
  });

  it('treats NaN as 0 and clamps ratios above 1', () => {
    expect(shouldSampleTraceId(ids[0]!, Number.NaN)).toBe(false);
    expect(shouldSampleTraceId(ids[0]!, 7)).toBe(true);
  });
});

describe('shouldSampleSpanContext', () => {
  it('honours an explicit rv randomness from tracestate over the trace id', () => {
    const traceId = `${'0'.repeat(18)}ffffffffffffff`; // the trace id alone would be kept at 0.5
    const base = { traceId, spanId: '0123456789abcdef', traceFlags: TraceFlags.SAMPLED };
    expect(shouldSampleSpanContext(base, 0.5)).toBe(true);
    const withRv = { ...base, traceState: new TraceState('ot=rv:00000000000001') };
    expect(shouldSampleSpanContext(withRv, 0.5)).toBe(false);
  });

  it('ignores a malformed rv and falls back to the trace id', () => {
    const traceId = `${'0'.repeat(18)}ffffffffffffff`;
    const ctx = {
      traceId,
      spanId: '0123456789abcdef',
      traceFlags: 1,
      traceState: new TraceState('ot=rv:xyz'),
    };
    expect(shouldSampleSpanContext(ctx, 0.5)).toBe(true);
  });
});
