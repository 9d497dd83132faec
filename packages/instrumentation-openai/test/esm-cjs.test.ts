// Module hooks only work in real processes (vitest's loader bypasses them): each app fixture
// runs as `node --import ./preload.mjs <app>` against the built package and the fake server.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type FakeOpenAI, startFakeOpenAI } from '@spanfuse/test-fakes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

interface PrintedSpan {
  name: string;
  attributes: Record<string, unknown>;
  events: string[];
}

async function spansOf(preload: string[], app: string, fake: FakeOpenAI): Promise<PrintedSpan[]> {
  const { stdout } = await run(process.execPath, [...preload, app], {
    cwd: fixtures,
    env: { ...process.env, FAKE_OPENAI_URL: fake.url },
    timeout: 20_000,
  });
  const line = stdout.split('\n').find((l) => l.startsWith('SPANS '));
  return line ? JSON.parse(line.slice('SPANS '.length)) : [];
}

describe('module hooks', () => {
  let fake: FakeOpenAI;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
  });
  afterAll(() => fake.close());

  it.each([
    ['a CommonJS app (require) preloaded with --import', ['--import', './preload.mjs'], 'app.cjs', 'cjs'],
    [
      'a CommonJS app with the CJS build preloaded by --require',
      ['--require', './preload.cjs'],
      'app.cjs',
      'cjs',
    ],
    ['an ESM app (import, through hook.mjs)', ['--import', './preload.mjs'], 'app.mjs', 'esm'],
  ])('patches %s', async (_label, preload, app, word) => {
    const spans = await spansOf(preload, app, fake);
    expect(spans.map((s) => s.name)).toEqual(['chat gpt-4o-mini', 'chat gpt-4o-mini']);
    expect(spans[0]?.attributes['gen_ai.input.messages']).toContain(word);
    expect(spans[1]?.attributes['gen_ai.usage.output_tokens']).toBe(6);
    expect(spans[1]?.events).toEqual(['gen_ai.first_token']);
  });
});
