// A loopback fake of the OpenAI HTTP API (chat completions, Responses, embeddings, legacy
// completions), JSON and SSE, with scriptable faults. Deterministic content, no dependencies,
// cheap enough for benchmarks (thousands of calls).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import {
  type Ctx,
  chatChunks,
  chatJson,
  completionChunks,
  completionJson,
  embeddingsJson,
  responseEvents,
  responseJson,
} from './openai-payloads.js';

/** A tool call the fake should answer with. */
export interface FakeToolCall {
  name: string;
  /** JSON text of the arguments. */
  arguments: string;
}

/** One scripted answer, consumed by the next request (see {@link FakeOpenAI.setNext}). */
export interface FakeOpenAIStep {
  /** Answer with this HTTP error status (429, 500, 401, 404, …) and an OpenAI error body. */
  status?: number;
  /** With `status: 429`: `retry-after-ms` (the SDK waits that long; `retry-after` gets the seconds). @defaultValue 1 */
  retryAfterMs?: number;
  /** Wait this long before answering (to provoke client timeouts). */
  delayMs?: number;
  /** Streams only: send chunks one at a time, this many ms apart (to abort or break mid-stream). */
  chunkDelayMs?: number;
  /** Streams only: destroy the socket after this many chunks. */
  cutAfterChunks?: number;
  /** Assistant text. @defaultValue the server's `reply` option */
  content?: string;
  /** Answer with these (parallel) tool calls instead of text. */
  toolCalls?: FakeToolCall[];
  /** Extra response headers, e.g. `{ 'x-litellm-response-cost': '0.00042' }`. */
  headers?: Record<string, string>;
  /** OpenRouter-style `usage.cost` (USD). */
  usageCost?: number;
  /** `usage.prompt_tokens_details.cached_tokens` (chat) / `input_tokens_details.cached_tokens`. */
  cachedTokens?: number;
  /** `usage.completion_tokens_details.reasoning_tokens` / `output_tokens_details.reasoning_tokens`. */
  reasoningTokens?: number;
  /** Chat streams only: raw chunk objects sent before the normal ones (e.g. Azure's content-filter chunk). */
  prependChunks?: unknown[];
  /** Response model. @defaultValue the request model with a `-2024-01-01` suffix */
  model?: string;
}

/** Options of {@link startFakeOpenAI}. */
export interface FakeOpenAIOptions {
  /** Default assistant text. @defaultValue 'Hello from the fake OpenAI server.' */
  reply?: string;
  /** Keep every request in `requests`. Turn off for long benchmarks. @defaultValue true */
  record?: boolean;
  /** Prompt tokens reported in every usage. @defaultValue 12 */
  promptTokens?: number;
}

/** A request the fake received. */
export interface FakeOpenAIRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: any;
}

/** A running fake; see {@link startFakeOpenAI}. */
export interface FakeOpenAI {
  /** Base URL for the SDK's `baseURL`, ending in `/v1`. */
  url: string;
  /** Requests received so far (when `record` is on). */
  requests: FakeOpenAIRequest[];
  /** Queue scripted answers; each request takes the next one, then defaults apply. */
  setNext(...steps: FakeOpenAIStep[]): void;
  close(): Promise<void>;
}

/** Starts the fake on 127.0.0.1 with a random port. */
export async function startFakeOpenAI(opts: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const reply = opts.reply ?? 'Hello from the fake OpenAI server.';
  const record = opts.record ?? true;
  const promptTokens = opts.promptTokens ?? 12;
  const requests: FakeOpenAIRequest[] = [];
  const queue: FakeOpenAIStep[] = [];
  const sockets = new Set<Socket>();
  let seq = 0;

  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      const text = Buffer.concat(parts).toString('utf8');
      let body: any = {};
      try {
        body = text ? JSON.parse(text) : {};
      } catch {
        body = text;
      }
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      if (record) requests.push({ method: req.method ?? 'GET', path, headers: req.headers, body });
      const step = queue.shift() ?? {};
      const answer = () => route(req, res, path, body, step, ++seq);
      if (step.delayMs) setTimeout(answer, step.delayMs).unref();
      else answer();
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  function route(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    body: any,
    step: FakeOpenAIStep,
    n: number,
  ) {
    if (res.destroyed) return;
    const headers: Record<string, string> = { 'x-request-id': `req_${n}`, ...step.headers };
    if (step.status) return sendError(res, step, headers);
    const ctx: Ctx = { body, step, n, content: step.content ?? reply, promptTokens, model: step.model };
    // Suffix match so that Azure deployment paths (/openai/deployments/x/chat/completions) work too.
    if (req.method !== 'POST') return sendJson(res, 404, notFound(path), headers);
    if (path.endsWith('/chat/completions'))
      return body.stream
        ? sse(res, chatChunks(ctx), step, headers)
        : sendJson(res, 200, chatJson(ctx), headers);
    if (path.endsWith('/responses'))
      return body.stream
        ? sse(res, responseEvents(ctx), step, headers)
        : sendJson(res, 200, responseJson(ctx), headers);
    if (path.endsWith('/embeddings')) return sendJson(res, 200, embeddingsJson(ctx), headers);
    if (path.endsWith('/completions'))
      return body.stream
        ? sse(res, completionChunks(ctx), step, headers)
        : sendJson(res, 200, completionJson(ctx), headers);
    return sendJson(res, 404, notFound(path), headers);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    setNext: (...steps) => {
      queue.push(...steps);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function sendJson(res: ServerResponse, status: number, payload: unknown, headers: Record<string, string>) {
  const data = JSON.stringify(payload);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(data),
  });
  res.end(data);
}

function sendError(res: ServerResponse, step: FakeOpenAIStep, headers: Record<string, string>) {
  const status = step.status ?? 500;
  if (status === 429) {
    const ms = step.retryAfterMs ?? 1;
    // The SDK prefers the millisecond header; `retry-after` (seconds) is what most servers send.
    headers['retry-after-ms'] = String(ms);
    headers['retry-after'] = String(Math.ceil(ms / 1000));
  }
  const type =
    status === 429 ? 'rate_limit_exceeded' : status >= 500 ? 'server_error' : 'invalid_request_error';
  sendJson(
    res,
    status,
    { error: { message: `fake error ${status}`, type, param: null, code: type } },
    headers,
  );
}

const notFound = (path: string) => ({
  error: { message: `no route ${path}`, type: 'invalid_request_error', param: null, code: 'not_found' },
});

function sse(
  res: ServerResponse,
  events: Array<[string | undefined, unknown]>,
  step: FakeOpenAIStep,
  headers: Record<string, string>,
) {
  res.writeHead(200, { ...headers, 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const encode = ([event, data]: [string | undefined, unknown]) =>
    `${event ? `event: ${event}\n` : ''}data: ${JSON.stringify(data)}\n\n`;
  const cut = step.cutAfterChunks;
  if (step.chunkDelayMs) {
    let i = 0;
    const next = () => {
      if (res.destroyed) return;
      if (cut !== undefined && i === cut) return void res.socket?.destroy();
      if (i === events.length) return void res.end('data: [DONE]\n\n');
      res.write(encode(events[i++] as [string | undefined, unknown]));
      setTimeout(next, step.chunkDelayMs).unref();
    };
    return next();
  }
  let out = '';
  for (let i = 0; i < events.length; i++) {
    if (cut !== undefined && i === cut) {
      // Flush what was promised, then drop the connection mid-stream.
      res.write(out, () => res.socket?.destroy());
      return;
    }
    out += encode(events[i] as [string | undefined, unknown]);
  }
  res.end(`${out}data: [DONE]\n\n`);
}
