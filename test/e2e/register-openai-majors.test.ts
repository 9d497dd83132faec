// The zero-code entry with an older openai major: the test/openai-majors/v4 apps (the real openai
// 4.x installed under its own name) run as `node --import @spanfuse/node/register app`, and their
// OpenAI spans must reach Tempo and Langfuse like 6.x spans do (register.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Backends, startBackends } from './fakes-env.js';
import { eventually, runApp, spanfuseLines } from './harness.js';

const REPLY = 'Hello from the fake OpenAI server.';

let b: Backends;
beforeAll(async () => {
  b = await startBackends();
});
afterAll(() => b.close());

async function checkOpenAIv4App(app: string) {
  const tempoBefore = b.tempo.spans.length;
  const langfuseBefore = b.langfuse.otlpSpans.length;
  // harness paths are relative to test/e2e/fixtures; the app must live in the v4 workspace so
  // that its `openai` resolves to that workspace's 4.x
  const run = await runApp(`../../openai-majors/v4/${app}`, {
    env: { ...b.env, FAKE_OPENAI_URL: b.openai.url, OTEL_SERVICE_NAME: `openai-v4-${app}` },
  });
  expect(run.code, run.stderr).toBe(0);
  expect(spanfuseLines(run.stderr)).toEqual([]);
  const line = run.stdout.split('\n').find((l) => l.startsWith('APP '));
  const saw = JSON.parse(line!.slice('APP '.length));
  expect(saw.version).toMatch(/^4\./);
  expect(saw.streamText).toBe(REPLY);
  expect(b.openai.requests.at(-1)?.headers['x-stainless-package-version']).toBe(saw.version);

  const isChat = (s: { name: string }) => s.name === 'chat gpt-4o-mini';
  await eventually(
    () => b.tempo.spans.slice(tempoBefore).filter(isChat).length === 2,
    10_000,
    'both chat spans in Tempo',
  );
  const tempo = b.tempo.spans.slice(tempoBefore);
  const [chat, streamed] = tempo.filter(isChat);
  expect(chat!.resource['service.name']).toBe(`openai-v4-${app}`);
  expect(chat!.scope.name).toBe('@spanfuse/instrumentation-openai');
  expect(chat!.attributes['gen_ai.usage.input_tokens']).toBe(12);
  expect(chat!.attributes['gen_ai.usage.output_tokens']).toBe(6);
  expect(streamed!.events.map((e) => e.name)).toEqual(['gen_ai.first_token']);
  expect(tempo.map((s) => s.name)).toEqual(
    expect.arrayContaining(['chat gpt-4.1', 'embeddings text-embedding-3-small']),
  );

  await eventually(
    () => b.langfuse.otlpSpans.slice(langfuseBefore).some((s) => s.spanId === chat!.spanId),
    10_000,
    'the chat span in Langfuse',
  );
  const inLangfuse = b.langfuse.otlpSpans.slice(langfuseBefore).find((s) => s.spanId === chat!.spanId)!;
  expect(inLangfuse.traceId).toBe(chat!.traceId);
  // a Langfuse generation with the 4.x call's usage
  expect(inLangfuse.attributes['langfuse.observation.type']).toBe('generation');
  expect(JSON.parse(inLangfuse.attributes['langfuse.observation.usage_details'] as string)).toMatchObject({
    input: 12,
    output: 6,
  });
}

describe('node --import @spanfuse/node/register with openai 4.x', () => {
  it('sends the OpenAI spans of a CommonJS app (require) to Tempo and Langfuse', async () => {
    await checkOpenAIv4App('app.cjs');
  });

  // The register entry's ESM loader intercepts only the hooked modules: intercepting every module
  // broke openai 4.x's `_shims` registry in ESM apps ("you must `import 'openai/shims/node'`…",
  // openai/openai-node#903, nodejs/import-in-the-middle#113).
  it('sends the OpenAI spans of an ESM app (import) to Tempo and Langfuse', async () => {
    await checkOpenAIv4App('app.mjs');
  });
});
