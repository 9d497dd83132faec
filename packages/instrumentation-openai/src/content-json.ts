// gen_ai.input.messages JSON for Chat Completions without building the intermediate message
// objects in the common case (every message a plain role + string content): the same text as
// `JSON.stringify(chatInputMessages(…))`, which stays the path for anything else.
import { chatInputMessages, truncate } from './content.js';

type Any = any;

/** `JSON.stringify(chatInputMessages(messages, max))`, faster for plain text messages. */
export function chatInputMessagesJson(messages: unknown, max: number): string {
  if (!Array.isArray(messages)) return '[]';
  let json = '[';
  let first = true;
  for (const m of messages as Any[]) {
    if (!m || typeof m !== 'object') continue;
    const role = m.role;
    const name = m.name;
    if (
      typeof role !== 'string' ||
      role === 'tool' ||
      typeof m.content !== 'string' ||
      Array.isArray(m.tool_calls) ||
      (name !== undefined && typeof name !== 'string')
    ) {
      return JSON.stringify(chatInputMessages(messages, max));
    }
    // Key order as in chatInputMessages: role, parts, name.
    json += `${first ? '' : ','}{"role":${JSON.stringify(role)},"parts":[{"type":"text","content":${JSON.stringify(
      truncate(m.content, max),
    )}}]${name === undefined ? '' : `,"name":${JSON.stringify(name)}`}}`;
    first = false;
  }
  return `${json}]`;
}
