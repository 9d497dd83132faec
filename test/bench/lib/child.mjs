// Runs one benchmark variant in its own Node process (clean module state, its own RSS) and
// collects the JSON result it prints on a line starting with RESULT_PREFIX.
import { spawn } from 'node:child_process';

export const RESULT_PREFIX = 'BENCH_RESULT ';

/**
 * Prints the result of a child variant for the parent to pick up, then exits the child (a
 * processor still retrying in the background must not keep it alive).
 */
export function emitResult(result) {
  process.stdout.write(`\n${RESULT_PREFIX}${JSON.stringify(result)}\n`, () => process.exit(0));
}

/**
 * Spawns `node [nodeArgs] script [args]` and resolves with the parsed result object, or with
 * `{ error }` when the child failed, timed out or printed no result. Never rejects.
 */
export function runChild(script, args = [], { env, cwd, timeoutMs = 180_000, nodeArgs = [] } = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...nodeArgs, script, ...args], {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      if (stderr.length < 64_000) stderr += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      if (line) {
        const result = JSON.parse(line.slice(RESULT_PREFIX.length));
        if (stderr.trim()) result.stderr = stderr.trim().slice(0, 2000);
        resolve(result);
        return;
      }
      const why = signal ? `killed by ${signal}${signal === 'SIGKILL' ? ' (timeout)' : ''}` : `exit ${code}`;
      resolve({ error: `${why}: ${(stderr || stdout).trim().slice(-1500)}` });
    });
  });
}

/**
 * {@link runChild}, retried once after 5 s when the variant failed while loading: in a shared
 * working tree a package's dist/ may be mid-rebuild for a moment.
 */
export async function runVariant(script, args, options) {
  const first = await runChild(script, args, options);
  if (!first.error?.startsWith('setup failed')) return first;
  await new Promise((resolve) => setTimeout(resolve, 5000));
  return runChild(script, args, options);
}
