/**
 * Model parameters (temperature, max_tokens…), first source found, like the server's
 * `extractModelParameters`: `langfuse.observation.model.parameters` (JSON) > OpenInference
 * `llm.invocation_parameters` (JSON) > every `gen_ai.request.*` but the model
 * (temperature, top_p, max_tokens, max_completion_tokens, seed, frequency_penalty,
 * presence_penalty, stop_sequences, reasoning_effort…, prefix stripped) merged with Vercel AI
 * `ai.settings.*` (maxRetries, maxSteps…, prefix stripped; semconv names win on a clash).
 * Values stay numbers, strings or booleans; arrays and objects become JSON text.
 */
import type { Attributes, AttributeValue } from '@opentelemetry/api';
import { GEN_AI, LANGFUSE, OPENINFERENCE, VERCEL_AI } from '../attributes.js';
import type { ModelParameters } from '../model/observation.js';
import { safeJsonStringify } from '../safe-json.js';
import type { AttributeIndex } from './attribute-index.js';
import { readJsonObject } from './read.js';

// Parameters are small; anything bigger is not worth showing as a parameter.
const MAX_PARAMETER_BYTES = 4096;

/** Model parameters of a span, or undefined when it reports none. */
export function modelParametersOf(index: AttributeIndex): ModelParameters | undefined {
  const attributes = index.attributes;
  const explicit =
    readJsonObject(attributes, LANGFUSE.OBSERVATION_MODEL_PARAMETERS) ??
    readJsonObject(attributes, OPENINFERENCE.INVOCATION_PARAMETERS);
  if (explicit !== undefined) return fromObject(explicit);

  if (index.requestParameters === undefined && index.vercelSettings === undefined) {
    return undefined;
  }
  const params: ModelParameters = {};
  if (index.vercelSettings !== undefined) {
    copy(params, attributes, index.vercelSettings, VERCEL_AI.SETTINGS_PREFIX.length);
  }
  if (index.requestParameters !== undefined) {
    copy(params, attributes, index.requestParameters, GEN_AI.REQUEST_PREFIX.length);
  }
  return Object.keys(params).length > 0 ? params : undefined;
}

function copy(target: ModelParameters, attributes: Attributes, keys: string[], strip: number) {
  for (const key of keys) {
    const value = toParameter(attributes[key]);
    if (value !== undefined) target[key.slice(strip)] = value;
  }
}

function fromObject(source: Record<string, unknown>): ModelParameters | undefined {
  const params: ModelParameters = {};
  for (const key of Object.keys(source)) {
    const value = toParameter(source[key]);
    if (value !== undefined) params[key] = value;
  }
  return Object.keys(params).length > 0 ? params : undefined;
}

function toParameter(value: AttributeValue | unknown): string | number | boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  return safeJsonStringify(value, MAX_PARAMETER_BYTES);
}
