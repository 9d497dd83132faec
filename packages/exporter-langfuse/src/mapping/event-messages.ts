/**
 * Input/output recorded as span events by GenAI semantic conventions instead of attributes:
 * - 1.37+: one `gen_ai.client.inference.operation.details` event carrying
 *   `gen_ai.input.messages`, `gen_ai.output.messages`, `gen_ai.system_instructions`;
 * - before: `gen_ai.{system,user,assistant,tool}.message` events (input, role from the event
 *   name) and `gen_ai.choice` events (output; a single choice is unwrapped).
 * Same rules as the server's `extractInputAndOutput`.
 */
import type { Attributes } from '@opentelemetry/api';
import type { TimedEvent } from '@opentelemetry/sdk-trace-base';
import { GEN_AI } from '../attributes.js';

const MESSAGE_EVENT_ROLES = new Map([
  ['gen_ai.system.message', 'system'],
  ['gen_ai.user.message', 'user'],
  ['gen_ai.assistant.message', 'assistant'],
  ['gen_ai.tool.message', 'tool'],
]);

/** Attributes of the first `gen_ai.client.inference.operation.details` event, if any. */
export function operationDetailsOf(events: readonly TimedEvent[]): Attributes | undefined {
  for (const event of events) {
    if (event.name === GEN_AI.EVENT_OPERATION_DETAILS) return event.attributes ?? {};
  }
  return undefined;
}

/** Input messages and output choices from per-message events, or undefined when there are none. */
export function messageEventsOf(
  events: readonly TimedEvent[],
): { input?: unknown[]; output?: unknown } | undefined {
  const input: unknown[] = [];
  const output: unknown[] = [];
  for (const event of events) {
    const role = MESSAGE_EVENT_ROLES.get(event.name);
    if (role !== undefined) input.push({ role, ...event.attributes });
    else if (event.name === GEN_AI.EVENT_CHOICE) output.push({ ...event.attributes });
  }
  if (input.length === 0 && output.length === 0) return undefined;
  return {
    input: input.length > 0 ? input : undefined,
    output: output.length === 0 ? undefined : output.length === 1 ? output[0] : output,
  };
}
