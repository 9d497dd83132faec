// The telemetry of one OpenAI call: its CLIENT span, usage, cost and metrics, finished exactly
// once whichever observer (parsed body, raw response, stream end, error) gets there first.
import {
  type Attributes,
  type Histogram,
  type Span,
  SpanKind,
  SpanStatusCode,
  type Tracer,
} from '@opentelemetry/api';
import { computeCost, parseCost } from './cost.js';
import { classifyError } from './errors.js';
import { metricAttributes } from './metric-attributes.js';
import { type Endpoint, type HeadersLike, isLiteLLMResponse } from './provider.js';
import {
  ATTR_ERROR_TYPE,
  ATTR_GEN_AI_OPERATION_NAME,
  ATTR_GEN_AI_PROVIDER_NAME,
  ATTR_GEN_AI_REQUEST_MODEL,
  ATTR_GEN_AI_RESPONSE_ID,
  ATTR_GEN_AI_RESPONSE_MODEL,
  ATTR_GEN_AI_SYSTEM,
  ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_COST,
  ATTR_GEN_AI_USAGE_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_OUTPUT_TOKENS,
  ATTR_GEN_AI_USAGE_REASONING_OUTPUT_TOKENS,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  EVENT_GEN_AI_FIRST_TOKEN,
  type GenAIOperation,
  PROVIDER_LITELLM,
} from './semconv.js';
import type { PriceTable } from './types.js';

/** Resolved settings every call reads (config + env, computed once per setConfig). */
export interface CallSettings {
  captureContent: boolean;
  maxContentLength: number;
  injectStreamUsage: boolean;
  priceTable: PriceTable | undefined;
  providerName: string | undefined;
}

/** The GenAI client metrics. */
export interface CallMetrics {
  tokenUsage: Histogram;
  duration: Histogram;
}

/** The tracer, instruments and settings of the instrumentation. */
export interface CallTools {
  tracer: Tracer;
  /** Undefined without a MeterProvider (no-op instruments). */
  metrics: CallMetrics | undefined;
  settings: CallSettings;
}

/** Telemetry of one call; see the file comment. */
export class CallTelemetry {
  readonly span: Span;
  /** False for sampled-out spans: skip building attributes nobody will see. */
  readonly recording: boolean;
  /** Capture message content for this call (on in config and span recording). */
  readonly content: boolean;
  readonly maxContentLength: number;
  /** Add `stream_options.include_usage` to streamed requests (config). */
  readonly injectStreamUsage: boolean;
  private readonly tools: CallTools;
  private readonly startMs = performance.now();
  private readonly requestModel: string | undefined;
  private readonly operation: GenAIOperation;
  private provider: string;
  private readonly endpoint: Endpoint;
  private responseModel: string | undefined;
  private inputTokens: number | undefined;
  private outputTokens: number | undefined;
  private cachedTokens: number | undefined;
  private reasoningTokens: number | undefined;
  private cost: number | undefined;
  private sawFirstToken = false;
  private ended = false;

  constructor(
    tools: CallTools,
    operation: GenAIOperation,
    endpoint: Endpoint,
    requestModel: unknown,
    attributes: Attributes,
  ) {
    this.tools = tools;
    this.operation = operation;
    this.endpoint = endpoint;
    this.provider = endpoint.provider;
    this.requestModel = typeof requestModel === 'string' ? requestModel : undefined;
    attributes[ATTR_GEN_AI_OPERATION_NAME] = operation;
    attributes[ATTR_GEN_AI_PROVIDER_NAME] = endpoint.provider;
    attributes[ATTR_GEN_AI_SYSTEM] = endpoint.provider;
    if (this.requestModel) attributes[ATTR_GEN_AI_REQUEST_MODEL] = this.requestModel;
    if (endpoint.address) attributes[ATTR_SERVER_ADDRESS] = endpoint.address;
    if (endpoint.port) attributes[ATTR_SERVER_PORT] = endpoint.port;
    const name = this.requestModel ? `${operation} ${this.requestModel}` : operation;
    this.span = tools.tracer.startSpan(name, { kind: SpanKind.CLIENT, attributes });
    this.recording = this.span.isRecording();
    this.content = this.recording && tools.settings.captureContent;
    this.maxContentLength = tools.settings.maxContentLength;
    this.injectStreamUsage = tools.settings.injectStreamUsage;
  }

  /** Sets an attribute unless the value is missing. */
  set(key: string, value: unknown): void {
    if (value === undefined || value === null || !this.recording) return;
    if (
      typeof value === 'string' ||
      typeof value === 'number' ||
      typeof value === 'boolean' ||
      Array.isArray(value)
    ) {
      this.span.setAttribute(key, value as string);
    }
  }

  /** Records the response id and model. */
  setResponse(id: unknown, model: unknown): void {
    if (typeof model === 'string') this.responseModel = model;
    this.set(ATTR_GEN_AI_RESPONSE_ID, id);
    this.set(ATTR_GEN_AI_RESPONSE_MODEL, model);
  }

  /** Records token usage; `input` includes cached tokens and `output` reasoning tokens (OpenAI's counting). */
  setUsage(
    input: unknown,
    output: unknown,
    cached: unknown,
    reasoning: unknown,
    providerCost?: unknown,
  ): void {
    if (typeof input === 'number') this.inputTokens = input;
    if (typeof output === 'number') this.outputTokens = output;
    if (typeof cached === 'number') this.cachedTokens = cached;
    if (typeof reasoning === 'number') this.reasoningTokens = reasoning;
    const cost = parseCost(providerCost);
    if (cost !== undefined && this.cost === undefined) this.cost = cost;
  }

  /** Reads what the HTTP response headers tell (LiteLLM proxy and its cost). */
  onHeaders(headers: HeadersLike | undefined): void {
    if (!headers || typeof headers.get !== 'function') return;
    const cost = parseCost(headers.get('x-litellm-response-cost'));
    if (cost !== undefined) this.cost = cost;
    if (
      !this.tools.settings.providerName &&
      this.provider !== PROVIDER_LITELLM &&
      (cost !== undefined || isLiteLLMResponse(headers))
    ) {
      this.provider = PROVIDER_LITELLM;
      this.set(ATTR_GEN_AI_PROVIDER_NAME, PROVIDER_LITELLM);
      this.set(ATTR_GEN_AI_SYSTEM, PROVIDER_LITELLM);
    }
  }

  /** Marks the first streamed token with the `gen_ai.first_token` event (its time is the TTFT). */
  firstToken(): void {
    if (this.sawFirstToken) return;
    this.sawFirstToken = true;
    if (this.recording) this.span.addEvent(EVENT_GEN_AI_FIRST_TOKEN);
  }

  /** Ends the call once; later calls are ignored. */
  end(error?: unknown): void {
    if (this.ended) return;
    this.ended = true;
    const span = this.span;
    let errorType: string | undefined;
    if (error !== undefined) {
      errorType = classifyError(error);
      span.setAttribute(ATTR_ERROR_TYPE, errorType);
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error)?.message });
    }
    this.recordUsage();
    span.end();
    this.recordMetrics(errorType);
  }

  private recordUsage(): void {
    if (!this.recording) return;
    const span = this.span;
    if (this.inputTokens !== undefined) span.setAttribute(ATTR_GEN_AI_USAGE_INPUT_TOKENS, this.inputTokens);
    if (this.outputTokens !== undefined)
      span.setAttribute(ATTR_GEN_AI_USAGE_OUTPUT_TOKENS, this.outputTokens);
    if (this.cachedTokens !== undefined)
      span.setAttribute(ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS, this.cachedTokens);
    if (this.reasoningTokens !== undefined)
      span.setAttribute(ATTR_GEN_AI_USAGE_REASONING_OUTPUT_TOKENS, this.reasoningTokens);
    const cost =
      this.cost ??
      computeCost(
        this.tools.settings.priceTable,
        this.responseModel,
        this.requestModel,
        this.inputTokens,
        this.outputTokens,
        this.cachedTokens,
      );
    if (cost !== undefined) span.setAttribute(ATTR_GEN_AI_USAGE_COST, cost);
  }

  private recordMetrics(errorType: string | undefined): void {
    const metrics = this.tools.metrics;
    if (metrics === undefined) return;
    const endpoint = this.endpoint;
    const attrs = metricAttributes(
      this.operation,
      this.provider,
      this.requestModel,
      this.responseModel,
      endpoint.address,
      endpoint.port,
      errorType,
    );
    metrics.duration.record((performance.now() - this.startMs) / 1000, attrs.duration);
    if (this.inputTokens !== undefined) metrics.tokenUsage.record(this.inputTokens, attrs.input);
    if (this.outputTokens !== undefined) metrics.tokenUsage.record(this.outputTokens, attrs.output);
  }
}
