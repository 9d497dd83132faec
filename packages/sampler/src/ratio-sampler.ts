import type { Attributes, Context, Link, SpanKind } from '@opentelemetry/api';
import { ParentBasedSampler, type Sampler, type SamplingResult } from '@opentelemetry/sdk-trace-base';
import { ConsistentRatioSampler } from './consistent-ratio-sampler.js';

/**
 * The head sampler behind `LANGFUSE_SAMPLE_RATE`: parent-based (a span with a local or remote
 * parent follows the parent's sampled flag, so a trace is never cut in half), with a
 * {@link ConsistentRatioSampler} at the root. Deterministic by trace id, so every process agrees.
 * Model: opentelemetry-js `ParentBasedSampler` holding a `TraceIdRatioBasedSampler`.
 *
 * @example
 * new NodeTracerProvider({ sampler: new LangfuseRatioSampler(0.25) })
 */
export class LangfuseRatioSampler implements Sampler {
  private readonly _root: ConsistentRatioSampler;
  private readonly _parentBased: ParentBasedSampler;

  /**
   * @param ratio - share of traces kept, in [0, 1] (env `LANGFUSE_SAMPLE_RATE`).
   * NaN, < 0 or > 1 are clamped to [0, 1] (NaN → 0) with one diag warning.
   * @defaultValue 1
   */
  constructor(ratio = 1) {
    this._root = new ConsistentRatioSampler(ratio);
    this._parentBased = new ParentBasedSampler({ root: this._root });
  }

  /** The ratio actually applied, after normalisation. */
  get ratio(): number {
    return this._root.ratio;
  }

  shouldSample(
    context: Context,
    traceId: string,
    spanName: string,
    spanKind: SpanKind,
    attributes: Attributes,
    links: Link[],
  ): SamplingResult {
    return this._parentBased.shouldSample(context, traceId, spanName, spanKind, attributes, links);
  }

  toString(): string {
    return `LangfuseRatioSampler{root=${this._root.toString()}}`;
  }
}
