// openai 4.x and 5.x patched by the module hooks, as apps load them (`require('openai')`,
// `import 'openai'`). The hooks match the package name, so the root aliases of versions.test.ts
// cannot reach them: test/openai-majors/v4 and v5 are private workspaces that install the real
// major under the name `openai`. Their apps run as real child processes (vitest's loader bypasses
// the hooks) with the preloads of esm-cjs.test.ts, and each run checks which major the app
// really loaded, so 6.x (hoisted at the root) cannot stand in for it.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { type FakeOpenAI, startFakeOpenAI } from '@spanfuse/test-fakes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const preloads = fileURLToPath(new URL('./fixtures/', import.meta.url));
const majorsDir = fileURLToPath(new URL('../../../test/openai-majors/', import.meta.url));
const REPLY = 'Hello from the fake OpenAI server.';

interface PrintedSpan {
  name: string;
  attributes: Record<string, unknown>;
  events: string[];
}

/** What the app itself got back (see test/openai-majors/exercise.cjs). */
interface AppSaw {
  version: string;
  chat: string;
  streamChunks: number;
  streamText: string;
  streamChunksWithUsageKey: number;
  streamChunksWithoutChoices: number;
  responseText: string;
  embedding0: number;
}

function printed<T>(stdout: string, prefix: string): T {
  const line = stdout.split('\n').find((l) => l.startsWith(`${prefix} `));
  if (!line) throw new Error(`no ${prefix} line in the app's stdout:\n${stdout}`);
  return JSON.parse(line.slice(prefix.length + 1)) as T;
}

interface Variant {
  label: string;
  flag: '--require' | '--import';
  preload: string;
  app: 'app.cjs' | 'app.mjs';
  format: 'cjs' | 'esm';
}

const cjsRequire: Variant = {
  label: 'a CommonJS app with the CJS build preloaded by --require',
  flag: '--require',
  preload: 'preload.cjs',
  app: 'app.cjs',
  format: 'cjs',
};
const cjsImport: Variant = {
  label: 'a CommonJS app preloaded with --import',
  flag: '--import',
  preload: 'preload.mjs',
  app: 'app.cjs',
  format: 'cjs',
};
const esmHookedOnly: Variant = {
  label: 'an ESM app, the loader intercepting only hooked modules',
  flag: '--import',
  preload: 'preload-hooked-only.mjs',
  app: 'app.mjs',
  format: 'esm',
};
const esmEveryModule: Variant = {
  label: 'an ESM app, the loader intercepting every module',
  flag: '--import',
  preload: 'preload.mjs',
  app: 'app.mjs',
  format: 'esm',
};

// openai 4.x ESM does not load at all under a loader that intercepts every module (its `_shims`
// registry breaks when wrapped: openai/openai-node#903, nodejs/import-in-the-middle#113), with
// or without this instrumentation, so 4.x ESM runs only with the hooked-only loader.
const majors: Array<[string, Variant[]]> = [
  ['4', [cjsRequire, cjsImport, esmHookedOnly]],
  ['5', [cjsRequire, cjsImport, esmHookedOnly, esmEveryModule]],
];

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(() => fake.close());

async function runApp(major: string, v: Variant) {
  const preload = join(preloads, v.preload);
  const dir = join(majorsDir, `v${major}`);
  const { stdout } = await run(
    process.execPath,
    [v.flag, v.flag === '--import' ? pathToFileURL(preload).href : preload, join(dir, v.app)],
    { cwd: dir, env: { ...process.env, FAKE_OPENAI_URL: fake.url }, timeout: 30_000 },
  );
  return { saw: printed<AppSaw>(stdout, 'APP'), spans: printed<PrintedSpan[]>(stdout, 'SPANS') };
}

describe.each(majors)('openai %s.x loaded by its own name', (major, variants) => {
  it.each(variants.map((v) => [v.label, v] as const))('patches %s', async (_label, v) => {
    const sentBefore = fake.requests.length;
    const { saw, spans } = await runApp(major, v);

    // the major under test, not the 6.x hoisted at the root: as the app resolved it, and as the
    // SDK that made the calls announced itself on the wire
    expect(saw.version.startsWith(`${major}.`)).toBe(true);
    const sent = fake.requests.slice(sentBefore);
    expect(sent.map((r) => [r.path, r.headers['x-stainless-package-version']])).toEqual([
      ['/v1/chat/completions', saw.version],
      ['/v1/chat/completions', saw.version],
      ['/v1/responses', saw.version],
      ['/v1/embeddings', saw.version],
    ]);

    expect(
      spans.map((s) => [
        s.name,
        s.attributes['gen_ai.request.model'],
        s.attributes['gen_ai.usage.input_tokens'],
        s.attributes['gen_ai.usage.output_tokens'],
        s.events,
      ]),
    ).toEqual([
      ['chat gpt-4o-mini', 'gpt-4o-mini', 12, 6, []],
      ['chat gpt-4o-mini', 'gpt-4o-mini', 12, 6, ['gen_ai.first_token']],
      ['chat gpt-4.1', 'gpt-4.1', 12, 6, []],
      ['embeddings text-embedding-3-small', 'text-embedding-3-small', 4, undefined, []],
    ]);
    expect(spans[0]?.attributes['gen_ai.input.messages']).toContain(`hello from ${v.format}`);
    expect(spans[1]?.attributes['gen_ai.request.stream']).toBe(true);
    expect(JSON.parse(spans[1]?.attributes['gen_ai.output.messages'] as string)[0].parts[0].content).toBe(
      REPLY,
    );

    // the app got what it would have got uninstrumented, though the instrumentation asked the
    // stream for usage (one extra chunk without choices, `usage: null` on the others)
    expect(sent[1]?.body.stream_options).toEqual({ include_usage: true });
    expect(saw).toEqual({
      version: saw.version,
      chat: REPLY,
      streamChunks: 8,
      streamText: REPLY,
      streamChunksWithUsageKey: 0,
      streamChunksWithoutChoices: 0,
      responseText: REPLY,
      embedding0: 0.5,
    });
  });
});
