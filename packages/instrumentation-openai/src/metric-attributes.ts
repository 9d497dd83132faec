// Attribute sets of the GenAI client metrics, cached by their values: a call records up to three
// measurements whose attribute objects differ only by error.type / gen_ai.token.type, and an app
// sees few distinct (operation, provider, model, server) combinations. Building them per call
// (object spreads over dotted keys) cost more than the recording itself.
import type { Attributes } from '@opentelemetry/api';
import {
  ATTR_ERROR_TYPE,
  ATTR_GEN_AI_OPERATION_NAME,
  ATTR_GEN_AI_PROVIDER_NAME,
  ATTR_GEN_AI_REQUEST_MODEL,
  ATTR_GEN_AI_RESPONSE_MODEL,
  ATTR_GEN_AI_TOKEN_TYPE,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
} from './semconv.js';

/** Attributes of the duration histogram and of the input/output token histogram. */
export interface MetricAttributeSet {
  duration: Attributes;
  input: Attributes;
  output: Attributes;
}

const cache = new Map<string, MetricAttributeSet>();
// Bounded: model names come from the app and the provider, not from user input, but stay safe.
const CACHE_LIMIT = 512;

interface LastUsed {
  operation: string;
  provider: string;
  requestModel: string | undefined;
  responseModel: string | undefined;
  address: string | undefined;
  port: number | undefined;
  errorType: string | undefined;
  set: MetricAttributeSet;
}
let lastUsed: LastUsed | undefined;

/**
 * The (shared, never mutated) attribute objects for these dimensions; empty or missing values are
 * left out of the attributes. Positional parameters: no argument object per call.
 */
export function metricAttributes(
  operation: string,
  provider: string,
  requestModel: string | undefined,
  responseModel: string | undefined,
  address: string | undefined,
  port: number | undefined,
  errorType: string | undefined,
): MetricAttributeSet {
  // Fast path: consecutive calls usually share every dimension; no key string then.
  const last = lastUsed;
  if (
    last !== undefined &&
    last.operation === operation &&
    last.provider === provider &&
    last.requestModel === requestModel &&
    last.responseModel === responseModel &&
    last.address === address &&
    last.port === port &&
    last.errorType === errorType
  )
    return last.set;
  const key = `${operation}\n${provider}\n${requestModel || ''}\n${responseModel || ''}\n${address || ''}\n${
    port || ''
  }\n${errorType || ''}`;
  let set = cache.get(key);
  if (set === undefined) {
    set = buildSet(operation, provider, requestModel, responseModel, address, port, errorType);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, set);
  }
  lastUsed = { operation, provider, requestModel, responseModel, address, port, errorType, set };
  return set;
}

function buildSet(
  operation: string,
  provider: string,
  requestModel: string | undefined,
  responseModel: string | undefined,
  address: string | undefined,
  port: number | undefined,
  errorType: string | undefined,
): MetricAttributeSet {
  const base: Attributes = {
    [ATTR_GEN_AI_OPERATION_NAME]: operation,
    [ATTR_GEN_AI_PROVIDER_NAME]: provider,
  };
  if (requestModel) base[ATTR_GEN_AI_REQUEST_MODEL] = requestModel;
  if (responseModel) base[ATTR_GEN_AI_RESPONSE_MODEL] = responseModel;
  if (address) base[ATTR_SERVER_ADDRESS] = address;
  if (port) base[ATTR_SERVER_PORT] = port;
  return {
    duration: errorType ? { ...base, [ATTR_ERROR_TYPE]: errorType } : base,
    input: { ...base, [ATTR_GEN_AI_TOKEN_TYPE]: 'input' },
    output: { ...base, [ATTR_GEN_AI_TOKEN_TYPE]: 'output' },
  };
}
