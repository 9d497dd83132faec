import {
  context,
  type DiagLogger,
  DiagLogLevel,
  diag,
  ROOT_CONTEXT,
  SpanKind,
  trace,
} from '@opentelemetry/api';
import { TraceState } from '@opentelemetry/core';
import { SamplingDecision } from '@opentelemetry/sdk-trace-base';
import { ConsistentRatioSampler } from '@spanfuse/sampler';
import { afterEach, describe, expect, it, vi } from 'vitest';

const keptAtQuarter = `${'0'.repeat(18)}ffffffffffffff`;
const droppedAtQuarter = `${'0'.repeat(18)}00000000000001`;

function sample(sampler: ConsistentRatioSampler, traceId: string, ctx = ROOT_CONTEXT) {
  return sampler.shouldSample(ctx, traceId, 'span', SpanKind.INTERNAL, {}, []);
}

describe('ConsistentRatioSampler', () => {
  afterEach(() => diag.disable());

  it('records the rejection threshold as ot=th:c for ratio 0.25', () => {
    const result = sample(new ConsistentRatioSampler(0.25), keptAtQuarter);
    expect(result.decision).toBe(SamplingDecision.RECORD_AND_SAMPLED);
    expect(result.traceState?.get('ot')).toBe('th:c');
  });

  it('encodes th without trailing zeros (0.05 → f3333333333333, 0.5 → 8, 1 → 0)', () => {
    expect(
      sample(new ConsistentRatioSampler(0.05), `${'0'.repeat(18)}ffffffffffffff`).traceState?.get('ot'),
    ).toBe('th:f3333333333333');
    expect(sample(new ConsistentRatioSampler(0.5), keptAtQuarter).traceState?.get('ot')).toBe('th:8');
    expect(sample(new ConsistentRatioSampler(1), droppedAtQuarter).traceState?.get('ot')).toBe('th:0');
  });

  it('drops a trace below the threshold and leaves no th behind', () => {
    const result = sample(new ConsistentRatioSampler(0.25), droppedAtQuarter);
    expect(result.decision).toBe(SamplingDecision.NOT_RECORD);
    expect(result.traceState?.get('ot')).toBeUndefined();
  });

  it('keeps other tracestate vendors and the rv sub-key of the incoming context', () => {
    const ctx = trace.setSpanContext(context.active(), {
      traceId: '0'.repeat(31) + '1',
      spanId: '0'.repeat(15) + '1',
      traceFlags: 0,
      traceState: new TraceState('vendor=x,ot=rv:ffffffffffffff'),
    });
    // invalid parent span id aside, the root sampler reads rv: ffff… passes 0.25
    const result = sample(new ConsistentRatioSampler(0.25), droppedAtQuarter, ctx);
    expect(result.decision).toBe(SamplingDecision.RECORD_AND_SAMPLED);
    expect(result.traceState?.get('ot')).toBe('th:c;rv:ffffffffffffff');
    expect(result.traceState?.get('vendor')).toBe('x');
  });

  it('warns once through diag and normalises a bad ratio', () => {
    const warn = vi.fn();
    diag.setLogger({ warn, error: vi.fn(), info: vi.fn(), debug: vi.fn(), verbose: vi.fn() } as DiagLogger, {
      logLevel: DiagLogLevel.WARN,
      suppressOverrideMessage: true,
    });
    expect(new ConsistentRatioSampler(Number.NaN).ratio).toBe(0);
    expect(new ConsistentRatioSampler(-1).ratio).toBe(0);
    expect(new ConsistentRatioSampler(2).ratio).toBe(1);
    expect(warn).toHaveBeenCalledTimes(3);
    expect(String(warn.mock.calls[2])).toContain('above 1');
  });

  it('describes itself in toString()', () => {
    expect(new ConsistentRatioSampler(0.25).toString()).toBe('ConsistentRatioSampler{ratio=0.25, th=c}');
  });
});
