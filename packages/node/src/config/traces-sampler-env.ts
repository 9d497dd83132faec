import type { EnvReader } from './env-values.js';
import type { TracesSamplerSpec } from './types.js';

const SUPPORTED: TracesSamplerSpec['name'][] = [
  'always_on',
  'always_off',
  'traceidratio',
  'parentbased_always_on',
  'parentbased_always_off',
  'parentbased_traceidratio',
];

/**
 * Reads `OTEL_TRACES_SAMPLER` / `OTEL_TRACES_SAMPLER_ARG` as the OTel SDK env spec defines them.
 * Spec: https://opentelemetry.io/docs/specs/otel/configuration/sdk-environment-variables/#general-sdk-configuration
 * @returns `undefined` when unset (then `LANGFUSE_SAMPLE_RATE` is the head sampler).
 */
export function readTracesSampler(env: EnvReader): TracesSamplerSpec | undefined {
  const raw = env.raw('OTEL_TRACES_SAMPLER');
  if (raw === undefined) return undefined;
  const name = env.oneOf('OTEL_TRACES_SAMPLER', SUPPORTED, 'parentbased_always_on');
  let ratio = 1;
  if (name.endsWith('traceidratio')) {
    ratio = env.number('OTEL_TRACES_SAMPLER_ARG', { min: 0, max: 1, fallback: 1 }) ?? 1;
  }
  return { name, ratio };
}
