// Public API of @spanfuse/sampler. Re-exports only.
export { ConsistentRatioSampler } from './consistent-ratio-sampler.js';
export { LangfuseRatioSampler } from './ratio-sampler.js';
export { createLangfuseSampledSpanFilter, type HasSpanContext } from './sampled-span-filter.js';
export { shouldSampleSpanContext, shouldSampleTraceId } from './should-sample-trace-id.js';
