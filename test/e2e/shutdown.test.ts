import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Backends, startBackends } from './fakes-env.js';
import { eventually, jsonLines, runApp, startApp } from './harness.js';

let b: Backends;
beforeAll(async () => {
  b = await startBackends();
});
afterAll(() => b.close());

// Nothing is exported on a timer during these tests: only the shutdown hooks can deliver.
const NO_TIMERS = {
  OTEL_BSP_SCHEDULE_DELAY: '600000',
  LANGFUSE_FLUSH_INTERVAL: '600',
  LANGFUSE_FLUSH_AT: '100000',
};

function traceIdOf(stdout: string): string {
  return jsonLines(stdout).find((l) => l.msg === 'job started')!.trace_id as string;
}

async function delivered(traceId: string): Promise<void> {
  await eventually(
    () => b.tempo.spans.some((s) => s.traceId === traceId && s.name === 'job-0'),
    5000,
    'Tempo',
  );
  await eventually(
    () => b.langfuse.otlpSpans.some((s) => s.traceId === traceId && s.name === 'job-0'),
    5000,
    'Langfuse',
  );
}

describe('shutdown', () => {
  it('loses nothing when a short script simply ends (beforeExit flush)', async () => {
    const run = await runApp('esm-app.mjs', { env: { ...b.env, ...NO_TIMERS } });
    expect(run.code).toBe(0);
    await delivered(traceIdOf(run.stdout));
  });

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'flushes on %s and then ends the way the signal would',
    async (signal) => {
      const app = startApp('esm-app.mjs', { env: { ...b.env, ...NO_TIMERS, FIXTURE_WAIT_FOR_SIGNAL: '1' } });
      await app.waitForLine((l) => l.includes('"msg":"ready"'));
      app.child.kill(signal);
      expect(await app.exited).toEqual({ code: null, signal });
      await delivered(traceIdOf(app.stdout()));
    },
  );

  it('leaves control to an app that has its own SIGTERM handler, and still flushes', async () => {
    const app = startApp('esm-app.mjs', {
      env: { ...b.env, ...NO_TIMERS, FIXTURE_WAIT_FOR_SIGNAL: '1', FIXTURE_OWN_SIGTERM: '7' },
    });
    await app.waitForLine((l) => l.includes('"msg":"ready"'));
    app.child.kill('SIGTERM');
    expect(await app.exited).toEqual({ code: 7, signal: null });
    expect(jsonLines(app.stdout()).some((l) => l.msg === 'app handled SIGTERM')).toBe(true);
    await delivered(traceIdOf(app.stdout()));
  });
});
