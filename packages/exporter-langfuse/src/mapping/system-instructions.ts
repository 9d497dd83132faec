/**
 * Puts `gen_ai.system_instructions` in front of `gen_ai.input.messages` as a
 * `{ role: "system", content }` message, as the server does (`prependSystemInstructions`), so that
 * Langfuse shows the whole prompt. Semconv 1.37+ keeps the system prompt apart from the messages.
 *
 * Cheap by design: the (possibly large) messages JSON is spliced as text, never parsed. A
 * message list that already contains `"role":"system"` (as `JSON.stringify` writes it) is left
 * alone. Only the small instructions value is parsed.
 */
import type { AttributeValue } from '@opentelemetry/api';

const MAX_PARSED_INSTRUCTIONS = 65_536;

/** Returns `messages` with a system message first, or `messages` unchanged when not possible. */
export function prependSystemInstructions(messages: unknown, instructions: AttributeValue): unknown {
  if (typeof messages !== 'string') return messages;
  const start = firstNonSpace(messages);
  if (messages.charCodeAt(start) !== 91 /* [ */) return messages;
  if (messages.includes('"role":"system"')) return messages;
  const system = JSON.stringify({ role: 'system', content: instructionsText(instructions) });
  const rest = messages.slice(start + 1);
  const empty = rest.charCodeAt(firstNonSpace(rest)) === 93; /* ] */
  return `[${system}${empty ? '' : ','}${rest}`;
}

function firstNonSpace(text: string): number {
  let i = 0;
  while (i < text.length && text.charCodeAt(i) <= 32) i++;
  return i;
}

/** Semconv: a JSON array of parts (`[{type: "text", content}]`); older: plain text. */
function instructionsText(instructions: AttributeValue): string {
  let value: unknown = instructions;
  if (typeof instructions === 'string') {
    const c = instructions.charCodeAt(firstNonSpace(instructions));
    if ((c === 91 || c === 123) && instructions.length <= MAX_PARSED_INSTRUCTIONS) {
      try {
        value = JSON.parse(instructions);
      } catch {
        return instructions;
      }
    } else {
      return instructions;
    }
  }
  if (Array.isArray(value)) {
    return value
      .map((part) =>
        part !== null && typeof part === 'object' && 'content' in part
          ? String((part as { content: unknown }).content)
          : String(part),
      )
      .join('\n');
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}
