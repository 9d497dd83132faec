import { type OtlpReceiver, startOtlpReceiver } from '@spanfuse/test-fakes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Backends, startBackends } from './fakes-env.js';
import { eventually, jsonLines, runApp } from './harness.js';

let b: Backends;
let theirs: OtlpReceiver;
beforeAll(async () => {
  [b, theirs] = await Promise.all([startBackends(), startOtlpReceiver()]);
});
afterAll(() => Promise.all([b.close(), theirs.close()]));

const EXPECTED = ['POST', 'chat gpt-4o-mini', 'job-0'];

function spanIds(spans: Array<{ traceId: string; spanId: string; name: string }>, traceId: string) {
  return spans
    .filter((s) => s.traceId === traceId)
    .map((s) => `${s.name}/${s.spanId}`)
    .sort();
}

async function runSetup(fixture: string, env: Record<string, string>) {
  const run = await runApp(fixture, { register: false, env: { ...b.env, ...env } });
  expect(run.code, run.stderr).toBe(0);
  const traceId = jsonLines(run.stdout).find((l) => l.msg === 'job started')!.trace_id as string;
  expect(traceId).toMatch(/^[0-9a-f]{32}$/);
  await eventually(() => b.langfuse.otlpSpans.some((s) => s.traceId === traceId && s.name === 'job-0'), 5000);
  return traceId;
}

describe('existing setups', () => {
  it('with the real NodeSDK: spans reach their exporter, Tempo and Langfuse, none lost, none doubled', async () => {
    const traceId = await runSetup('existing-nodesdk.cjs', { THEIR_OTLP_URL: theirs.url });
    const theirSpans = spanIds(theirs.spans, traceId);
    expect(theirSpans.map((s) => s.split('/')[0])).toEqual(EXPECTED);
    expect(spanIds(b.tempo.spans, traceId)).toEqual(theirSpans);
    expect(spanIds(b.langfuse.otlpSpans, traceId).map((s) => s.split('/')[0])).toEqual([
      'chat gpt-4o-mini',
      'job-0',
    ]);
  });

  it('beside Sentry 11 (custom OTel setup): Sentry gets OTLP with its auth, ours get the same spans once', async () => {
    const dsn = `http://sentrypublickey@${new URL(theirs.url).host}/42`;
    const traceId = await runSetup('existing-sentry.cjs', { SENTRY_DSN: dsn });
    const theirSpans = spanIds(theirs.spans, traceId);
    expect(theirSpans.map((s) => s.split('/')[0])).toEqual(EXPECTED);
    const sentryRequest = theirs.requests.find((r) => r.path === '/api/42/integration/otlp/v1/traces/');
    expect(sentryRequest?.headers['x-sentry-auth']).toContain('sentry_key=sentrypublickey');
    expect(spanIds(b.tempo.spans, traceId)).toEqual(theirSpans);
    expect(spanIds(b.langfuse.otlpSpans, traceId).map((s) => s.split('/')[0])).toEqual([
      'chat gpt-4o-mini',
      'job-0',
    ]);
  });

  it("with @vercel/otel: its 'auto' exporter feeds Tempo once and Spanfuse adds Langfuse", async () => {
    const traceId = await runSetup('existing-vercel-otel.mjs', {});
    const tempo = spanIds(b.tempo.spans, traceId);
    expect(tempo.map((s) => s.split('/')[0])).toEqual(EXPECTED);
    expect(new Set(tempo).size).toBe(tempo.length);
    expect(b.tempo.spans.find((s) => s.traceId === traceId)!.resource['service.name']).toBe('vercel-app');
    expect(spanIds(b.langfuse.otlpSpans, traceId).map((s) => s.split('/')[0])).toEqual([
      'chat gpt-4o-mini',
      'job-0',
    ]);
  });
});
