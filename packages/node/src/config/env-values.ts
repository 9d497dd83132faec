// Small readers for environment values. Each returns the value to use and, for a bad value,
// one line naming the variable, the value, what is allowed and what is used instead.

/** Environment variables, as `process.env`. */
export type Env = Record<string, string | undefined>;

/** Collects problem lines while reading. */
export class EnvReader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  /** The trimmed value, or undefined when unset or empty. */
  raw(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === '' ? undefined : value;
  }

  /** First set variable among `names` (e.g. LANGFUSE_BASE_URL then LANGFUSE_HOST). */
  firstOf(...names: string[]): { name: string; value: string } | undefined {
    for (const name of names) {
      const value = this.raw(name);
      if (value !== undefined) return { name, value };
    }
    return undefined;
  }

  report(name: string, value: string, allowed: string, used: string): void {
    this.problems.push(`${name}=${JSON.stringify(value)} is not valid (allowed: ${allowed}); using ${used}`);
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const lower = value.toLowerCase();
    if (['true', '1', 'yes', 'on'].includes(lower)) return true;
    if (['false', '0', 'no', 'off'].includes(lower)) return false;
    this.report(name, value, 'true or false', String(fallback));
    return fallback;
  }

  /** A number within [min, max]; `integer` rejects fractions. */
  number(
    name: string,
    opts: { min: number; max: number; integer?: boolean; fallback?: number },
  ): number | undefined {
    const value = this.raw(name);
    if (value === undefined) return opts.fallback;
    const n = Number(value);
    const ok = Number.isFinite(n) && n >= opts.min && n <= opts.max && (!opts.integer || Number.isInteger(n));
    if (ok) return n;
    const kind = opts.integer ? 'an integer' : 'a number';
    const used = opts.fallback === undefined ? 'the default' : String(opts.fallback);
    this.report(name, value, `${kind} from ${opts.min} to ${opts.max}`, used);
    return opts.fallback;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const lower = value.toLowerCase() as T;
    if (allowed.includes(lower)) return lower;
    this.report(name, value, allowed.join(', '), fallback);
    return fallback;
  }

  /** An absolute http(s) URL, without trailing slash. */
  url(names: string[], fallback: string): string {
    const found = this.firstOf(...names);
    if (!found) return fallback;
    try {
      const url = new URL(found.value);
      if (url.protocol === 'http:' || url.protocol === 'https:') return found.value.replace(/\/+$/, '');
    } catch {
      // reported below
    }
    this.report(found.name, found.value, 'an http(s) URL', fallback);
    return fallback;
  }

  /** A comma-separated list, lowercased, empty entries dropped. */
  list(name: string): string[] | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    return value
      .split(',')
      .map((entry) => entry.trim().toLowerCase())
      .filter((entry) => entry !== '');
  }
}
