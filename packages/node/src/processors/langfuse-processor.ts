import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { createLangfuseSampledSpanFilter } from '@spanfuse/sampler';
import type { LangfuseDestinationConfig } from '../config/types.js';
import type { LangfuseProcessorOptions, LangfuseSpanProcessorClass } from './langfuse-module.js';
import { TraceSubsetSpanProcessor } from './trace-subset-span-processor.js';

/** Maps our validated env config onto the Langfuse processor's options (explicit values win over its own env reading). */
export function langfuseProcessorOptions(config: LangfuseDestinationConfig): LangfuseProcessorOptions {
  const options: Record<string, unknown> = {
    publicKey: config.publicKey,
    secretKey: config.secretKey,
    baseUrl: config.baseUrl,
    environment: config.environment,
    release: config.release,
    flushAt: config.flushAt,
    flushInterval: config.flushInterval,
    timeout: config.timeout,
    maxRetries: config.maxRetries,
    maxQueueSize: config.maxQueueSize,
  };
  for (const key of Object.keys(options)) {
    if (options[key] === undefined) delete options[key];
  }
  return options as LangfuseProcessorOptions;
}

/**
 * Builds the Langfuse span processor, wrapped so it sees only its `LANGFUSE_SAMPLE_RATE` share of
 * traces (the same trace-id rule as the head sampler, so every process agrees; with the head
 * sampler at the same rate the filter passes every sampled trace).
 */
export function createLangfuseProcessor(
  config: LangfuseDestinationConfig,
  LangfuseSpanProcessor: LangfuseSpanProcessorClass,
  overrides: LangfuseProcessorOptions = {},
): SpanProcessor {
  const processor = new LangfuseSpanProcessor({ ...langfuseProcessorOptions(config), ...overrides });
  if (config.sampleRate >= 1) return processor;
  return new TraceSubsetSpanProcessor(processor, createLangfuseSampledSpanFilter(config.sampleRate));
}
