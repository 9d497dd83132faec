import { DiagLogLevel } from '@opentelemetry/api';
import { type Env, EnvReader } from './env-values.js';
import { readTracesSampler } from './traces-sampler-env.js';
import {
  INSTRUMENTATION_NAMES,
  type InstrumentationName,
  type LangfuseDestinationConfig,
  type ParsedConfig,
  type TempoDestinationConfig,
} from './types.js';

const LOG_LEVELS = ['none', 'error', 'warn', 'info', 'debug', 'verbose', 'all'] as const;
const LEVEL_VALUES: Record<(typeof LOG_LEVELS)[number], DiagLogLevel> = {
  none: DiagLogLevel.NONE,
  error: DiagLogLevel.ERROR,
  warn: DiagLogLevel.WARN,
  info: DiagLogLevel.INFO,
  debug: DiagLogLevel.DEBUG,
  verbose: DiagLogLevel.VERBOSE,
  all: DiagLogLevel.ALL,
};
// Langfuse environment names: lowercase [a-z0-9_-], at most 40 characters, not starting with "langfuse".
const LANGFUSE_ENVIRONMENT = /^(?!langfuse)[a-z0-9_-]{1,40}$/;
/** Langfuse Cloud (EU), the default of the official SDK. */
export const DEFAULT_LANGFUSE_BASE_URL = 'https://cloud.langfuse.com';

/**
 * Turns environment variables into a validated {@link SpanfuseConfig}. Pure: never throws, never
 * logs; every bad value becomes one line in `problems` and a documented default is used instead.
 * Secrets are never echoed into a line.
 */
export function parseSpanfuseEnv(env: Env): ParsedConfig {
  const r = new EnvReader(env);
  const notices: string[] = [];

  const debug = r.boolean('LANGFUSE_DEBUG', false);
  const levelName = r.oneOf('OTEL_LOG_LEVEL', LOG_LEVELS, debug ? 'debug' : 'info');
  const logLevel = LEVEL_VALUES[levelName];

  const langfuse = readLangfuse(r, notices);
  const tempo = readTempo(r);
  const userSampler = readTracesSampler(r);
  const instrumentations = readInstrumentations(r);

  return {
    config: {
      sdkDisabled: r.boolean('OTEL_SDK_DISABLED', false),
      logLevel,
      serviceName: r.raw('OTEL_SERVICE_NAME'),
      langfuse,
      tempo,
      userSampler,
      instrumentations,
    },
    problems: r.problems,
    notices,
  };
}

function readLangfuse(r: EnvReader, notices: string[]): LangfuseDestinationConfig {
  const publicKey = r.raw('LANGFUSE_PUBLIC_KEY');
  const secretKey = r.raw('LANGFUSE_SECRET_KEY');
  const wanted = r.boolean('LANGFUSE_ENABLED', true);
  let environment = r.firstOf('LANGFUSE_TRACING_ENVIRONMENT', 'LANGFUSE_ENVIRONMENT');
  if (environment && !LANGFUSE_ENVIRONMENT.test(environment.value)) {
    r.report(
      environment.name,
      environment.value,
      'lowercase a-z 0-9 _ -, at most 40, not starting with "langfuse"',
      'no environment',
    );
    environment = undefined;
  }
  const config: LangfuseDestinationConfig = {
    enabled: wanted && publicKey !== undefined && secretKey !== undefined,
    publicKey,
    secretKey,
    baseUrl: r.url(['LANGFUSE_BASE_URL', 'LANGFUSE_BASEURL', 'LANGFUSE_HOST'], DEFAULT_LANGFUSE_BASE_URL),
    environment: environment?.value,
    release: r.raw('LANGFUSE_RELEASE'),
    flushAt: r.number('LANGFUSE_FLUSH_AT', { min: 1, max: 100_000, integer: true }),
    flushInterval: r.number('LANGFUSE_FLUSH_INTERVAL', { min: 0.001, max: 3600 }),
    timeout: r.number('LANGFUSE_TIMEOUT', { min: 0.001, max: 600 }),
    maxRetries: r.number('LANGFUSE_MAX_RETRIES', { min: 0, max: 100, integer: true }),
    maxQueueSize: r.number('LANGFUSE_BUFFER_SIZE', { min: 1, max: 10_000_000, integer: true }),
    sampleRate: r.number('LANGFUSE_SAMPLE_RATE', { min: 0, max: 1, fallback: 1 }) ?? 1,
  };
  if (wanted && !config.enabled) {
    const missing = [
      publicKey ? undefined : 'LANGFUSE_PUBLIC_KEY',
      secretKey ? undefined : 'LANGFUSE_SECRET_KEY',
    ]
      .filter(Boolean)
      .join(' and ');
    notices.push(
      `Langfuse export is off: ${missing} not set (set both, or LANGFUSE_ENABLED=false to silence this)`,
    );
  }
  return config;
}

function readTempo(r: EnvReader): TempoDestinationConfig {
  const exporters = r.list('OTEL_TRACES_EXPORTER') ?? ['otlp'];
  const known = exporters.filter((name) => name === 'otlp' || name === 'none' || name === 'console');
  if (known.length !== exporters.length) {
    r.report(
      'OTEL_TRACES_EXPORTER',
      exporters.join(','),
      'otlp, console, none',
      known.length ? known.join(',') : 'otlp',
    );
  }
  const effective = known.length ? known : ['otlp'];
  const protocols = ['http/protobuf', 'http/json'] as const;
  const generic = r.oneOf('OTEL_EXPORTER_OTLP_PROTOCOL', protocols, 'http/protobuf');
  const protocol = r.oneOf('OTEL_EXPORTER_OTLP_TRACES_PROTOCOL', protocols, generic);
  return {
    enabled: effective.includes('otlp') && !effective.includes('none'),
    console: effective.includes('console'),
    protocol,
  };
}

function readInstrumentations(r: EnvReader): InstrumentationName[] {
  const pick = (name: string): InstrumentationName[] | undefined => {
    const list = r.list(name);
    if (!list) return undefined;
    const valid = list.filter((n): n is InstrumentationName =>
      (INSTRUMENTATION_NAMES as readonly string[]).includes(n),
    );
    const invalid = list.filter((n) => !valid.includes(n as InstrumentationName));
    if (invalid.length)
      r.report(name, invalid.join(','), INSTRUMENTATION_NAMES.join(', '), valid.join(',') || 'none of them');
    return valid;
  };
  const enabled = pick('OTEL_NODE_ENABLED_INSTRUMENTATIONS') ?? [...INSTRUMENTATION_NAMES];
  const disabled = pick('OTEL_NODE_DISABLED_INSTRUMENTATIONS') ?? [];
  return enabled.filter((name) => !disabled.includes(name));
}
