// Cost of a call in USD from a price table (USD per 1M tokens). OpenAI counts cached tokens inside
// the input tokens and reasoning tokens inside the output tokens, and bills them that way.
import type { PriceTable } from './types.js';

/** USD cost from the table, or undefined when neither model is priced or no usage is known. */
export function computeCost(
  table: PriceTable | undefined,
  responseModel: string | undefined,
  requestModel: string | undefined,
  inputTokens: number | undefined,
  outputTokens: number | undefined,
  cachedTokens: number | undefined,
): number | undefined {
  if (!table || (inputTokens === undefined && outputTokens === undefined)) return undefined;
  const price = (responseModel && table[responseModel]) || (requestModel && table[requestModel]) || undefined;
  if (!price) return undefined;
  const cached = Math.min(cachedTokens ?? 0, inputTokens ?? 0);
  const uncached = (inputTokens ?? 0) - cached;
  const usd =
    uncached * price.input + cached * (price.cached ?? price.input) + (outputTokens ?? 0) * price.output;
  return usd / 1_000_000;
}

/** Parses a provider-reported cost (header text or number); undefined when not a finite number ≥ 0. */
export function parseCost(value: unknown): number | undefined {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && value !== ''
        ? Number(value)
        : Number.NaN;
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}
