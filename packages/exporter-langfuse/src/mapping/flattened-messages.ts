/**
 * Rebuilds message lists that instrumentations flatten into one attribute per field:
 * OpenLLMetry / pre-1.28 semconv `gen_ai.prompt.0.role`, `gen_ai.completion.0.tool_calls.0.name`
 * and OpenInference `llm.input_messages.0.message.role`. Numeric path segments become array
 * indexes (bounded, holes removed); OpenInference's `message` wrapper is unwrapped so that
 * Langfuse sees plain `{ role, content }` messages it renders as a chat.
 */
import type { Attributes } from '@opentelemetry/api';

// Bounds an attacker- or bug-controlled index ("gen_ai.prompt.99999999.role") — the server
// has the same kind of guard (ArraySlotBudget).
const MAX_INDEX = 1000;
// Prototype pollution guard: these keys never become object properties.
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

type Node = Record<string, unknown> | unknown[];

function isIndex(segment: string): boolean {
  if (segment.length === 0 || segment.length > 4) return false;
  for (let i = 0; i < segment.length; i++) {
    const c = segment.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return Number(segment) < MAX_INDEX;
}

/**
 * Nests `keys` (all starting with `prefix`) into arrays/objects. Returns the value of the bare
 * `prefix` key when present (some instrumentations set `gen_ai.prompt` to a JSON string), else
 * the rebuilt structure, or undefined when no key belongs to the prefix.
 */
export function unflatten(attributes: Attributes, keys: string[], prefix: string, unwrap?: string): unknown {
  const bare = attributes[prefix];
  if (bare !== undefined && bare !== '') return bare;
  let root: Node | undefined;
  for (const key of keys) {
    // Only `${prefix}.…` belongs to the family (not e.g. `gen_ai.prompt_template`).
    if (key.charCodeAt(prefix.length) !== 46) continue;
    const path = key.slice(prefix.length + 1).split('.');
    if (path.some((segment) => FORBIDDEN.has(segment))) continue;
    root ??= isIndex(path[0] as string) ? [] : {};
    setPath(root, path, attributes[key]);
  }
  if (root === undefined) return undefined;
  const result = compact(root);
  if (unwrap !== undefined && Array.isArray(result)) {
    return result.map((item) =>
      item !== null && typeof item === 'object' && unwrap in item
        ? (item as Record<string, unknown>)[unwrap]
        : item,
    );
  }
  return result;
}

function setPath(root: Node, path: string[], value: unknown): void {
  let node: Node = root;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i] as string;
    const last = i === path.length - 1;
    if (Array.isArray(node)) {
      if (!isIndex(segment)) return; // mixed shapes: drop the odd key rather than guess
      const at = Number(segment);
      if (last) {
        node[at] = value;
        return;
      }
      let next = node[at];
      if (next === null || typeof next !== 'object') {
        next = isIndex(path[i + 1] as string) ? [] : {};
        node[at] = next;
      }
      node = next as Node;
    } else {
      if (last) {
        node[segment] = value;
        return;
      }
      let next = node[segment];
      if (next === null || typeof next !== 'object') {
        next = isIndex(path[i + 1] as string) ? [] : {};
        node[segment] = next;
      }
      node = next as Node;
    }
  }
}

/** Removes array holes left by sparse indexes, recursively. */
function compact(node: unknown): unknown {
  if (Array.isArray(node)) {
    const out: unknown[] = [];
    for (const item of node) if (item !== undefined) out.push(compact(item));
    return out;
  }
  if (node !== null && typeof node === 'object') {
    for (const key of Object.keys(node)) {
      const record = node as Record<string, unknown>;
      record[key] = compact(record[key]);
    }
  }
  return node;
}
