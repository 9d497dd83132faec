import type { SpanContext } from '@opentelemetry/api';
import {
  normalizeRatio,
  passesThreshold,
  randomnessFromTraceId,
  randomnessOf,
  thresholdForRatio,
} from './consistent-threshold.js';

const VALID_TRACE_ID = /^[0-9a-fA-F]{32}$/;

/**
 * The trace-id rule every Spanfuse process applies: keeps a trace when the trace id's 56 least
 * significant bits reach the rejection threshold `(1 - ratio) * 2^56` (OTel consistent probability
 * sampling). Pure and deterministic, so independent processes agree on every trace.
 *
 * @param traceId - 32 hex digits.
 * @param ratio - in [0, 1]; NaN or out-of-range values are clamped (NaN → 0).
 * @example shouldSampleTraceId('4bf92f3577b34da6a3ce929d0e0e4736', 0.25) // → true or false, always the same
 */
export function shouldSampleTraceId(traceId: string, ratio: number): boolean {
  if (!VALID_TRACE_ID.test(traceId)) return false;
  return passesThreshold(randomnessFromTraceId(traceId), thresholdForRatio(normalizeRatio(ratio).ratio));
}

/**
 * Like {@link shouldSampleTraceId} but honours an explicit randomness `rv` in the span context's
 * `ot` tracestate entry, as the consistent-sampling spec requires.
 */
export function shouldSampleSpanContext(spanContext: SpanContext, ratio: number): boolean {
  if (!VALID_TRACE_ID.test(spanContext.traceId)) return false;
  const randomness = randomnessOf(spanContext.traceId, spanContext.traceState?.get('ot'));
  return passesThreshold(randomness, thresholdForRatio(normalizeRatio(ratio).ratio));
}
