import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  ParentBasedSampler,
  type Sampler,
  TraceIdRatioBasedSampler,
} from '@opentelemetry/sdk-trace-base';
import { LangfuseRatioSampler } from '@spanfuse/sampler';
import type { SpanfuseConfig, TracesSamplerSpec } from '../config/types.js';

/** Builds the sampler an `OTEL_TRACES_SAMPLER` value names. */
export function samplerFromSpec(spec: TracesSamplerSpec): Sampler {
  switch (spec.name) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return new TraceIdRatioBasedSampler(spec.ratio);
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(spec.ratio) });
    default:
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
  }
}

/**
 * The head sampler: the user's `OTEL_TRACES_SAMPLER` when set (it then rules Tempo, and Langfuse
 * gets a consistent subset through the span filter), else `LANGFUSE_SAMPLE_RATE` via
 * {@link LangfuseRatioSampler}.
 */
export function samplerFromConfig(config: SpanfuseConfig): Sampler {
  if (config.userSampler) return samplerFromSpec(config.userSampler);
  return new LangfuseRatioSampler(config.langfuse.sampleRate);
}
