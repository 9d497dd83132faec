/**
 * Typed reads of OTel attribute values. Attribute values are strings, numbers, booleans or
 * homogeneous arrays of them; instrumentations are loose about which (a token count may arrive
 * as "42"), so every read converts instead of trusting the type.
 */
import type { Attributes, AttributeValue } from '@opentelemetry/api';

/** Langfuse's "meaningful value": not null/undefined, not "", not an empty array. */
export function hasValue(value: AttributeValue | undefined): boolean {
  if (value === undefined || value === null || value === '') return false;
  return !Array.isArray(value) || value.length > 0;
}

/** The value as a non-empty string (numbers and booleans converted, arrays as JSON), else undefined. */
export function readString(attributes: Attributes, key: string): string | undefined {
  const value = attributes[key];
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.length > 0) return JSON.stringify(value);
  return undefined;
}

/** The value as a finite number ("42" accepted), else undefined. */
export function readNumber(attributes: Attributes, key: string): number | undefined {
  return toNumber(attributes[key]);
}

/** Converts a number or numeric string to a finite number, else undefined. */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

/** True for `true` and `"true"` (any case), false for `false`/`"false"`, else undefined. */
export function readBoolean(attributes: Attributes, key: string): boolean | undefined {
  const value = attributes[key];
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const lower = value.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
  }
  return undefined;
}

/**
 * Parses a small JSON object attribute (`langfuse.observation.usage_details`, `…model.parameters`).
 * Values above `maxChars` are not parsed: they are not small objects, and parsing is the cost.
 */
export function readJsonObject(
  attributes: Attributes,
  key: string,
  maxChars = 16_384,
): Record<string, unknown> | undefined {
  const value = attributes[key];
  if (typeof value !== 'string' || value.length > maxChars || value.charCodeAt(0) !== 123) {
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
