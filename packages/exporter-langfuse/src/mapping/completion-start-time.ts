/**
 * Time of the first streamed token (Langfuse `completionStartTime`, for time-to-first-token),
 * first source found:
 * 1. `langfuse.observation.completion_start_time` (ISO text; older SDKs double-quote it)
 * 2. span event `gen_ai.content.first_token` or `gen_ai.first_token` (the one
 *    @spanfuse/instrumentation-openai emits): the event time
 * 3. `spanfuse.completion_start_time` (ISO text or epoch milliseconds)
 * 4. `gen_ai.response.time_to_first_chunk` (seconds after the span start)
 * 5. Vercel AI `ai.response.msToFirstChunk` / `ai.stream.msToFirstChunk` (ms after the start)
 */
import type { Attributes, HrTime } from '@opentelemetry/api';
import { addHrTimes, millisToHrTime } from '@opentelemetry/core';
import type { TimedEvent } from '@opentelemetry/sdk-trace-base';
import { GEN_AI, LANGFUSE, SPANFUSE, VERCEL_AI } from '../attributes.js';
import { readNumber } from './read.js';

/** Completion start time of a span, or undefined. */
export function completionStartTimeOf(
  attributes: Attributes,
  events: readonly TimedEvent[],
  startTime: HrTime,
): HrTime | undefined {
  const explicit = parseTime(attributes[LANGFUSE.OBSERVATION_COMPLETION_START_TIME]);
  if (explicit !== undefined) return explicit;
  for (const event of events) {
    if (event.name === GEN_AI.EVENT_FIRST_TOKEN_SPANFUSE || event.name === GEN_AI.EVENT_FIRST_TOKEN) {
      return event.time;
    }
  }
  const own = parseTime(attributes[SPANFUSE.COMPLETION_START_TIME]);
  if (own !== undefined) return own;
  const seconds = readNumber(attributes, GEN_AI.TIME_TO_FIRST_CHUNK);
  if (seconds !== undefined && seconds >= 0) return addHrTimes(startTime, millisToHrTime(seconds * 1000));
  const ms =
    readNumber(attributes, VERCEL_AI.MS_TO_FIRST_CHUNK) ??
    readNumber(attributes, VERCEL_AI.STREAM_MS_TO_FIRST_CHUNK);
  if (ms !== undefined && ms >= 0) return addHrTimes(startTime, millisToHrTime(ms));
  return undefined;
}

/** ISO text (maybe JSON-quoted) or epoch milliseconds to HrTime; undefined when invalid. */
function parseTime(value: unknown): HrTime | undefined {
  if (typeof value === 'number')
    return Number.isFinite(value) && value > 0 ? millisToHrTime(value) : undefined;
  if (typeof value !== 'string' || value === '') return undefined;
  const text = value.charCodeAt(0) === 34 ? value.slice(1, -1) : value;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : millisToHrTime(ms);
}
