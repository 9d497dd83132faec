import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type {
  LangfuseCompression,
  LangfuseExporterOptions,
  LangfuseExportMode,
  LangfuseProtocol,
} from './options.js';

/** The options after defaults and environment variables were applied. Units: ms and bytes. */
export interface ResolvedOptions {
  publicKey?: string;
  secretKey?: string;
  baseUrl: string;
  environment?: string;
  release?: string;
  flushAt: number;
  flushIntervalMs: number;
  timeoutMs: number;
  exportMode: LangfuseExportMode;
  additionalHeaders: Record<string, string>;
  protocol: LangfuseProtocol;
  compression: LangfuseCompression;
  maxQueueSize: number;
  maxRetries: number;
  maxConcurrentExports: number;
  maxBatchBytes: number;
  maxValueBytes: number;
  exportAllSpans: boolean;
  includeSpan?: (span: ReadableSpan) => boolean;
  excludeSpan?: (span: ReadableSpan) => boolean;
  shouldExportSpan?: (span: ReadableSpan) => boolean;
}

/** One configuration value that was not usable, and what was used instead. */
export interface ConfigProblem {
  /** Option or environment variable name, e.g. `LANGFUSE_FLUSH_AT`. */
  variable: string;
  /** The rejected value, as text (never a secret). */
  value: string;
  /** What would have been accepted. */
  allowed: string;
  /** What is used instead (`'nothing'` when the value is dropped). */
  usedInstead: string;
}

/** Result of {@link resolveOptions}. */
export interface ResolvedConfig {
  options: ResolvedOptions;
  problems: ConfigProblem[];
}

/** Defaults, in the units of the public options (seconds for times). */
export const DEFAULTS = {
  baseUrl: 'https://cloud.langfuse.com',
  flushAt: 512,
  flushInterval: 1,
  timeout: 10,
  maxQueueSize: 2048,
  maxRetries: 5,
  maxConcurrentExports: 2,
  // Langfuse: "Batch sizes are limited to 3.5 MB in total" (OpenAPI, ingestion_batch).
  maxBatchBytes: 3_500_000,
  maxValueBytes: 1_000_000,
} as const;

type Env = Record<string, string | undefined>;

// Langfuse's environment rule (OpenAPI CreateScoreRequest.environment, langfuse docs).
const ENVIRONMENT_PATTERN = /^(?!langfuse)[a-z0-9_-]{1,40}$/;

/**
 * Applies environment variables and defaults to `options`. Pure: reads only its arguments.
 * Invalid values are listed in `problems` (one per variable) and replaced by the default.
 */
export function resolveOptions(options: LangfuseExporterOptions = {}, env: Env = {}): ResolvedConfig {
  const problems: ConfigProblem[] = [];
  const text = (option: string | undefined, ...vars: string[]): string | undefined => {
    if (option !== undefined && option !== '') return option;
    for (const v of vars) {
      const value = env[v]?.trim();
      if (value) return value;
    }
    return undefined;
  };

  const number = (
    name: string,
    variable: string,
    option: number | undefined,
    fallback: number,
    check: (n: number) => boolean,
    allowed: string,
  ): number => {
    if (option !== undefined) {
      if (check(option)) return option;
      problems.push({ variable: name, value: String(option), allowed, usedInstead: String(fallback) });
      return fallback;
    }
    const raw = env[variable]?.trim();
    if (!raw) return fallback;
    const parsed = Number(raw);
    if (Number.isFinite(parsed) && check(parsed)) return parsed;
    problems.push({ variable, value: raw, allowed, usedInstead: String(fallback) });
    return fallback;
  };
  const positiveInt = (n: number) => Number.isInteger(n) && n > 0;
  const nonNegativeInt = (n: number) => Number.isInteger(n) && n >= 0;
  const positive = (n: number) => n > 0;

  const flushAt = number(
    'flushAt',
    'LANGFUSE_FLUSH_AT',
    options.flushAt,
    DEFAULTS.flushAt,
    positiveInt,
    'an integer > 0',
  );
  const flushInterval = number(
    'flushInterval',
    'LANGFUSE_FLUSH_INTERVAL',
    options.flushInterval,
    DEFAULTS.flushInterval,
    positive,
    'seconds > 0',
  );
  const timeout = number(
    'timeout',
    'LANGFUSE_TIMEOUT',
    options.timeout,
    DEFAULTS.timeout,
    positive,
    'seconds > 0',
  );
  const maxQueueSize = number(
    'maxQueueSize',
    'LANGFUSE_BUFFER_SIZE',
    options.maxQueueSize,
    DEFAULTS.maxQueueSize,
    positiveInt,
    'an integer > 0',
  );
  const maxRetries = number(
    'maxRetries',
    'LANGFUSE_MAX_RETRIES',
    options.maxRetries,
    DEFAULTS.maxRetries,
    nonNegativeInt,
    'an integer >= 0',
  );
  const maxConcurrentExports = number(
    'maxConcurrentExports',
    '',
    options.maxConcurrentExports,
    DEFAULTS.maxConcurrentExports,
    positiveInt,
    'an integer > 0',
  );
  const maxBatchBytes = number(
    'maxBatchBytes',
    '',
    options.maxBatchBytes,
    DEFAULTS.maxBatchBytes,
    positiveInt,
    'an integer > 0',
  );
  const maxValueBytes = number(
    'maxValueBytes',
    '',
    options.maxValueBytes,
    DEFAULTS.maxValueBytes,
    positiveInt,
    'an integer > 0',
  );

  let baseUrl =
    text(options.baseUrl, 'LANGFUSE_BASE_URL', 'LANGFUSE_BASEURL', 'LANGFUSE_HOST') ?? DEFAULTS.baseUrl;
  if (!/^https?:\/\/[^/]/.test(baseUrl)) {
    problems.push({
      variable: options.baseUrl ? 'baseUrl' : 'LANGFUSE_BASE_URL',
      value: baseUrl,
      allowed: 'an http:// or https:// URL',
      usedInstead: DEFAULTS.baseUrl,
    });
    baseUrl = DEFAULTS.baseUrl;
  }
  baseUrl = baseUrl.replace(/\/+$/, '');

  let environment = text(options.environment, 'LANGFUSE_TRACING_ENVIRONMENT');
  if (environment !== undefined && !ENVIRONMENT_PATTERN.test(environment)) {
    problems.push({
      variable: options.environment ? 'environment' : 'LANGFUSE_TRACING_ENVIRONMENT',
      value: environment,
      allowed: 'lowercase [a-z0-9_-], at most 40 characters, not starting with "langfuse"',
      usedInstead: 'nothing',
    });
    environment = undefined;
  }

  const exportMode = pick<LangfuseExportMode>(
    problems,
    'exportMode',
    options.exportMode,
    ['batched', 'immediate'],
    'batched',
  );
  const protocolFromEnv = options.protocol === undefined && env.LANGFUSE_PROTOCOL?.trim();
  const protocol = pick<LangfuseProtocol>(
    problems,
    protocolFromEnv ? 'LANGFUSE_PROTOCOL' : 'protocol',
    options.protocol ?? (protocolFromEnv || undefined),
    ['otlp', 'ingestion', 'auto'],
    'auto',
  );

  const compressionFromEnv = options.compression === undefined && env.LANGFUSE_COMPRESSION?.trim();
  const compression = pick<LangfuseCompression>(
    problems,
    compressionFromEnv ? 'LANGFUSE_COMPRESSION' : 'compression',
    options.compression ?? (compressionFromEnv || undefined),
    ['gzip', 'none'],
    'none',
  );

  const exportAllSpans =
    options.exportAllSpans ?? /^(true|1)$/i.test(env.LANGFUSE_EXPORT_ALL_SPANS?.trim() ?? '');

  return {
    options: {
      publicKey: text(options.publicKey, 'LANGFUSE_PUBLIC_KEY'),
      secretKey: text(options.secretKey, 'LANGFUSE_SECRET_KEY'),
      baseUrl,
      environment,
      release: text(options.release, 'LANGFUSE_RELEASE'),
      flushAt,
      flushIntervalMs: flushInterval * 1000,
      timeoutMs: timeout * 1000,
      exportMode,
      additionalHeaders: { ...(options.additionalHeaders ?? {}) },
      protocol,
      compression,
      maxQueueSize,
      maxRetries,
      maxConcurrentExports,
      maxBatchBytes,
      maxValueBytes,
      exportAllSpans,
      includeSpan: options.includeSpan,
      excludeSpan: options.excludeSpan,
      shouldExportSpan: options.shouldExportSpan,
    },
    problems,
  };
}

function pick<T extends string>(
  problems: ConfigProblem[],
  variable: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  problems.push({ variable, value, allowed: allowed.join(' | '), usedInstead: fallback });
  return fallback;
}

/** One diag line for a problem, naming the variable. */
export function describeProblem(p: ConfigProblem): string {
  return `Langfuse exporter: ignoring ${p.variable}=${JSON.stringify(p.value)} (allowed: ${p.allowed}); using ${p.usedInstead}.`;
}

/** Public key as safe to show: prefix and last four characters (`pk-lf-…abcd`). */
export function maskKey(key: string | undefined): string {
  if (!key) return '(none)';
  if (key.length <= 10) return '…';
  return `${key.slice(0, 6)}…${key.slice(-4)}`;
}
