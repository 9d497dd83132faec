import { shouldSampleTraceId } from '@spanfuse/sampler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Backends, startBackends } from './fakes-env.js';
import { eventually, jsonLines, runApp, startApp } from './harness.js';

let b: Backends;
beforeAll(async () => {
  b = await startBackends();
});
afterAll(() => b.close());

const TRACES = 80;

function appTraceIds(stdout: string): string[] {
  return jsonLines(stdout)
    .filter((l) => l.msg === 'job started')
    .map((l) => l.trace_id as string);
}

describe('LANGFUSE_SAMPLE_RATE', () => {
  it('as head sampler keeps the same traces in Tempo and Langfuse, chosen by the trace-id rule', async () => {
    const { OPENAI_BASE_URL: _o, ...env } = b.env;
    const run = await runApp('esm-app.mjs', {
      env: {
        ...env,
        LANGFUSE_SAMPLE_RATE: '0.25',
        FIXTURE_TRACES: String(TRACES),
        OTEL_SERVICE_NAME: 'head-sampled',
      },
    });
    expect(run.code).toBe(0);
    const all = appTraceIds(run.stdout);
    expect(all).toHaveLength(TRACES);
    const expected = all.filter((id) => shouldSampleTraceId(id, 0.25));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(TRACES);

    const ours = new Set(all);
    await eventually(
      () => b.langfuse.otlpSpans.filter((s) => ours.has(s.traceId)).length >= expected.length,
      5000,
    );
    await eventually(() => b.tempo.spans.filter((s) => ours.has(s.traceId)).length >= expected.length, 5000);
    const tempoTraces = new Set(b.tempo.spans.filter((s) => ours.has(s.traceId)).map((s) => s.traceId));
    const langfuseTraces = new Set(
      b.langfuse.otlpSpans.filter((s) => ours.has(s.traceId)).map((s) => s.traceId),
    );
    expect([...tempoTraces].sort()).toEqual([...expected].sort());
    expect([...langfuseTraces].sort()).toEqual([...expected].sort());
    // the decision is recorded for downstream samplers (OTel consistent probability sampling)
    const root = b.tempo.spans.find((s) => s.traceId === expected[0] && s.name.startsWith('job-'));
    expect(root?.traceState).toBe('ot=th:c');
  });

  it('gives Langfuse a consistent subset when OTEL_TRACES_SAMPLER rules Tempo', async () => {
    const { OPENAI_BASE_URL: _o, ...env } = b.env;
    const run = await runApp('cjs-app.cjs', {
      env: {
        ...env,
        OTEL_TRACES_SAMPLER: 'always_on',
        LANGFUSE_SAMPLE_RATE: '0.25',
        FIXTURE_TRACES: String(TRACES),
      },
    });
    expect(run.code).toBe(0);
    const all = appTraceIds(run.stdout);
    const ours = new Set(all);
    const expected = all.filter((id) => shouldSampleTraceId(id, 0.25));
    await eventually(
      () => new Set(b.tempo.spans.filter((s) => ours.has(s.traceId)).map((s) => s.traceId)).size === TRACES,
      5000,
    );
    await eventually(
      () => b.langfuse.otlpSpans.filter((s) => ours.has(s.traceId)).length >= expected.length,
      5000,
    );
    const langfuseTraces = new Set(
      b.langfuse.otlpSpans.filter((s) => ours.has(s.traceId)).map((s) => s.traceId),
    );
    expect([...langfuseTraces].sort()).toEqual([...expected].sort());
  });

  it('keeps a trace spanning two processes whole or absent in Langfuse', async () => {
    const common = {
      ...b.env,
      OPENAI_BASE_URL: undefined,
      OTEL_TRACES_SAMPLER: 'parentbased_always_on',
      LANGFUSE_SAMPLE_RATE: '0.5',
      LANGFUSE_EXPORT_ALL_SPANS: 'true',
    };
    const relay = startApp('relay-server.mjs', { env: { ...common, OTEL_SERVICE_NAME: 'relay' } });
    const { port } = JSON.parse(await relay.waitForLine((l) => l.startsWith('{"port"')));
    const run = await runApp('esm-app.mjs', {
      env: {
        ...common,
        OTEL_SERVICE_NAME: 'caller',
        FIXTURE_TRACES: '30',
        FIXTURE_HTTP_URL: `http://127.0.0.1:${port}/work`,
      },
    });
    expect(run.code).toBe(0);
    relay.child.kill('SIGTERM');
    expect(await relay.exited).toEqual({ code: null, signal: 'SIGTERM' });

    const all = appTraceIds(run.stdout);
    const ours = new Set(all);
    const expected = all.filter((id) => shouldSampleTraceId(id, 0.5));
    const langfuse = () => b.langfuse.otlpSpans.filter((s) => ours.has(s.traceId));
    await eventually(() => new Set(langfuse().map((s) => s.traceId)).size >= expected.length, 5000);
    const byTrace = new Map<string, Set<string>>();
    for (const s of langfuse()) {
      const names = byTrace.get(s.traceId) ?? new Set<string>();
      names.add(`${s.resource['service.name']}:${s.name}`);
      byTrace.set(s.traceId, names);
    }
    expect([...byTrace.keys()].sort()).toEqual([...expected].sort());
    for (const [traceId, names] of byTrace) {
      const root = [...names].find((n) => n.startsWith('caller:job-'));
      expect(root, traceId).toBeDefined();
      expect(names.has('relay:relay-work'), traceId).toBe(true);
      expect(names.has('relay:GET'), traceId).toBe(true); // the relay's incoming HTTP server span
    }
    // Tempo (parent-based always_on) has every trace from both processes
    const tempoRelay = new Set(
      b.tempo.spans.filter((s) => s.resource['service.name'] === 'relay').map((s) => s.traceId),
    );
    expect(all.every((id) => tempoRelay.has(id))).toBe(true);
  });
});
