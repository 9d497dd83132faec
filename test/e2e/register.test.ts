import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Backends, startBackends } from './fakes-env.js';
import { eventually, jsonLines, runApp, spanfuseLines } from './harness.js';

let b: Backends;
beforeAll(async () => {
  b = await startBackends();
});
afterAll(() => b.close());

describe.each([
  ['an ESM app', 'esm-app.mjs'],
  ['a CJS app', 'cjs-app.cjs'],
])('node --import @spanfuse/node/register with %s', (_label, fixture) => {
  it('puts the same trace id in Tempo spans, Langfuse observations and pino lines', async () => {
    const tempoBefore = b.tempo.spans.length;
    const langfuseBefore = b.langfuse.otlpSpans.length;
    const run = await runApp(fixture, { env: { ...b.env, OTEL_SERVICE_NAME: `fixture-${fixture}` } });
    expect(run.code).toBe(0);
    expect(spanfuseLines(run.stderr)).toEqual([]);

    const logged = jsonLines(run.stdout).filter(
      (l) => l.msg === 'job started' || l.msg === 'openai answered',
    );
    expect(logged).toHaveLength(2);
    const traceId = logged[0]!.trace_id as string;
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(logged.every((l) => l.trace_id === traceId && l.trace_flags === '01')).toBe(true);

    await eventually(
      () => b.tempo.spans.slice(tempoBefore).some((s) => s.name === 'job-0'),
      5000,
      'Tempo root span',
    );
    const tempo = b.tempo.spans.slice(tempoBefore).filter((s) => s.traceId === traceId);
    expect(tempo.map((s) => s.name).sort()).toEqual(['POST', 'chat gpt-4o-mini', 'job-0']);
    expect(tempo.find((s) => s.name === 'job-0')!.resource['service.name']).toBe(`fixture-${fixture}`);
    // the pino line inside the root span carries the root span id
    expect(logged[0]!.span_id).toBe(tempo.find((s) => s.name === 'job-0')!.spanId);

    const langfuse = b.langfuse.otlpSpans.slice(langfuseBefore).filter((s) => s.traceId === traceId);
    expect(langfuse.map((s) => s.name).sort()).toEqual(['chat gpt-4o-mini', 'job-0']);
  });
});
