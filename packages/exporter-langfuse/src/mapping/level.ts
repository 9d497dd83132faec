/**
 * Level and status message. `langfuse.observation.level` wins (with the server's aliases:
 * INFO → DEFAULT, WARN → WARNING, FATAL → ERROR…; unknown values fall through); otherwise an
 * OTel status ERROR means level ERROR. The status message is `langfuse.observation.status_message`,
 * else the span status message, else — for an ERROR without a message — the first exception
 * event's `exception.message`, so that Langfuse shows why it failed.
 */
import { type Attributes, type SpanStatus, SpanStatusCode } from '@opentelemetry/api';
import type { TimedEvent } from '@opentelemetry/sdk-trace-base';
import { LANGFUSE } from '../attributes.js';
import type { ObservationLevel } from '../model/observation.js';
import { readString } from './read.js';

const LEVEL_ALIASES = new Map<string, ObservationLevel>([
  ['DEBUG', 'DEBUG'],
  ['TRACE', 'DEBUG'],
  ['VERBOSE', 'DEBUG'],
  ['DEFAULT', 'DEFAULT'],
  ['INFO', 'DEFAULT'],
  ['LOG', 'DEFAULT'],
  ['NOTICE', 'DEFAULT'],
  ['OK', 'DEFAULT'],
  ['SUCCESS', 'DEFAULT'],
  ['WARNING', 'WARNING'],
  ['WARN', 'WARNING'],
  ['ERROR', 'ERROR'],
  ['FATAL', 'ERROR'],
  ['CRITICAL', 'ERROR'],
]);

/** Level and status message of a span. */
export function levelOf(
  attributes: Attributes,
  status: SpanStatus,
  events: readonly TimedEvent[],
): { level: ObservationLevel; statusMessage?: string } {
  const explicit = attributes[LANGFUSE.OBSERVATION_LEVEL];
  const level =
    (typeof explicit === 'string' ? LEVEL_ALIASES.get(explicit.trim().toUpperCase()) : undefined) ??
    (status.code === SpanStatusCode.ERROR ? 'ERROR' : 'DEFAULT');
  const statusMessage =
    readString(attributes, LANGFUSE.OBSERVATION_STATUS_MESSAGE) ??
    (status.message ? status.message : undefined) ??
    (status.code === SpanStatusCode.ERROR ? exceptionMessage(events) : undefined);
  return statusMessage === undefined ? { level } : { level, statusMessage };
}

function exceptionMessage(events: readonly TimedEvent[]): string | undefined {
  for (const event of events) {
    if (event.name === 'exception' && event.attributes !== undefined) {
      const message = readString(event.attributes, 'exception.message');
      if (message !== undefined) return message;
    }
  }
  return undefined;
}
