import type { InstrumentationConfig } from '@opentelemetry/instrumentation';

/** Prices of one model in USD per 1 million tokens. */
export interface ModelPrice {
  /** USD per 1M uncached input tokens. */
  input: number;
  /** USD per 1M output tokens (reasoning tokens included, as OpenAI bills them). */
  output: number;
  /** USD per 1M cached input tokens. @defaultValue the `input` price */
  cached?: number;
}

/**
 * Prices by model name, looked up by the response model first, then the request model (exact
 * names, e.g. both `gpt-4o-mini` and `gpt-4o-mini-2024-07-18` if the API answers with a dated one).
 */
export type PriceTable = Record<string, ModelPrice>;

/**
 * Options of {@link OpenAIInstrumentation}.
 *
 * @example
 * ```ts
 * new OpenAIInstrumentation({
 *   captureMessageContent: false,
 *   priceTable: { 'gpt-4o-mini': { input: 0.15, cached: 0.075, output: 0.6 } },
 * });
 * ```
 */
export interface OpenAIInstrumentationConfig extends InstrumentationConfig {
  /**
   * Record prompts and completions (`gen_ai.input.messages`, `gen_ai.system_instructions`,
   * `gen_ai.output.messages`, `gen_ai.tool.definitions` stays on regardless).
   * When not set, the env variable `OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT`
   * decides (`false`/`0` turn it off).
   * @defaultValue true
   */
  captureMessageContent?: boolean;
  /**
   * Longest text kept per content part (message text, tool arguments, tool results); longer text
   * is cut and ends with `…[truncated N chars]`, so the attribute stays valid JSON.
   * @defaultValue 16384
   */
  maxContentLength?: number;
  /**
   * Add `stream_options: { include_usage: true }` to streamed chat and legacy completion requests
   * that do not set it, so that token usage is known. The extra usage-only chunk (empty
   * `choices`) is swallowed and the `usage: null` field removed from other chunks, so the app sees
   * the chunks it would have seen without the option. Turn off for OpenAI-compatible servers that
   * reject `stream_options`.
   * @defaultValue true
   */
  injectStreamUsage?: boolean;
  /**
   * USD prices per 1M tokens to compute `gen_ai.usage.cost` when the provider reports no cost
   * (LiteLLM's `x-litellm-response-cost` header and OpenRouter's `usage.cost` win).
   * @defaultValue undefined (no computed cost)
   */
  priceTable?: PriceTable;
  /**
   * Force `gen_ai.provider.name` instead of detecting it from the client's `baseURL`
   * (e.g. `'litellm'` for a LiteLLM proxy that does not send its `x-litellm-*` headers).
   * @defaultValue undefined (detected)
   */
  providerName?: string;
}
