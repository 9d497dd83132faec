/**
 * One pass over a span's attribute keys that sorts the prefix families every extractor needs
 * (usage counts, request parameters, flattened messages, metadata), so that no extractor scans
 * the attributes again. Exact keys are read directly by the extractors (hash lookups).
 */
import type { Attributes } from '@opentelemetry/api';
import { GEN_AI, LANGFUSE, OPENINFERENCE, SPANFUSE, VERCEL_AI } from '../attributes.js';
import { isConsumedKey } from './consumed-keys.js';

/** Keys of a span's attributes, sorted by family. Arrays are absent when the family is empty. */
export interface AttributeIndex {
  readonly attributes: Attributes;
  /** `gen_ai.usage.*` (not `.cost`) and `llm.token_count.*`. */
  usage?: string[];
  /** `ai.usage.*` (Vercel AI SDK). */
  vercelUsage?: string[];
  /** `gen_ai.request.*` except the model. */
  requestParameters?: string[];
  /** `ai.settings.*` (Vercel AI SDK). */
  vercelSettings?: string[];
  /** `spanfuse.cost.*`. */
  spanfuseCost?: string[];
  /** Flattened `gen_ai.prompt.N.*` / `gen_ai.completion.N.*` (OpenLLMetry, older semconv). */
  genAiPrompt?: string[];
  genAiCompletion?: string[];
  /** Flattened `llm.input_messages.N.*` / `llm.output_messages.N.*` (OpenInference). */
  llmInputMessages?: string[];
  llmOutputMessages?: string[];
  /** `langfuse.observation.metadata.*` and `langfuse.trace.metadata.*`. */
  observationMetadata?: string[];
  traceMetadata?: string[];
  /** `ai.telemetry.metadata.*` (Vercel AI SDK user metadata). */
  vercelMetadata?: string[];
  /** Keys the mapping does not turn into a Langfuse field: they go to metadata as they are. */
  leftovers?: string[];
}

const OBS_META = `${LANGFUSE.OBSERVATION_METADATA}.`;
const TRACE_META = `${LANGFUSE.TRACE_METADATA}.`;

/** Sorts the attribute keys of one span into families (one loop, no regex, no copies). */
export function indexAttributes(attributes: Attributes): AttributeIndex {
  // Every field present from the start: one object shape for all spans keeps V8's access
  // sites monomorphic (adding fields in span-dependent order would not).
  const index: AttributeIndex = {
    attributes,
    usage: undefined,
    vercelUsage: undefined,
    requestParameters: undefined,
    vercelSettings: undefined,
    spanfuseCost: undefined,
    genAiPrompt: undefined,
    genAiCompletion: undefined,
    llmInputMessages: undefined,
    llmOutputMessages: undefined,
    observationMetadata: undefined,
    traceMetadata: undefined,
    vercelMetadata: undefined,
    leftovers: undefined,
  };
  const keys = Object.keys(attributes);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const family = familyOf(key);
    if (family !== undefined) {
      let list = index[family];
      if (list === undefined) {
        list = [];
        index[family] = list;
      }
      list.push(key);
    }
  }
  return index;
}

type Family = Exclude<keyof AttributeIndex, 'attributes'>;

/** `prefix` itself or `prefix.…` (so `gen_ai.prompt_template` is not a `gen_ai.prompt` key). */
function isFamily(key: string, prefix: string): boolean {
  return key.startsWith(prefix) && (key.length === prefix.length || key.charCodeAt(prefix.length) === 46);
}

// Dispatch on the first character first: most keys (http.*, db.*, net.*) leave after one compare.
function familyOf(key: string): Family | undefined {
  switch (key.charCodeAt(0)) {
    case 103: // g
      if (key.startsWith(GEN_AI.USAGE_PREFIX)) {
        return key === GEN_AI.USAGE_COST ? undefined : 'usage';
      }
      if (key.startsWith(GEN_AI.REQUEST_PREFIX)) {
        return key === GEN_AI.REQUEST_MODEL ? undefined : 'requestParameters';
      }
      if (isFamily(key, GEN_AI.PROMPT_PREFIX)) return 'genAiPrompt';
      if (isFamily(key, GEN_AI.COMPLETION_PREFIX)) return 'genAiCompletion';
      break;
    case 108: // l
      if (key.startsWith(OPENINFERENCE.TOKEN_COUNT_PREFIX)) return 'usage';
      if (isFamily(key, OPENINFERENCE.INPUT_MESSAGES_PREFIX)) return 'llmInputMessages';
      if (isFamily(key, OPENINFERENCE.OUTPUT_MESSAGES_PREFIX)) return 'llmOutputMessages';
      if (key.startsWith(OBS_META)) return 'observationMetadata';
      if (key.startsWith(TRACE_META)) return 'traceMetadata';
      break;
    case 97: // a
      if (key.startsWith(VERCEL_AI.USAGE_PREFIX)) return 'vercelUsage';
      if (key.startsWith(VERCEL_AI.SETTINGS_PREFIX)) return 'vercelSettings';
      if (key.startsWith(VERCEL_AI.TELEMETRY_METADATA_PREFIX)) return 'vercelMetadata';
      break;
    case 115: // s
      if (key.startsWith(SPANFUSE.COST_PREFIX)) return 'spanfuseCost';
      break;
  }
  return isConsumedKey(key) ? undefined : 'leftovers';
}
