import { SpanStatusCode } from '@opentelemetry/api';
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, setup, userMessage } from './helpers.js';

const request = { model: 'gpt-4o-mini', messages: userMessage };

describe('errors', () => {
  let h: Harness<OpenAI>;
  afterEach(() => h.close());

  it.each([
    [500, 'server', OpenAI.InternalServerError],
    [401, 'authentication', OpenAI.AuthenticationError],
    [403, 'permission', OpenAI.PermissionDeniedError],
    [404, 'not_found', OpenAI.NotFoundError],
    [400, 'bad_request', OpenAI.BadRequestError],
    [429, 'rate_limit', OpenAI.RateLimitError],
  ])(
    'preserves an HTTP %i error and records it once as ERROR with error.type %s',
    async (status, type, ErrorClass) => {
      h = await setup();
      h.fake.setNext({ status });
      const error = await h.client.chat.completions.create(request).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ErrorClass);
      const spans = await h.spans();
      expect(spans).toHaveLength(1);
      expect(spans[0]?.status.code).toBe(SpanStatusCode.ERROR);
      expect(spans[0]?.attributes['error.type']).toBe(type);
      expect(spans[0]?.events.filter((e) => e.name === 'exception')).toHaveLength(1);
    },
  );

  it("covers the SDK's retries in one span: a 429 retried, then a success", async () => {
    h = await setup({}, OpenAI, { maxRetries: 2 });
    h.fake.setNext({ status: 429, retryAfterMs: 1 });
    const result = await h.client.chat.completions.create(request);
    expect(result.id).toBe('chatcmpl-2');
    expect(h.fake.requests.map((r) => r.headers['x-stainless-retry-count'])).toEqual(['0', '1']);
    const spans = await h.spans();
    expect(spans).toHaveLength(1);
    expect(spans[0]?.status.code).toBe(SpanStatusCode.UNSET);
    expect(spans[0]?.attributes['gen_ai.response.id']).toBe('chatcmpl-2');
  });

  it('records error.type rate_limit when the retries are exhausted', async () => {
    h = await setup({}, OpenAI, { maxRetries: 1 });
    h.fake.setNext({ status: 429 }, { status: 429 });
    await expect(h.client.chat.completions.create(request)).rejects.toBeInstanceOf(OpenAI.RateLimitError);
    expect(h.fake.requests).toHaveLength(2);
    const [span] = await h.spans();
    expect(span?.attributes['error.type']).toBe('rate_limit');
  });

  it('records a client timeout as error.type timeout', async () => {
    h = await setup({}, OpenAI, { timeout: 50 });
    h.fake.setNext({ delayMs: 5_000 });
    await expect(h.client.chat.completions.create(request)).rejects.toBeInstanceOf(
      OpenAI.APIConnectionTimeoutError,
    );
    const [span] = await h.spans();
    expect(span?.status.code).toBe(SpanStatusCode.ERROR);
    expect(span?.attributes['error.type']).toBe('timeout');
  });

  it('records a refused connection as error.type connection', async () => {
    h = await setup();
    const client = new OpenAI({ baseURL: 'http://127.0.0.1:1/v1', apiKey: 'sk-test', maxRetries: 0 });
    await expect(client.chat.completions.create(request)).rejects.toBeInstanceOf(OpenAI.APIConnectionError);
    const [span] = await h.spans();
    expect(span?.attributes['error.type']).toBe('connection');
  });

  it('ends a stream cut mid-way with ERROR', async () => {
    h = await setup();
    h.fake.setNext({ cutAfterChunks: 3 });
    const stream = await h.client.chat.completions.create({ ...request, stream: true });
    const seen: unknown[] = [];
    const error = await (async () => {
      for await (const c of stream) seen.push(c);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(seen).toHaveLength(3);
    const [span] = await h.spans();
    expect(span?.status.code).toBe(SpanStatusCode.ERROR);
    expect(span?.attributes['error.type']).toBe('connection');
  });

  it('never puts the API key into the span', async () => {
    h = await setup();
    h.fake.setNext({ status: 401 });
    await h.client.chat.completions.create(request).catch(() => undefined);
    const [span] = await h.spans();
    expect(JSON.stringify({ a: span?.attributes, e: span?.events, s: span?.status })).not.toContain(
      'sk-test-key',
    );
  });
});
