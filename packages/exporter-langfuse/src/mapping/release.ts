/**
 * Environment, release and version of an observation:
 * - environment: `langfuse.environment` on the span > the exporter option > `deployment.environment.name`
 *   > `deployment.environment` (span, then resource), normalized as the server does
 *   (`PublicEnvironmentName`: lowercase, leading "langfuse" prefixes removed, ≤ 40 characters of
 *   `[a-z0-9_-]`, else absent, i.e. Langfuse's "default").
 * - release: `langfuse.release` on the span > the exporter option > `langfuse.release` on the resource.
 * - version: `langfuse.version` on the span > `service.version` on the resource.
 */
import type { Attributes } from '@opentelemetry/api';
import { LANGFUSE, RESOURCE } from '../attributes.js';
import { readString } from './read.js';

const ENVIRONMENT_KEYS = [RESOURCE.DEPLOYMENT_ENVIRONMENT_NAME, RESOURCE.DEPLOYMENT_ENVIRONMENT];

/** Environment, release and version of a span (each may be undefined). */
export function releaseOf(
  attributes: Attributes,
  resourceAttributes: Attributes,
  options: { environment?: string; release?: string },
): { environment?: string; release?: string; version?: string } {
  let environment = readString(attributes, LANGFUSE.ENVIRONMENT) ?? options.environment;
  for (let i = 0; environment === undefined && i < ENVIRONMENT_KEYS.length; i++) {
    const key = ENVIRONMENT_KEYS[i] as string;
    environment = readString(attributes, key) ?? readString(resourceAttributes, key);
  }
  if (environment !== undefined) environment = normalizeEnvironment(environment);
  const release =
    readString(attributes, LANGFUSE.RELEASE) ??
    options.release ??
    readString(resourceAttributes, LANGFUSE.RELEASE);
  const version =
    readString(attributes, LANGFUSE.VERSION) ?? readString(resourceAttributes, RESOURCE.SERVICE_VERSION);
  return { environment, release, version };
}

let lastRaw: string | undefined;
let lastNormalized: string | undefined;

/** Langfuse's environment normalization; undefined for a value it would turn into "default". */
export function normalizeEnvironment(raw: string): string | undefined {
  // Environments are few and constant: remember the last one instead of re-running the regexes.
  if (raw === lastRaw) return lastNormalized;
  const stripped = raw
    .toLowerCase()
    .replace(/^(?:langfuse[-_]?)+/, '')
    .slice(0, 40);
  const normalized = stripped !== '' && /^[a-z0-9_-]+$/.test(stripped) ? stripped : undefined;
  lastRaw = raw;
  lastNormalized = normalized;
  return normalized;
}
