// Runs fixture apps as real child processes under `node --import @spanfuse/node/register`
// (vitest's own loader would bypass Node's module hooks) against loopback fakes.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// vitest provides __dirname in test modules (the root tsconfig compiles tests as CommonJS: no import.meta)
export const FIXTURES = join(__dirname, 'fixtures');
const REPO_ROOT = join(FIXTURES, '..', '..', '..');

/** A finished (or running) child app. */
export interface AppRun {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code and signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves once a stdout line matches. */
  waitForLine(match: (line: string) => boolean, timeoutMs?: number): Promise<string>;
}

/** Options of {@link startApp}. */
export interface StartAppOptions {
  env?: Record<string, string | undefined>;
  /** Preload the register entry. @defaultValue true */
  register?: boolean;
  /** Fixtures to preload (`--import`) before the register entry. */
  preload?: string[];
}

/** Starts a fixture with a clean environment (no OTEL_* / LANGFUSE_* leak in from the test runner). */
export function startApp(fixture: string, options: StartAppOptions = {}): AppRun {
  const args = (options.preload ?? []).flatMap((p) => ['--import', pathToFileURL(join(FIXTURES, p)).href]);
  if (options.register !== false) args.push('--import', '@spanfuse/node/register');
  const child = spawn(process.execPath, [...args, join(FIXTURES, fixture)], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, OTEL_BSP_SCHEDULE_DELAY: '200', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const listeners = new Set<() => void>();
  child.stdout!.on('data', (d) => {
    out += d;
    for (const l of listeners) l();
  });
  child.stderr!.on('data', (d) => {
    err += d;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitForLine(match, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const line = out.split('\n').find(match);
          if (line === undefined) return;
          listeners.delete(check);
          clearTimeout(timer);
          resolve(line);
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`no matching stdout line after ${timeoutMs} ms; stderr:\n${err}`));
        }, timeoutMs);
        listeners.add(check);
        check();
      });
    },
  };
}

/** Runs a fixture to completion. */
export async function runApp(fixture: string, options: StartAppOptions = {}) {
  const run = startApp(fixture, options);
  const { code, signal } = await run.exited;
  return { code, signal, stdout: run.stdout(), stderr: run.stderr() };
}

/** The JSON lines of a pino stdout stream (other lines ignored). */
export function jsonLines(stdout: string): Array<Record<string, unknown>> {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** stderr lines written by Spanfuse's diag (`[otel warn] @spanfuse/node …`). */
export function spanfuseLines(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l.includes('@spanfuse/node'));
}

/** Waits until `predicate` holds (polling), or fails after `timeoutMs`. */
export async function eventually(
  predicate: () => boolean,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
