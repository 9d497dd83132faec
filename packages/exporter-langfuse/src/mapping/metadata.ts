/**
 * Observation metadata, flattened to top-level keys (values plain strings or JSON text):
 * - every span attribute the mapping did not turn into a Langfuse field, under its own name;
 * - `resourceAttributes`: the resource attributes (service.name, deployment.environment.name…)
 *   as JSON text, and `scope`: `{name, version}` as JSON text — each serialized once per
 *   resource/scope object (WeakMap), not once per span;
 * - Vercel AI `ai.telemetry.metadata.<key>` as `<key>` (userId, sessionId and tags go to the
 *   trace identity instead), as the server does;
 * - `langfuse.observation.metadata` (JSON object, top-level keys) and
 *   `langfuse.observation.metadata.<key>`, which win over the above on a clash.
 */
import type { InstrumentationScope } from '@opentelemetry/core';
import { LANGFUSE, VERCEL_AI } from '../attributes.js';
import { safeJsonStringify, serializeValue } from '../safe-json.js';
import type { AttributeIndex } from './attribute-index.js';
import { readJsonObject } from './read.js';

/** Metadata key holding the resource attributes (JSON text). */
export const RESOURCE_ATTRIBUTES_KEY = 'resourceAttributes';
/** Metadata key holding the instrumentation scope (JSON text). */
export const SCOPE_KEY = 'scope';

const OBS_META = `${LANGFUSE.OBSERVATION_METADATA}.`;
const VERCEL_IDENTITY_KEYS = new Set(['userId', 'sessionId', 'tags']);

// Keyed by object identity: the SDK shares one Resource per provider and one scope per tracer.
const resourceJson = new WeakMap<object, string>();
const scopeJson = new WeakMap<object, string>();

/** The JSON text of a resource's attributes, computed once per resource object. */
export function resourceAttributesJson(resource: object, attributes: object, maxBytes: number): string {
  let json = resourceJson.get(resource);
  if (json === undefined) {
    json = safeJsonStringify(attributes, maxBytes);
    resourceJson.set(resource, json);
  }
  return json;
}

function scopeToJson(scope: InstrumentationScope, maxBytes: number): string {
  let json = scopeJson.get(scope);
  if (json === undefined) {
    json = safeJsonStringify({ name: scope.name, version: scope.version }, maxBytes);
    scopeJson.set(scope, json);
  }
  return json;
}

/** Builds the observation metadata of a span. */
export function metadataOf(
  index: AttributeIndex,
  resource: { attributes: object },
  scope: InstrumentationScope,
  maxBytes: number,
): Record<string, string> {
  const a = index.attributes;
  const metadata: Record<string, string> = {};
  for (const key of index.leftovers ?? []) metadata[key] = serializeValue(a[key], maxBytes);
  metadata[RESOURCE_ATTRIBUTES_KEY] = resourceAttributesJson(resource, resource.attributes, maxBytes);
  metadata[SCOPE_KEY] = scopeToJson(scope, maxBytes);
  for (const key of index.vercelMetadata ?? []) {
    const name = key.slice(VERCEL_AI.TELEMETRY_METADATA_PREFIX.length);
    if (!VERCEL_IDENTITY_KEYS.has(name)) metadata[name] = serializeValue(a[key], maxBytes);
  }
  const blob = readJsonObject(a, LANGFUSE.OBSERVATION_METADATA, maxBytes);
  if (blob !== undefined) {
    for (const key of Object.keys(blob)) metadata[key] = serializeValue(blob[key], maxBytes);
  }
  for (const key of index.observationMetadata ?? []) {
    metadata[key.slice(OBS_META.length)] = serializeValue(a[key], maxBytes);
  }
  return metadata;
}
