import type { SpanContext } from '@opentelemetry/api';
import { normalizeRatio, passesThreshold, randomnessOf, thresholdForRatio } from './consistent-threshold.js';

/** Anything with a span context: a `ReadableSpan`, a `Span`. */
export interface HasSpanContext {
  spanContext(): SpanContext;
}

/**
 * Builds the predicate that picks Langfuse's share of traces when another sampler (the user's
 * `OTEL_TRACES_SAMPLER`) decides what Tempo gets: the same trace-id rule as
 * {@link LangfuseRatioSampler}, so every process keeps or drops a whole trace and every trace in
 * Langfuse is also in Tempo. Honours an explicit `rv` in tracestate.
 *
 * @param ratio - share of traces passed, in [0, 1] (env `LANGFUSE_SAMPLE_RATE`); clamped like the sampler.
 * @example
 * const keep = createLangfuseSampledSpanFilter(0.1);
 * if (keep(span)) langfuseProcessor.onEnd(span);
 */
export function createLangfuseSampledSpanFilter(ratio: number): (span: HasSpanContext) => boolean {
  const threshold = thresholdForRatio(normalizeRatio(ratio).ratio);
  if (threshold.thresholdHex === null) return () => false;
  return (span) => {
    const ctx = span.spanContext();
    return passesThreshold(randomnessOf(ctx.traceId, ctx.traceState?.get('ot')), threshold);
  };
}
