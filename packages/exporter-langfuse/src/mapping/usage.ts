/**
 * Token usage as Langfuse's `usage_details`, computed like the server
 * (`extractGenericGenAiUsageDetails`) so that what we send is what the server would have derived:
 *
 * - `langfuse.observation.usage_details` (JSON) wins as it is.
 * - Otherwise every `gen_ai.usage.*` and `llm.token_count.*` count is read. Reported input
 *   counts INCLUDE cached tokens (OpenAI `prompt_tokens`, semconv `gen_ai.usage.input_tokens`,
 *   OpenInference `llm.token_count.prompt`), so `input` = input − cache read − cache creation,
 *   with `input_cached_tokens` / `input_cache_creation` beside it; likewise `output` = output −
 *   reasoning − audio, with `output_reasoning_tokens` / `output_audio_tokens`. `total` is kept as
 *   reported. Unknown counts keep their name (`details.` stripped).
 * - Vercel AI `ai.usage.*` (promptTokens/inputTokens, completionTokens/outputTokens,
 *   tokens/totalTokens, cachedInputTokens, reasoningTokens) fill what `gen_ai.usage.*` did not
 *   give, on generation and embedding observations only: the SDK's outer `ai.generateText` span
 *   repeats its children's usage, and counting it twice would double the trace's tokens.
 */
import type { Attributes } from '@opentelemetry/api';
import { GEN_AI, LANGFUSE, OPENINFERENCE, TRACELOOP, VERCEL_AI } from '../attributes.js';
import type { ObservationType, UsageDetails } from '../model/observation.js';
import type { AttributeIndex } from './attribute-index.js';
import { numbersOnly } from './cost.js';
import { readJsonObject, readNumber } from './read.js';

const INPUT = ['prompt_tokens', 'input_tokens', 'prompt'];
const OUTPUT = ['completion_tokens', 'output_tokens', 'completion'];
const TOTAL = ['total_tokens', 'total'];
const CACHE_READ = [
  'cache_read.input_tokens',
  'cache_read_input_tokens',
  'cache_read_tokens',
  'details.cache_read_tokens',
  'details.cache_read_input_tokens',
  'prompt_details.cache_read',
  'input_cached_tokens',
  'cached_tokens',
  'input_tokens_details.cached_tokens',
  'prompt_tokens_details.cached_tokens',
];
const CACHE_CREATION = [
  'cache_creation.input_tokens',
  'cache_creation_input_tokens',
  'cache_write_tokens',
  'details.cache_write_tokens',
  'details.cache_creation_input_tokens',
  'prompt_details.cache_write',
  'input_cache_creation',
];
const REASONING = [
  'reasoning.output_tokens',
  'completion_details.reasoning',
  'reasoning_tokens',
  'output_tokens_details.reasoning_tokens',
  'completion_tokens_details.reasoning_tokens',
];
const AUDIO = ['completion_details.audio'];
const KNOWN = new Set([
  ...INPUT,
  ...OUTPUT,
  ...TOTAL,
  ...CACHE_READ,
  ...CACHE_CREATION,
  ...REASONING,
  ...AUDIO,
]);

const VERCEL_INPUT = ['promptTokens', 'inputTokens'];
const VERCEL_OUTPUT = ['completionTokens', 'outputTokens'];
const VERCEL_TOTAL = ['tokens', 'totalTokens'];

function first(raw: Record<string, number>, keys: string[]): number | undefined {
  for (const key of keys) {
    const value = raw[key];
    if (value !== undefined) return value;
  }
  return undefined;
}

function collect(attributes: Attributes, keys: string[] | undefined): Record<string, number> {
  const raw: Record<string, number> = {};
  if (keys === undefined) return raw;
  for (const key of keys) {
    const value = readNumber(attributes, key);
    if (value === undefined || value < 0) continue;
    const name = key.startsWith(GEN_AI.USAGE_PREFIX)
      ? key.slice(GEN_AI.USAGE_PREFIX.length)
      : key.slice(OPENINFERENCE.TOKEN_COUNT_PREFIX.length);
    raw[name] = value;
  }
  return raw;
}

/** Usage details of a span, or undefined when it reports no token counts. */
export function usageOf(index: AttributeIndex, type: ObservationType): UsageDetails | undefined {
  const attributes = index.attributes;
  const explicit = readJsonObject(attributes, LANGFUSE.OBSERVATION_USAGE_DETAILS);
  if (explicit !== undefined) return numbersOnly(explicit);

  const raw = collect(attributes, index.usage);
  let input = first(raw, INPUT);
  let output = first(raw, OUTPUT);
  let total = first(raw, TOTAL) ?? readNumber(attributes, TRACELOOP.LLM_USAGE_TOTAL_TOKENS);
  let cacheRead = first(raw, CACHE_READ);
  const cacheCreation = first(raw, CACHE_CREATION);
  let reasoning = first(raw, REASONING);
  const audio = first(raw, AUDIO);

  if (index.vercelUsage !== undefined) {
    const vercel = vercelCounts(attributes);
    if (type === 'generation' || type === 'embedding') {
      input ??= vercel.input;
      output ??= vercel.output;
      total ??= vercel.total;
    }
    cacheRead ??= vercel.cached;
    reasoning ??= vercel.reasoning;
  }

  const usage: UsageDetails = {};
  for (const key of Object.keys(raw)) {
    if (!KNOWN.has(key)) usage[key.startsWith('details.') ? key.slice(8) : key] = raw[key] as number;
  }
  if (input !== undefined) {
    usage.input = Math.max(input - (cacheRead ?? 0) - (cacheCreation ?? 0), 0);
  }
  if (output !== undefined) {
    usage.output = Math.max(output - (reasoning ?? 0) - (audio ?? 0), 0);
  }
  if (total !== undefined) usage.total = total;
  if (cacheRead !== undefined) usage.input_cached_tokens = cacheRead;
  if (cacheCreation !== undefined) usage.input_cache_creation = cacheCreation;
  if (reasoning !== undefined) usage.output_reasoning_tokens = reasoning;
  if (audio !== undefined) usage.output_audio_tokens = audio;
  return Object.keys(usage).length > 0 ? usage : undefined;
}

function vercelCounts(attributes: Attributes) {
  const read = (names: string[]) => {
    for (const name of names) {
      const value = readNumber(attributes, VERCEL_AI.USAGE_PREFIX + name);
      if (value !== undefined && value >= 0) return value;
    }
    return undefined;
  };
  return {
    input: read(VERCEL_INPUT),
    output: read(VERCEL_OUTPUT),
    total: read(VERCEL_TOTAL),
    cached: read(['cachedInputTokens']),
    reasoning: read(['reasoningTokens']),
  };
}
