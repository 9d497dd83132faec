/**
 * Cost in USD, first source found:
 * `langfuse.observation.cost_details` (JSON) > `spanfuse.cost.*` (input/output/total…, numbers)
 * > `gen_ai.usage.cost` (total) > OpenInference `llm.cost.total` / `.prompt` / `.completion`.
 * Without any, Langfuse prices the usage with its model table (server side).
 */
import type { Attributes } from '@opentelemetry/api';
import { GEN_AI, LANGFUSE, OPENINFERENCE, SPANFUSE } from '../attributes.js';
import type { CostDetails } from '../model/observation.js';
import type { AttributeIndex } from './attribute-index.js';
import { readJsonObject, readNumber, toNumber } from './read.js';

/** Cost details of a span, or undefined when it reports no cost. */
export function costOf(index: AttributeIndex): CostDetails | undefined {
  const attributes = index.attributes;
  const explicit = readJsonObject(attributes, LANGFUSE.OBSERVATION_COST_DETAILS);
  if (explicit !== undefined) return numbersOnly(explicit);

  if (index.spanfuseCost !== undefined) {
    const cost: CostDetails = {};
    for (const key of index.spanfuseCost) {
      const value = readNumber(attributes, key);
      if (value !== undefined) cost[key.slice(SPANFUSE.COST_PREFIX.length)] = value;
    }
    if (Object.keys(cost).length > 0) return cost;
  }

  const genAiTotal = readNumber(attributes, GEN_AI.USAGE_COST);
  if (genAiTotal !== undefined) return { total: genAiTotal };

  return openInferenceCost(attributes);
}

function openInferenceCost(attributes: Attributes): CostDetails | undefined {
  const total = readNumber(attributes, OPENINFERENCE.COST_TOTAL);
  const input = readNumber(attributes, OPENINFERENCE.COST_PROMPT);
  const output = readNumber(attributes, OPENINFERENCE.COST_COMPLETION);
  if (total === undefined && input === undefined && output === undefined) return undefined;
  const cost: CostDetails = {};
  if (input !== undefined) cost.input = input;
  if (output !== undefined) cost.output = output;
  if (total !== undefined) cost.total = total;
  return cost;
}

/** Keeps the finite numeric entries of a parsed JSON object ("0.5" accepted). */
export function numbersOnly(source: Record<string, unknown>): Record<string, number> | undefined {
  const out: Record<string, number> = {};
  let any = false;
  for (const key of Object.keys(source)) {
    const value = toNumber(source[key]);
    if (value !== undefined) {
      out[key] = value;
      any = true;
    }
  }
  return any ? out : undefined;
}
