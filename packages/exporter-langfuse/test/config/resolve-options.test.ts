import { LangfuseSpanProcessor, resolveOptions } from '@spanfuse/exporter-langfuse';
import { afterEach, describe, expect, it } from 'vitest';
import { captureDiag, type DiagCapture } from '../export/harness.js';

describe('resolveOptions', () => {
  it('uses the defaults when nothing is set', () => {
    const { options, problems } = resolveOptions({}, {});
    expect(problems).toEqual([]);
    expect(options).toMatchObject({
      baseUrl: 'https://cloud.langfuse.com',
      flushAt: 512,
      flushIntervalMs: 1000,
      timeoutMs: 10_000,
      exportMode: 'batched',
      protocol: 'auto',
      maxQueueSize: 2048,
      maxRetries: 5,
      exportAllSpans: false,
    });
    expect(options.publicKey).toBeUndefined();
  });

  it('reads the LANGFUSE_* variables, seconds converted to milliseconds', () => {
    const { options, problems } = resolveOptions(
      {},
      {
        LANGFUSE_PUBLIC_KEY: 'pk-lf-1',
        LANGFUSE_SECRET_KEY: 'sk-lf-1',
        LANGFUSE_BASE_URL: 'http://localhost:3000/',
        LANGFUSE_TRACING_ENVIRONMENT: 'staging',
        LANGFUSE_RELEASE: 'v1.2.3',
        LANGFUSE_FLUSH_AT: '50',
        LANGFUSE_FLUSH_INTERVAL: '2.5',
        LANGFUSE_TIMEOUT: '3',
        LANGFUSE_BUFFER_SIZE: '100',
        LANGFUSE_MAX_RETRIES: '0',
        LANGFUSE_PROTOCOL: 'ingestion',
        LANGFUSE_COMPRESSION: 'gzip',
        LANGFUSE_EXPORT_ALL_SPANS: 'true',
      },
    );
    expect(problems).toEqual([]);
    expect(options).toMatchObject({
      publicKey: 'pk-lf-1',
      secretKey: 'sk-lf-1',
      baseUrl: 'http://localhost:3000',
      environment: 'staging',
      release: 'v1.2.3',
      flushAt: 50,
      flushIntervalMs: 2500,
      timeoutMs: 3000,
      maxQueueSize: 100,
      maxRetries: 0,
      protocol: 'ingestion',
      compression: 'gzip',
      exportAllSpans: true,
    });
  });

  it('prefers options over variables and LANGFUSE_BASE_URL over the older LANGFUSE_HOST', () => {
    expect(resolveOptions({}, { LANGFUSE_HOST: 'http://old:3000' }).options.baseUrl).toBe('http://old:3000');
    expect(
      resolveOptions({}, { LANGFUSE_HOST: 'http://old:3000', LANGFUSE_BASE_URL: 'http://new:3000' }).options
        .baseUrl,
    ).toBe('http://new:3000');
    expect(resolveOptions({ flushAt: 9 }, { LANGFUSE_FLUSH_AT: '50' }).options.flushAt).toBe(9);
  });

  it('sends bodies uncompressed unless gzip is asked for, like the OTLP exporters', () => {
    expect(resolveOptions({}, {}).options.compression).toBe('none');
    expect(
      resolveOptions({ compression: 'gzip' }, { LANGFUSE_COMPRESSION: 'none' }).options.compression,
    ).toBe('gzip');
    expect(resolveOptions({}, { LANGFUSE_COMPRESSION: 'brotli' }).problems).toEqual([
      { variable: 'LANGFUSE_COMPRESSION', value: 'brotli', allowed: 'gzip | none', usedInstead: 'none' },
    ]);
  });

  it('reports an invalid value with the variable, the value, what is allowed and what is used', () => {
    const { options, problems } = resolveOptions({}, { LANGFUSE_FLUSH_AT: 'many', LANGFUSE_TIMEOUT: '-1' });
    expect(options.flushAt).toBe(512);
    expect(options.timeoutMs).toBe(10_000);
    expect(problems).toEqual([
      { variable: 'LANGFUSE_FLUSH_AT', value: 'many', allowed: 'an integer > 0', usedInstead: '512' },
      { variable: 'LANGFUSE_TIMEOUT', value: '-1', allowed: 'seconds > 0', usedInstead: '10' },
    ]);
  });

  it.each([
    ['Production', 'uppercase'],
    ['langfuse-prod', 'reserved prefix'],
    ['a'.repeat(41), 'too long'],
    ['prod env', 'space'],
  ])('drops the environment %j (%s)', (value) => {
    const { options, problems } = resolveOptions({}, { LANGFUSE_TRACING_ENVIRONMENT: value });
    expect(options.environment).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      variable: 'LANGFUSE_TRACING_ENVIRONMENT',
      value,
      usedInstead: 'nothing',
    });
  });

  it('keeps a valid environment name', () => {
    expect(resolveOptions({ environment: 'eu-west_2' }, {}).options.environment).toBe('eu-west_2');
  });
});

describe('configuration problems at start', () => {
  let capture: DiagCapture | undefined;
  const saved: Record<string, string | undefined> = {};
  const setEnv = (vars: Record<string, string>) => {
    for (const [k, v] of Object.entries(vars)) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
  };
  afterEach(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    capture?.restore();
  });

  it('says each bad variable in one line naming it, and never the secret key', async () => {
    capture = captureDiag();
    setEnv({
      LANGFUSE_FLUSH_AT: 'lots',
      LANGFUSE_TRACING_ENVIRONMENT: 'Langfuse-Prod',
      LANGFUSE_PUBLIC_KEY: 'pk-lf-env-0001',
      LANGFUSE_SECRET_KEY: 'sk-lf-env-secret-0002',
      LANGFUSE_BASE_URL: 'http://127.0.0.1:9',
    });
    const processor = new LangfuseSpanProcessor();
    await processor.shutdown();
    const errors = capture.lines.filter((l) => l.level === 'error');
    expect(errors).toHaveLength(2);
    expect(errors.filter((l) => l.text.includes('LANGFUSE_FLUSH_AT'))).toHaveLength(1);
    expect(errors.filter((l) => l.text.includes('LANGFUSE_TRACING_ENVIRONMENT'))).toHaveLength(1);
    expect(capture.text()).not.toContain('sk-lf-env-secret-0002');
  });
});
