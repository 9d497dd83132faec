/**
 * Serialization of span values for Langfuse that never throws: circular references, BigInt,
 * functions, binary data, Dates, Errors and lone surrogates all become readable text, and every
 * value is capped in UTF-8 bytes with a visible truncation marker.
 *
 * Fast path (a deliberate choice): strings are passed through as they are — no parse, no
 * stringify. Instrumentations write `gen_ai.input.messages`, `input.value`, `ai.prompt.messages`…
 * with `JSON.stringify`, and Langfuse's `langfuse.observation.input` attribute takes text or JSON
 * text alike, so validating them would cost a full `JSON.parse` per span for nothing. The result is
 * therefore "text or JSON text", never guaranteed to be valid JSON (see `SerializedValue`).
 */

/** Default cap of one serialized value, in UTF-8 bytes. */
export const DEFAULT_MAX_VALUE_BYTES = 1_000_000;

/** Deepest object nesting serialized; deeper values become `"[Depth limit]"`. */
const MAX_DEPTH = 64;

// String.prototype.isWellFormed/toWellFormed exist from Node 20 (V8 11.3) but not in lib ES2022.
type WellFormedString = string & { isWellFormed(): boolean; toWellFormed(): string };

/** Replaces lone UTF-16 surrogates with U+FFFD (they are not encodable as UTF-8). */
export function toWellFormed(text: string): string {
  const s = text as WellFormedString;
  return s.isWellFormed() ? text : s.toWellFormed();
}

/**
 * Cuts `text` to at most `maxBytes` UTF-8 bytes (never inside a character) and appends
 * `…[truncated N bytes]`, N being the number of bytes cut. Returns `text` when it fits.
 */
export function truncateUtf8(text: string, maxBytes: number = DEFAULT_MAX_VALUE_BYTES): string {
  // A UTF-16 code unit is at most 3 UTF-8 bytes: short strings need no byte count.
  if (text.length * 3 <= maxBytes) return text;
  const total = Buffer.byteLength(text, 'utf8');
  if (total <= maxBytes) return text;
  const limit = Math.max(0, Math.floor(maxBytes));
  // At most `limit` code units can fit; encode only that prefix, not the whole (maybe 5 MB) text.
  let end = Math.min(text.length, limit);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1; // do not split a surrogate pair
  const head = Buffer.from(text.slice(0, end), 'utf8');
  let kept = head.length <= limit ? head : head.subarray(0, limit);
  // Step back over a partially cut multi-byte character (continuation bytes are 10xxxxxx).
  if (kept.length < head.length) {
    let cut = kept.length;
    while (cut > 0 && (head[cut] as number) >>> 6 === 0b10) cut -= 1;
    kept = head.subarray(0, cut);
  }
  return `${kept.toString('utf8')}…[truncated ${total - kept.length} bytes]`;
}

/**
 * Serializes an attribute or any other value as Langfuse expects it in
 * `langfuse.observation.input`/`output` and metadata values: strings as they are (well-formed),
 * numbers and booleans as text, everything else as JSON text; capped at `maxBytes`.
 *
 * @param maxBytes - cap in UTF-8 bytes. @defaultValue `1_000_000`
 */
export function serializeValue(value: unknown, maxBytes: number = DEFAULT_MAX_VALUE_BYTES): string {
  if (typeof value === 'string') return truncateUtf8(toWellFormed(value), maxBytes);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && isPrimitiveArray(value)) {
    // OTel attribute arrays hold only primitives: plain JSON.stringify, no replacer needed.
    const text = JSON.stringify(value);
    if (!text.includes('\\ud')) return truncateUtf8(text, maxBytes);
  }
  return safeJsonStringify(value, maxBytes);
}

function isPrimitiveArray(values: unknown[]): boolean {
  for (const item of values) {
    const type = typeof item;
    if (
      type !== 'string' &&
      type !== 'boolean' &&
      item !== null &&
      (type !== 'number' || !Number.isFinite(item))
    ) {
      return false;
    }
  }
  return true;
}

/**
 * `JSON.stringify` that never throws and always returns JSON text (for a value that has no JSON
 * form, such as `undefined` or a function, a JSON string describing it). Circular references
 * become `"[Circular]"`, BigInts decimal strings, binary data `"[Uint8Array N bytes]"`, Errors
 * `{name, message, stack}`, lone surrogates U+FFFD. The result is cut at `maxBytes` (then it is no
 * longer valid JSON, but still a readable, marked string).
 *
 * @param maxBytes - cap in UTF-8 bytes. @defaultValue `1_000_000`
 */
export function safeJsonStringify(value: unknown, maxBytes: number = DEFAULT_MAX_VALUE_BYTES): string {
  let text: string | undefined;
  try {
    // Native fast path; the replacer only acts on the rare non-JSON types.
    text = JSON.stringify(value, replacer);
    // Lone surrogates come out escaped as \udXXX: let the careful walker replace them.
    if (text?.includes('\\ud')) text = undefined;
  } catch {
    text = undefined; // circular, or a throwing toJSON/getter
  }
  if (text === undefined) {
    try {
      text = JSON.stringify(walk(value, [], 0)) ?? '"[undefined]"';
    } catch {
      text = '"[Unserializable]"';
    }
  }
  return truncateUtf8(text, maxBytes);
}

function replacer(this: unknown, _key: string, value: unknown): unknown {
  switch (typeof value) {
    case 'bigint':
      return value.toString();
    case 'function':
      return `[Function ${value.name || 'anonymous'}]`;
    case 'symbol':
      return value.toString();
    case 'object':
      if (value === null) return value;
      if (value instanceof Error) return errorToJson(value);
      if (ArrayBuffer.isView(value)) return binaryLabel(value);
      if (value instanceof ArrayBuffer) return `[ArrayBuffer ${value.byteLength} bytes]`;
      if (value instanceof Map) return Object.fromEntries(value);
      if (value instanceof Set) return Array.from(value);
      return value;
    default:
      return value;
  }
}

function binaryLabel(view: ArrayBufferView): string {
  return `[${view.constructor?.name ?? 'ArrayBufferView'} ${view.byteLength} bytes]`;
}

function errorToJson(error: Error): Record<string, unknown> {
  return { name: error.name, message: error.message, stack: error.stack };
}

/**
 * Builds a plain JSON-safe copy: cycles (on the current path only, so shared references are
 * kept) become "[Circular]", strings and keys are made well-formed, getters that throw are
 * reported instead of propagated.
 */
function walk(value: unknown, path: object[], depth: number): unknown {
  if (typeof value === 'string') return toWellFormed(value);
  if (typeof value !== 'object' || value === null) {
    const replaced = replacer.call(undefined, '', value);
    return typeof replaced === 'number' && !Number.isFinite(replaced) ? null : replaced;
  }
  if (path.includes(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Depth limit]';
  let source: unknown = value;
  if (!(value instanceof Error) && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    try {
      source = (value as { toJSON(): unknown }).toJSON();
    } catch {
      return '[toJSON threw]';
    }
    if (typeof source !== 'object' || source === null) return walk(source, path, depth + 1);
  }
  const replaced = replacer.call(undefined, '', source);
  if (typeof replaced !== 'object' || replaced === null) return replaced;
  path.push(value);
  try {
    if (Array.isArray(replaced)) {
      return replaced.map((item) => walk(item, path, depth + 1) ?? null);
    }
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(replaced)) {
      let item: unknown;
      try {
        item = (replaced as Record<string, unknown>)[key];
      } catch {
        item = '[Getter threw]';
      }
      const safe = walk(item, path, depth + 1);
      if (safe !== undefined) out[toWellFormed(key)] = safe;
    }
    return out;
  } finally {
    path.pop();
  }
}
