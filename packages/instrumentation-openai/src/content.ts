// Message capture in the GenAI semconv JSON shapes (gen_ai.input.messages, gen_ai.output.messages,
// gen_ai.system_instructions, gen_ai.tool.definitions: role + typed parts), with text truncation.
// Pure functions over the SDK's request and response objects; the caller serialises once.

/** A part of a message (semconv: text, tool_call, tool_call_response, uri, or another type). */
export type MessagePart = Record<string, unknown> & { type: string };
/** One input or output message in the semconv shape. */
export interface Message {
  role: string;
  parts: MessagePart[];
  name?: string;
  finish_reason?: string;
}

type Any = any;

/** Cuts text longer than `max`, marking how much was dropped. */
export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…[truncated ${text.length - max} chars]` : text;
}

const text = (content: string, max: number): MessagePart => ({
  type: 'text',
  content: truncate(content, max),
});

/** Parts of a chat message `content` (a string or an array of content parts). */
export function contentParts(content: unknown, max: number): MessagePart[] {
  if (typeof content === 'string') return [text(content, max)];
  if (!Array.isArray(content)) return [];
  const parts: MessagePart[] = [];
  for (const p of content as Any[]) {
    if (!p || typeof p !== 'object') continue;
    const t = p.type;
    if (typeof p.text === 'string') parts.push(text(p.text, max));
    else if (typeof p.refusal === 'string') parts.push(text(p.refusal, max));
    else if (t === 'image_url' && p.image_url?.url && !String(p.image_url.url).startsWith('data:')) {
      parts.push({ type: 'uri', modality: 'image', uri: p.image_url.url });
    } else if (t === 'input_image' && typeof p.image_url === 'string' && !p.image_url.startsWith('data:')) {
      parts.push({ type: 'uri', modality: 'image', uri: p.image_url });
    } else parts.push({ type: String(t ?? 'unknown') }); // binary payloads are not copied into spans
  }
  return parts;
}

/** Chat Completions `messages` → gen_ai.input.messages (system messages stay in the history, per semconv). */
export function chatInputMessages(messages: unknown, max: number): Message[] {
  if (!Array.isArray(messages)) return [];
  const out: Message[] = [];
  for (const m of messages as Any[]) {
    if (!m || typeof m !== 'object') continue;
    const role = String(m.role ?? 'user');
    if (role === 'tool') {
      out.push({
        role,
        parts: [{ type: 'tool_call_response', id: m.tool_call_id, response: joinText(m.content, max) }],
      });
      continue;
    }
    const parts = contentParts(m.content, max);
    if (Array.isArray(m.tool_calls)) {
      for (const c of m.tool_calls as Any[])
        parts.push(toolCallPart(c?.id, c?.function?.name, c?.function?.arguments, max));
    }
    const msg: Message = { role, parts };
    if (typeof m.name === 'string') msg.name = m.name;
    out.push(msg);
  }
  return out;
}

function joinText(content: unknown, max: number): string {
  if (typeof content === 'string') return truncate(content, max);
  return truncate(
    contentParts(content, Number.POSITIVE_INFINITY)
      .map((p) => (typeof p.content === 'string' ? p.content : ''))
      .join(''),
    max,
  );
}

/** A semconv tool_call part; arguments stay the model's JSON text (no parse on the hot path). */
export function toolCallPart(id: unknown, name: unknown, args: unknown, max: number): MessagePart {
  const part: MessagePart = { type: 'tool_call', id: id ?? null, name: name ?? null };
  if (typeof args === 'string') part.arguments = truncate(args, max);
  return part;
}

/** One Chat Completions choice (message form) → output message. */
export function chatOutputMessage(choice: Any, max: number): Message {
  const m = choice?.message ?? {};
  const parts = contentParts(m.content, max);
  if (typeof m.refusal === 'string' && m.refusal) parts.push(text(m.refusal, max));
  if (Array.isArray(m.tool_calls)) {
    for (const c of m.tool_calls as Any[])
      parts.push(toolCallPart(c?.id, c?.function?.name, c?.function?.arguments, max));
  }
  return { role: String(m.role ?? 'assistant'), parts, finish_reason: choice?.finish_reason ?? undefined };
}

/** Responses API `input` (string or item list) → input messages. */
export function responsesInputMessages(input: unknown, max: number): Message[] {
  if (typeof input === 'string') return [{ role: 'user', parts: [text(input, max)] }];
  if (!Array.isArray(input)) return [];
  const out: Message[] = [];
  for (const item of input as Any[]) {
    if (!item || typeof item !== 'object') continue;
    if (item.type === 'function_call') {
      out.push({ role: 'assistant', parts: [toolCallPart(item.call_id, item.name, item.arguments, max)] });
    } else if (item.type === 'function_call_output') {
      const response =
        typeof item.output === 'string' ? truncate(item.output, max) : joinText(item.output, max);
      out.push({ role: 'tool', parts: [{ type: 'tool_call_response', id: item.call_id, response }] });
    } else if (item.role) {
      out.push({ role: String(item.role), parts: contentParts(item.content, max) });
    } else {
      out.push({ role: 'user', parts: [{ type: String(item.type ?? 'unknown') }] });
    }
  }
  return out;
}

/** Responses API `output` items → output messages (one assistant message holding all parts). */
export function responsesOutputMessages(output: unknown, finishReason: string, max: number): Message[] {
  if (!Array.isArray(output)) return [];
  const parts: MessagePart[] = [];
  for (const item of output as Any[]) {
    if (item?.type === 'message') parts.push(...contentParts(item.content, max));
    else if (item?.type === 'function_call')
      parts.push(toolCallPart(item.call_id, item.name, item.arguments, max));
    else if (item?.type === 'reasoning') {
      const summary = Array.isArray(item.summary) ? item.summary.map((s: Any) => s?.text ?? '').join('') : '';
      if (summary) parts.push({ type: 'reasoning', content: truncate(summary, max) });
    } else if (item?.type) parts.push({ type: String(item.type) });
  }
  return [{ role: 'assistant', parts, finish_reason: finishReason }];
}

/** Tool definitions (Chat `{type, function:{…}}` or Responses `{type, name, …}`) → semconv list. */
export function toolDefinitions(tools: unknown): Array<Record<string, unknown>> {
  if (!Array.isArray(tools)) return [];
  const out: Array<Record<string, unknown>> = [];
  for (const t of tools as Any[]) {
    if (!t || typeof t !== 'object') continue;
    const f = t.function ?? t;
    if (t.type === 'function' || t.function) {
      out.push({ type: 'function', name: f.name, description: f.description, parameters: f.parameters });
    } else out.push({ type: String(t.type ?? 'unknown') });
  }
  return out;
}

const toolJsonCache = new WeakMap<object, string>();

/** {@link toolDefinitions} as JSON, cached per tools array (apps usually pass the same one each call). */
export function toolDefinitionsJson(tools: unknown[]): string {
  let json = toolJsonCache.get(tools);
  if (json === undefined) {
    json = JSON.stringify(toolDefinitions(tools));
    toolJsonCache.set(tools, json);
  }
  return json;
}
