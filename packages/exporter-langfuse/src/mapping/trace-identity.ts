/**
 * Trace-level identity carried by one span: `langfuse.trace.*`, user and session, tags, public,
 * trace metadata, trace input/output, version. Read like the server (`extractUserId`,
 * `extractSessionId`, `extractTags`, `extractPublic`), first non-empty key wins:
 *
 * - user: `langfuse.user.id` > `user.id` > metadata `langfuse_user_id`
 *   (observation then trace metadata) > Vercel `ai.telemetry.metadata.userId`
 * - session: `langfuse.session.id` > `session.id` > `gen_ai.conversation.id` > metadata
 *   `langfuse_session_id` > Vercel `ai.telemetry.metadata.sessionId`
 * - tags: `langfuse.trace.tags` > `langfuse.tags` > metadata `langfuse_tags` >
 *   `ai.telemetry.metadata.tags` (string array, JSON array text, or comma-separated text)
 *
 * Only what the span says explicitly is returned: the root span's name as trace name is added by
 * `mapSpan`, and identities of several spans are merged by `TraceIdentityCache`.
 */
import type { Attributes } from '@opentelemetry/api';
import { GEN_AI, LANGFUSE, LANGFUSE_COMPAT, VERCEL_AI } from '../attributes.js';
import type { TraceIdentity } from '../model/observation.js';
import { serializeValue } from '../safe-json.js';
import type { AttributeIndex } from './attribute-index.js';
import { readBoolean, readJsonObject, readString } from './read.js';

const OBS_META = `${LANGFUSE.OBSERVATION_METADATA}.`;
const TRACE_META = `${LANGFUSE.TRACE_METADATA}.`;

const USER_KEYS = [
  LANGFUSE.TRACE_COMPAT_USER_ID,
  LANGFUSE.TRACE_USER_ID,
  OBS_META + LANGFUSE_COMPAT.META_USER_ID,
  TRACE_META + LANGFUSE_COMPAT.META_USER_ID,
  `${VERCEL_AI.TELEMETRY_METADATA_PREFIX}userId`,
];
const SESSION_KEYS = [
  LANGFUSE.TRACE_COMPAT_SESSION_ID,
  LANGFUSE.TRACE_SESSION_ID,
  GEN_AI.CONVERSATION_ID,
  OBS_META + LANGFUSE_COMPAT.META_SESSION_ID,
  TRACE_META + LANGFUSE_COMPAT.META_SESSION_ID,
  `${VERCEL_AI.TELEMETRY_METADATA_PREFIX}sessionId`,
];
const TAG_KEYS = [
  LANGFUSE.TRACE_TAGS,
  LANGFUSE_COMPAT.TAGS,
  OBS_META + LANGFUSE_COMPAT.META_TAGS,
  TRACE_META + LANGFUSE_COMPAT.META_TAGS,
  `${VERCEL_AI.TELEMETRY_METADATA_PREFIX}tags`,
];

function firstString(attributes: Attributes, keys: string[]): string | undefined {
  for (const key of keys) {
    const value = readString(attributes, key);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** The trace identity one span states explicitly (empty object when none). */
export function traceIdentityOf(index: AttributeIndex, maxBytes: number): TraceIdentity {
  const a = index.attributes;
  const identity: TraceIdentity = {};
  const name = readString(a, LANGFUSE.TRACE_NAME);
  if (name !== undefined) identity.name = name;
  const userId = firstString(a, USER_KEYS);
  if (userId !== undefined) identity.userId = userId;
  const sessionId = firstString(a, SESSION_KEYS);
  if (sessionId !== undefined) identity.sessionId = sessionId;
  const tags = tagsOf(a);
  if (tags !== undefined) identity.tags = tags;
  const isPublic = readBoolean(a, LANGFUSE.TRACE_PUBLIC) ?? readBoolean(a, LANGFUSE_COMPAT.PUBLIC);
  if (isPublic !== undefined) identity.public = isPublic;
  const metadata = traceMetadataOf(index, maxBytes);
  if (metadata !== undefined) identity.metadata = metadata;
  const input = a[LANGFUSE.TRACE_INPUT];
  if (input !== undefined && input !== '') identity.input = serializeValue(input, maxBytes);
  const output = a[LANGFUSE.TRACE_OUTPUT];
  if (output !== undefined && output !== '') identity.output = serializeValue(output, maxBytes);
  const version = readString(a, LANGFUSE.VERSION);
  if (version !== undefined) identity.version = version;
  return identity;
}

function tagsOf(attributes: Attributes): string[] | undefined {
  for (const key of TAG_KEYS) {
    const value = attributes[key];
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) return value.filter((tag) => tag != null).map(String);
    const text = String(value).trim();
    if (text.startsWith('[')) {
      try {
        const parsed: unknown = JSON.parse(text);
        if (Array.isArray(parsed)) return parsed.map(String);
      } catch {
        // not JSON: read as text below
      }
    }
    return text.includes(',') ? text.split(',').map((tag) => tag.trim()) : [text];
  }
  return undefined;
}

/** `langfuse.trace.metadata` (JSON object, top-level keys) merged with `langfuse.trace.metadata.*`. */
function traceMetadataOf(index: AttributeIndex, maxBytes: number): Record<string, string> | undefined {
  const a = index.attributes;
  const blob = readJsonObject(a, LANGFUSE.TRACE_METADATA, maxBytes);
  if (blob === undefined && index.traceMetadata === undefined) return undefined;
  const metadata: Record<string, string> = {};
  if (blob !== undefined) {
    for (const key of Object.keys(blob)) metadata[key] = serializeValue(blob[key], maxBytes);
  }
  for (const key of index.traceMetadata ?? []) {
    metadata[key.slice(TRACE_META.length)] = serializeValue(a[key], maxBytes);
  }
  return metadata;
}

/**
 * Merges `next` into `base`: defined fields of `next` win, metadata keys merge (next wins),
 * tags are united. Returns a new object; neither argument is changed.
 */
export function mergeTraceIdentity(base: TraceIdentity | undefined, next: TraceIdentity): TraceIdentity {
  if (base === undefined) return next;
  const merged: TraceIdentity = { ...base };
  for (const key of Object.keys(next) as (keyof TraceIdentity)[]) {
    const value = next[key];
    if (value === undefined) continue;
    if (key === 'metadata') merged.metadata = { ...base.metadata, ...next.metadata };
    else if (key === 'tags') merged.tags = unite(base.tags, next.tags);
    else (merged as Record<string, unknown>)[key] = value;
  }
  return merged;
}

/** True when the identity has at least one defined field. */
export function hasIdentity(identity: TraceIdentity): boolean {
  for (const key in identity) {
    if (identity[key as keyof TraceIdentity] !== undefined) return true;
  }
  return false;
}

function unite(a: string[] | undefined, b: string[] | undefined): string[] | undefined {
  if (a === undefined || a.length === 0) return b;
  if (b === undefined || b.length === 0) return a;
  return Array.from(new Set([...a, ...b]));
}
