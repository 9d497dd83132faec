// Pure helpers of OTel consistent probability sampling (the `th`/`rv` tracestate keys).
// Spec: https://opentelemetry.io/docs/specs/otel/trace/tracestate-probability-sampling/
// Randomness R is 56 bits: the explicit `rv` from tracestate when present, else the trace id's
// 7 rightmost bytes (W3C Trace Context level 2 makes those random). A span is kept when
// R >= T, with the rejection threshold T = (1 - p) * 2^56. Both are compared as 14-digit
// lowercase hex strings: for fixed-width hex, string order equals numeric order (no BigInt on the hot path).

const RANDOMNESS_HEX_DIGITS = 14;
const MAX_THRESHOLD = 2 ** 56;
const HEX_14 = /^[0-9a-f]{14}$/;

/** A ratio in [0, 1] turned into its rejection threshold. `null` means "never sample". */
export interface ConsistentThreshold {
  /** The ratio actually applied, in [0, 1]. */
  readonly ratio: number;
  /** T as 14 lowercase hex digits, or `null` for ratio 0 (T = 2^56 does not fit 56 bits). */
  readonly thresholdHex: string | null;
  /** T encoded for tracestate `ot=th:<hex>`: hex without trailing zeros, `0` for ratio 1. */
  readonly th: string | null;
}

/**
 * Computes the rejection threshold for a sampling ratio.
 * @param ratio - a normalised ratio in [0, 1] (see {@link normalizeRatio}).
 */
export function thresholdForRatio(ratio: number): ConsistentThreshold {
  // T = 2^56 - round(p * 2^56): scaling a double by a power of two is exact, whereas
  // (1 - p) * 2^56 loses the low bits (0.05 would give th:f333333333333 instead of f3333333333333).
  const kept = BigInt(Math.round(ratio * MAX_THRESHOLD));
  if (kept === 0n) return { ratio, thresholdHex: null, th: null };
  const thresholdHex = ((1n << 56n) - kept).toString(16).padStart(RANDOMNESS_HEX_DIGITS, '0');
  const th = thresholdHex.replace(/0+$/, '') || '0';
  return { ratio, thresholdHex, th };
}

/** The 56-bit randomness of a trace id: its 14 rightmost hex digits, lowercased. */
export function randomnessFromTraceId(traceId: string): string {
  return traceId.slice(-RANDOMNESS_HEX_DIGITS).toLowerCase();
}

/**
 * Reads the explicit randomness `rv` from the `ot` tracestate value (`th:c;rv:0123456789abcd`).
 * @returns the 14 hex digits, or `undefined` when absent or malformed (then the trace id is used).
 */
export function randomnessFromOtValue(otValue: string | undefined): string | undefined {
  if (!otValue) return undefined;
  for (const part of otValue.split(';')) {
    if (part.startsWith('rv:')) {
      const rv = part.slice(3);
      return HEX_14.test(rv) ? rv : undefined;
    }
  }
  return undefined;
}

/**
 * The randomness R of a trace: the explicit `rv` of its `ot` tracestate value when valid, else
 * the trace id's 7 rightmost bytes.
 */
export function randomnessOf(traceId: string, otValue: string | undefined): string {
  return randomnessFromOtValue(otValue) ?? randomnessFromTraceId(traceId);
}

/** Returns the `ot` tracestate value with `th` set to `th` (or removed when `null`), other sub-keys kept. */
export function withThreshold(otValue: string | undefined, th: string | null): string {
  const rest = (otValue ?? '').split(';').filter((part) => part !== '' && !part.startsWith('th:'));
  return (th === null ? rest : [`th:${th}`, ...rest]).join(';');
}

/** Whether randomness (14 hex digits) passes the threshold. */
export function passesThreshold(randomnessHex: string, threshold: ConsistentThreshold): boolean {
  if (threshold.thresholdHex === null) return false;
  return randomnessHex >= threshold.thresholdHex;
}

/**
 * Clamps a ratio into [0, 1].
 * @returns the usable ratio and, when the input was unusable, a reason for a diag line.
 */
export function normalizeRatio(ratio: unknown): { ratio: number; problem?: string } {
  if (typeof ratio !== 'number' || Number.isNaN(ratio)) {
    return { ratio: 0, problem: `ratio ${String(ratio)} is not a number in [0, 1]; using 0` };
  }
  if (ratio < 0) return { ratio: 0, problem: `ratio ${ratio} is below 0; using 0` };
  if (ratio > 1) return { ratio: 1, problem: `ratio ${ratio} is above 1; using 1` };
  return { ratio };
}
