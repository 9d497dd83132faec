import { DiagLogLevel } from '@opentelemetry/api';
import { parseSpanfuseEnv } from '@spanfuse/node';
import { describe, expect, it } from 'vitest';

const KEYS = { LANGFUSE_PUBLIC_KEY: 'pk-lf-1', LANGFUSE_SECRET_KEY: 'sk-lf-very-secret' };

describe('parseSpanfuseEnv', () => {
  it('uses documented defaults for an empty environment and says why Langfuse is off', () => {
    const { config, problems, notices } = parseSpanfuseEnv({});
    expect(problems).toEqual([]);
    expect(notices).toEqual([
      'Langfuse export is off: LANGFUSE_PUBLIC_KEY and LANGFUSE_SECRET_KEY not set (set both, or LANGFUSE_ENABLED=false to silence this)',
    ]);
    expect(config.langfuse).toMatchObject({
      enabled: false,
      baseUrl: 'https://cloud.langfuse.com',
      sampleRate: 1,
    });
    expect(config.tempo).toEqual({ enabled: true, console: false, protocol: 'http/protobuf' });
    expect(config.userSampler).toBeUndefined();
    expect(config.instrumentations).toEqual(['http', 'undici', 'pino', 'openai', 'langchain']);
    expect(config.logLevel).toBe(DiagLogLevel.INFO);
    expect(config.sdkDisabled).toBe(false);
  });

  it('names only the missing key', () => {
    expect(parseSpanfuseEnv({ LANGFUSE_PUBLIC_KEY: 'pk' }).notices[0]).toContain(
      'LANGFUSE_SECRET_KEY not set',
    );
  });

  it('is silent about missing keys when LANGFUSE_ENABLED=false', () => {
    const parsed = parseSpanfuseEnv({ LANGFUSE_ENABLED: 'false' });
    expect(parsed.notices).toEqual([]);
    expect(parsed.config.langfuse.enabled).toBe(false);
  });

  it('reads every Langfuse setting, with LANGFUSE_HOST and LANGFUSE_ENVIRONMENT as aliases', () => {
    const { config, problems } = parseSpanfuseEnv({
      ...KEYS,
      LANGFUSE_HOST: 'http://localhost:3000/',
      LANGFUSE_ENVIRONMENT: 'staging',
      LANGFUSE_RELEASE: 'v1.2.3',
      LANGFUSE_FLUSH_AT: '50',
      LANGFUSE_FLUSH_INTERVAL: '0.5',
      LANGFUSE_TIMEOUT: '3',
      LANGFUSE_MAX_RETRIES: '2',
      LANGFUSE_BUFFER_SIZE: '1000',
      LANGFUSE_SAMPLE_RATE: '0.25',
    });
    expect(problems).toEqual([]);
    expect(config.langfuse).toEqual({
      enabled: true,
      publicKey: 'pk-lf-1',
      secretKey: 'sk-lf-very-secret',
      baseUrl: 'http://localhost:3000',
      environment: 'staging',
      release: 'v1.2.3',
      flushAt: 50,
      flushInterval: 0.5,
      timeout: 3,
      maxRetries: 2,
      maxQueueSize: 1000,
      sampleRate: 0.25,
    });
  });

  it('prefers LANGFUSE_BASE_URL over LANGFUSE_HOST and LANGFUSE_TRACING_ENVIRONMENT over LANGFUSE_ENVIRONMENT', () => {
    const { config } = parseSpanfuseEnv({
      LANGFUSE_BASE_URL: 'https://eu.example',
      LANGFUSE_HOST: 'https://other.example',
      LANGFUSE_TRACING_ENVIRONMENT: 'prod',
      LANGFUSE_ENVIRONMENT: 'dev',
    });
    expect(config.langfuse.baseUrl).toBe('https://eu.example');
    expect(config.langfuse.environment).toBe('prod');
  });

  it.each([
    [
      'LANGFUSE_SAMPLE_RATE',
      '1.5',
      'LANGFUSE_SAMPLE_RATE="1.5" is not valid (allowed: a number from 0 to 1); using 1',
    ],
    [
      'LANGFUSE_FLUSH_AT',
      '2.5',
      'LANGFUSE_FLUSH_AT="2.5" is not valid (allowed: an integer from 1 to 100000); using the default',
    ],
    [
      'LANGFUSE_ENABLED',
      'maybe',
      'LANGFUSE_ENABLED="maybe" is not valid (allowed: true or false); using true',
    ],
    [
      'LANGFUSE_BASE_URL',
      'ftp://x',
      'LANGFUSE_BASE_URL="ftp://x" is not valid (allowed: an http(s) URL); using https://cloud.langfuse.com',
    ],
    [
      'OTEL_LOG_LEVEL',
      'loud',
      'OTEL_LOG_LEVEL="loud" is not valid (allowed: none, error, warn, info, debug, verbose, all); using info',
    ],
    [
      'OTEL_EXPORTER_OTLP_PROTOCOL',
      'grpc',
      'OTEL_EXPORTER_OTLP_PROTOCOL="grpc" is not valid (allowed: http/protobuf, http/json); using http/protobuf',
    ],
    [
      'OTEL_TRACES_SAMPLER',
      'jaeger_remote',
      'OTEL_TRACES_SAMPLER="jaeger_remote" is not valid (allowed: always_on, always_off, traceidratio, parentbased_always_on, parentbased_always_off, parentbased_traceidratio); using parentbased_always_on',
    ],
    [
      'OTEL_NODE_ENABLED_INSTRUMENTATIONS',
      'http,redis',
      'OTEL_NODE_ENABLED_INSTRUMENTATIONS="redis" is not valid (allowed: http, undici, pino, openai, langchain); using http',
    ],
    [
      'LANGFUSE_TRACING_ENVIRONMENT',
      'Prod',
      'LANGFUSE_TRACING_ENVIRONMENT="Prod" is not valid (allowed: lowercase a-z 0-9 _ -, at most 40, not starting with "langfuse"); using no environment',
    ],
  ])(
    'reports %s=%s in exactly one line naming variable, value, allowed values and fallback',
    (name, value, line) => {
      const { problems } = parseSpanfuseEnv({ ...KEYS, [name]: value });
      expect(problems).toEqual([line]);
    },
  );

  it('never puts a secret into a line', () => {
    const { problems, notices } = parseSpanfuseEnv({
      LANGFUSE_SECRET_KEY: 'sk-lf-very-secret',
      LANGFUSE_FLUSH_AT: 'x',
    });
    expect([...problems, ...notices].join('\n')).not.toContain('sk-lf-very-secret');
  });

  it('turns only Tempo off with OTEL_TRACES_EXPORTER=none', () => {
    const { config } = parseSpanfuseEnv({ ...KEYS, OTEL_TRACES_EXPORTER: 'none' });
    expect(config.tempo.enabled).toBe(false);
    expect(config.langfuse.enabled).toBe(true);
  });

  it('lets the traces-specific protocol win over the generic one', () => {
    const { config } = parseSpanfuseEnv({
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
      OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json',
    });
    expect(config.tempo.protocol).toBe('http/json');
  });

  it('reads the user sampler and its ratio', () => {
    const { config } = parseSpanfuseEnv({
      OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
      OTEL_TRACES_SAMPLER_ARG: '0.1',
    });
    expect(config.userSampler).toEqual({ name: 'parentbased_traceidratio', ratio: 0.1 });
  });

  it('applies OTEL_NODE_DISABLED_INSTRUMENTATIONS after the enabled list', () => {
    const { config } = parseSpanfuseEnv({
      OTEL_NODE_ENABLED_INSTRUMENTATIONS: 'http, pino,openai',
      OTEL_NODE_DISABLED_INSTRUMENTATIONS: 'pino',
    });
    expect(config.instrumentations).toEqual(['http', 'openai']);
  });

  it('raises the diag level to debug with LANGFUSE_DEBUG and lets OTEL_LOG_LEVEL win', () => {
    expect(parseSpanfuseEnv({ LANGFUSE_DEBUG: 'true' }).config.logLevel).toBe(DiagLogLevel.DEBUG);
    expect(parseSpanfuseEnv({ LANGFUSE_DEBUG: 'true', OTEL_LOG_LEVEL: 'error' }).config.logLevel).toBe(
      DiagLogLevel.ERROR,
    );
  });

  it('reads OTEL_SDK_DISABLED and OTEL_SERVICE_NAME', () => {
    const { config } = parseSpanfuseEnv({ OTEL_SDK_DISABLED: 'true', OTEL_SERVICE_NAME: 'chatbot' });
    expect(config.sdkDisabled).toBe(true);
    expect(config.serviceName).toBe('chatbot');
  });
});
