import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Backends, startBackends } from './fakes-env.js';
import { eventually, jsonLines, runApp, spanfuseLines } from './harness.js';

let b: Backends;
beforeAll(async () => {
  b = await startBackends();
});
afterAll(() => b.close());

function rootTraceId(stdout: string): string {
  const line = jsonLines(stdout).find((l) => l.msg === 'job started');
  return line!.trace_id as string;
}

describe('configuration from the environment', () => {
  it('turns Langfuse off with one line naming the missing keys and keeps Tempo on', async () => {
    const { LANGFUSE_PUBLIC_KEY: _pk, LANGFUSE_SECRET_KEY: _sk, ...env } = b.env;
    const langfuseBefore = b.langfuse.requests.length;
    const run = await runApp('esm-app.mjs', { env });
    expect(run.code).toBe(0);
    const lines = spanfuseLines(run.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('Langfuse export is off: LANGFUSE_PUBLIC_KEY and LANGFUSE_SECRET_KEY not set');
    const traceId = rootTraceId(run.stdout);
    await eventually(
      () => b.tempo.spans.some((s) => s.traceId === traceId && s.name === 'job-0'),
      5000,
      'Tempo',
    );
    expect(b.langfuse.requests.length).toBe(langfuseBefore);
  });

  it('reports a bad value in one line naming the variable, the value, what is allowed and what is used', async () => {
    const run = await runApp('cjs-app.cjs', { env: { ...b.env, LANGFUSE_SAMPLE_RATE: 'lots' } });
    expect(run.code).toBe(0);
    expect(spanfuseLines(run.stderr)).toEqual([
      expect.stringContaining(
        'LANGFUSE_SAMPLE_RATE="lots" is not valid (allowed: a number from 0 to 1); using 1',
      ),
    ]);
    const traceId = rootTraceId(run.stdout);
    await eventually(() => b.langfuse.otlpSpans.some((s) => s.traceId === traceId), 5000, 'Langfuse');
    await eventually(() => b.tempo.spans.some((s) => s.traceId === traceId), 5000, 'Tempo');
  });

  it('never prints the secret key, even when a line is about Langfuse', async () => {
    const run = await runApp('esm-app.mjs', {
      env: { ...b.env, LANGFUSE_FLUSH_AT: 'many', OTEL_LOG_LEVEL: 'all', OTEL_TRACES_EXPORTER: 'none' },
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('LANGFUSE_FLUSH_AT="many" is not valid');
    expect(run.stderr + run.stdout).not.toContain(b.langfuse.secretKey);
  });

  it('starts nothing with OTEL_SDK_DISABLED=true, and the app still logs', async () => {
    const tempoBefore = b.tempo.requests.length;
    const run = await runApp('esm-app.mjs', { env: { ...b.env, OTEL_SDK_DISABLED: 'true' } });
    expect(run.code).toBe(0);
    const line = jsonLines(run.stdout).find((l) => l.msg === 'job started')!;
    expect(line.trace_id).toBeUndefined();
    expect(b.tempo.requests.length).toBe(tempoBefore);
  });

  it('exports OTLP/JSON to Tempo with OTEL_EXPORTER_OTLP_PROTOCOL=http/json', async () => {
    const requestsBefore = b.tempo.requests.length;
    const run = await runApp('esm-app.mjs', { env: { ...b.env, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' } });
    expect(run.code).toBe(0);
    const traceId = rootTraceId(run.stdout);
    await eventually(() => b.tempo.spans.some((s) => s.traceId === traceId), 5000, 'Tempo');
    expect(b.tempo.requests.slice(requestsBefore).map((r) => r.contentType)).toContain('application/json');
  });

  it('adds nothing, with one warning, when another tracer provider is already registered', async () => {
    const tempoBefore = b.tempo.requests.length;
    const run = await runApp('esm-app.mjs', { env: b.env, preload: ['preload-other-provider.mjs'] });
    expect(run.code).toBe(0);
    const lines = spanfuseLines(run.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('a tracer provider is already registered');
    expect(b.tempo.requests.length).toBe(tempoBefore);
  });

  it('leaves out an instrumentation named in OTEL_NODE_DISABLED_INSTRUMENTATIONS', async () => {
    const run = await runApp('cjs-app.cjs', {
      env: { ...b.env, OTEL_NODE_DISABLED_INSTRUMENTATIONS: 'pino,undici', OTEL_TRACES_EXPORTER: 'none' },
    });
    expect(run.code).toBe(0);
    const line = jsonLines(run.stdout).find((l) => l.msg === 'job started')!;
    expect(line).toBeDefined();
    expect(line.trace_id).toBeUndefined(); // no pino correlation
    const lines = jsonLines(run.stdout).filter((l) => l.msg === 'openai answered');
    expect(lines).toHaveLength(1); // the app itself is unaffected
  });
});
