import { getSpanfuseSampler } from '@spanfuse/node';
import { describe, expect, it } from 'vitest';

describe('getSpanfuseSampler', () => {
  it('is a LangfuseRatioSampler at LANGFUSE_SAMPLE_RATE by default', () => {
    expect(getSpanfuseSampler({}).toString()).toBe(
      'LangfuseRatioSampler{root=ConsistentRatioSampler{ratio=1, th=0}}',
    );
    expect(getSpanfuseSampler({ LANGFUSE_SAMPLE_RATE: '0.25' }).toString()).toContain('ratio=0.25, th=c');
  });

  it("is the user's OTEL_TRACES_SAMPLER when set", () => {
    const sampler = getSpanfuseSampler({
      OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
      OTEL_TRACES_SAMPLER_ARG: '0.1',
    });
    expect(sampler.toString()).toContain('TraceIdRatioBased{0.1}');
    expect(getSpanfuseSampler({ OTEL_TRACES_SAMPLER: 'always_off' }).toString()).toBe('AlwaysOffSampler');
  });
});
