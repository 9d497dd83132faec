// The peer packages (@langfuse/otel, the other OpenAI instrumentations, auto-instrumentations)
// live in their own npm projects under test/bench/peers/<name>, with their own lockfiles: they
// pin other OpenTelemetry lines than the workspace, and a combined install took > 15 min. They
// are installed here, by the bench command, never by the workspace's `npm ci`.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const BENCH_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
export const ROOT_DIR = dirname(dirname(BENCH_DIR));
export const PEERS_DIR = join(BENCH_DIR, 'peers');

/** Directory of the peer project `name` ('langfuse' or 'openai'). */
export function peerDir(name) {
  return join(PEERS_DIR, name);
}

/** Installs the peer project from its lockfile when its node_modules is missing. */
export function ensurePeers(name, log = console.log) {
  const dir = peerDir(name);
  if (existsSync(join(dir, 'node_modules', '.package-lock.json'))) return;
  const hasLock = existsSync(join(dir, 'package-lock.json'));
  log(`installing bench peers '${name}' (${hasLock ? 'npm ci' : 'npm install'} --legacy-peer-deps)…`);
  execFileSync('npm', [hasLock ? 'ci' : 'install', '--legacy-peer-deps', '--no-audit', '--no-fund'], {
    cwd: dir,
    stdio: 'inherit',
  });
}

/** `require` resolving from the peer project `name`. */
export function peerRequire(name) {
  return createRequire(join(peerDir(name), 'package.json'));
}

/** Dynamic `import()` of a package resolved from the peer project `name` (CJS resolution). */
export function peerImport(name, specifier) {
  return import(pathToFileURL(peerRequire(name).resolve(specifier)).href);
}
