import {
  type Attributes,
  type Context,
  diag,
  isValidTraceId,
  type Link,
  type SpanKind,
  trace,
} from '@opentelemetry/api';
import { TraceState } from '@opentelemetry/core';
import { type Sampler, SamplingDecision, type SamplingResult } from '@opentelemetry/sdk-trace-base';
import {
  type ConsistentThreshold,
  normalizeRatio,
  passesThreshold,
  randomnessOf,
  thresholdForRatio,
  withThreshold,
} from './consistent-threshold.js';

const OT_KEY = 'ot';

/**
 * Root sampler of OTel consistent probability sampling: keeps a trace when its 56-bit randomness
 * (tracestate `rv`, else the trace id's 7 rightmost bytes) reaches `(1 - ratio) * 2^56`, and
 * records the threshold as `ot=th:<hex>` in tracestate so downstream samplers and backends can
 * extrapolate counts. Model: opentelemetry-js `TraceIdRatioBasedSampler`.
 * Spec: https://opentelemetry.io/docs/specs/otel/trace/tracestate-probability-sampling/
 */
export class ConsistentRatioSampler implements Sampler {
  private readonly _threshold: ConsistentThreshold;

  /**
   * @param ratio - share of traces kept, in [0, 1]. NaN/out-of-range values are clamped with one diag warning.
   */
  constructor(ratio: number) {
    const normalized = normalizeRatio(ratio);
    if (normalized.problem) {
      diag.createComponentLogger({ namespace: '@spanfuse/sampler' }).warn(normalized.problem);
    }
    this._threshold = thresholdForRatio(normalized.ratio);
  }

  /** The ratio actually applied, after normalisation. */
  get ratio(): number {
    return this._threshold.ratio;
  }

  shouldSample(
    context: Context,
    traceId: string,
    _spanName?: string,
    _spanKind?: SpanKind,
    _attributes?: Attributes,
    _links?: Link[],
  ): SamplingResult {
    if (!isValidTraceId(traceId)) return { decision: SamplingDecision.NOT_RECORD };
    const parentState = trace.getSpanContext(context)?.traceState;
    const otValue = parentState?.get(OT_KEY);
    const sampled = passesThreshold(randomnessOf(traceId, otValue), this._threshold);
    const newOt = withThreshold(otValue, sampled ? this._threshold.th : null);
    const base = parentState ?? new TraceState();
    const traceState = newOt === '' ? base.unset(OT_KEY) : base.set(OT_KEY, newOt);
    return {
      decision: sampled ? SamplingDecision.RECORD_AND_SAMPLED : SamplingDecision.NOT_RECORD,
      traceState,
    };
  }

  toString(): string {
    return `ConsistentRatioSampler{ratio=${this._threshold.ratio}, th=${this._threshold.th ?? 'none'}}`;
  }
}
