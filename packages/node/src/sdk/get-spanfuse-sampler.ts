import type { Sampler } from '@opentelemetry/sdk-trace-base';
import type { Env } from '../config/env-values.js';
import { parseSpanfuseEnv } from '../config/parse-env.js';
import { samplerFromConfig } from './sampler-from-config.js';

/**
 * The head sampler `@spanfuse/node/register` uses: the user's `OTEL_TRACES_SAMPLER` when set,
 * else a parent-based, trace-id-consistent `LangfuseRatioSampler` at `LANGFUSE_SAMPLE_RATE`
 * (default 1: everything).
 *
 * @param env - environment to read. @defaultValue `process.env`
 */
export function getSpanfuseSampler(env: Env = process.env): Sampler {
  return samplerFromConfig(parseSpanfuseEnv(env).config);
}
