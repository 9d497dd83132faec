// `node --import @spanfuse/node/register app.js` — zero-code setup for ESM and CJS apps.
// ESM only (uses import.meta and top-level await; excluded from the CJS build): Node awaits a
// `--import` module before loading the app, so the SDK is up before the app's first import.
import * as nodeModule from 'node:module';
import { pathToFileURL } from 'node:url';

/**
 * ESM apps need a loader hook for `import OpenAI from 'openai'` to be patchable
 * (opentelemetry-js doc/esm-support.md). Where Node's synchronous `module.registerHooks` works
 * with import-in-the-middle (Node ≥ 22.22.3 / 24.11.1), use it in-thread; else the async
 * `module.register` loader (Node 20). Both use the import-in-the-middle copy that
 * @opentelemetry/instrumentation itself loads, whose `Hook` registrations the loader must see.
 *
 * The loader intercepts only `include`, the modules an instrumentation hooks. Intercepting every
 * module (the loader's default) breaks packages that register state across their own internal
 * modules: openai 4.x's `_shims` then throw "you must `import 'openai/shims/node'`" at the app's
 * first `import OpenAI` (openai/openai-node#903, nodejs/import-in-the-middle#113). It also
 * spares every other module of the app the loader's proxy.
 */
async function installEsmHook(include: string[]): Promise<void> {
  const require = nodeModule.createRequire(import.meta.url);
  try {
    const fromInstrumentation = nodeModule.createRequire(require.resolve('@opentelemetry/instrumentation'));
    const supportsPath = fromInstrumentation.resolve('import-in-the-middle/supports-sync-hooks.mjs');
    const { supportsSyncHooks } = await import(pathToFileURL(supportsPath).href);
    if ('registerHooks' in nodeModule && supportsSyncHooks()) {
      const hooksPath = fromInstrumentation.resolve('import-in-the-middle/register-hooks.mjs');
      const { register } = await import(pathToFileURL(hooksPath).href);
      register({ include });
      return;
    }
  } catch {
    // fall back to the asynchronous loader below
  }
  nodeModule.register('@opentelemetry/instrumentation/hook.mjs', import.meta.url, { data: { include } });
}

// The SDK is loaded and the instrumentations are enabled *before* the hook goes in: modules
// imported through the loader are intercepted and wrapped one by one, which tripled the
// register's startup cost. Only the app's imports, which come after, need the hook; the
// instrumentations' import-in-the-middle `Hook`s are already registered by then.
const { startFromEnv } = await import('./sdk/start-from-env.js');
const started = await startFromEnv();
if (started?.hookedModules.length) await installEsmHook(started.hookedModules);
