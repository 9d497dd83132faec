import { SpanStatusCode } from '@opentelemetry/api';
import type OpenAI from 'openai';
import { APIPromise } from 'openai/core/api-promise';
import { Stream } from 'openai/core/streaming';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, setup, userMessage } from './helpers.js';

const request = { model: 'gpt-4o-mini', messages: userMessage };

describe('what the app gets back', () => {
  let h: Harness<OpenAI>;
  beforeEach(async () => {
    h = await setup();
  });
  afterEach(() => h.close());

  it("returns the SDK's own APIPromise and Stream", async () => {
    const promise = h.client.chat.completions.create(request);
    expect(promise).toBeInstanceOf(APIPromise);
    await promise;
    const stream = await h.client.chat.completions.create({ ...request, stream: true });
    expect(stream).toBeInstanceOf(Stream);
    for await (const _ of stream);
  });

  it('preserves withResponse and finalizes once for multiple observers', async () => {
    const promise = h.client.chat.completions.create(request);
    const [direct, withResponse, again] = await Promise.all([promise, promise.withResponse(), promise]);
    expect(withResponse.data).toBe(direct);
    expect(again).toBe(direct);
    expect(withResponse.request_id).toBe('req_1');
    expect(withResponse.response.status).toBe(200);
    const spans = await h.spans();
    expect(spans).toHaveLength(1);
    expect(spans[0]?.attributes['gen_ai.usage.input_tokens']).toBe(12);
  });

  it('does not consume the response returned by asResponse', async () => {
    const response = await h.client.chat.completions.create(request).asResponse();
    const body = (await response.json()) as { id: string };
    expect(body.id).toBe('chatcmpl-1');
    const [span] = await h.spans();
    expect(span?.ended).toBe(true);
    expect(span?.status.code).toBe(SpanStatusCode.UNSET);
    // The body was the app's to read: nothing from it is on the span.
    expect(span?.attributes['gen_ai.usage.input_tokens']).toBeUndefined();
  });

  it('finalizes successful fire-and-forget requests', async () => {
    void h.client.chat.completions.create(request);
    const spans = await h.spans(1);
    expect(spans).toHaveLength(1);
    expect(spans[0]?.status.code).toBe(SpanStatusCode.UNSET);
    expect(h.fake.requests).toHaveLength(1);
  });

  it('finalizes failed fire-and-forget requests without an unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      h.fake.setNext({ status: 500 });
      void h.client.chat.completions.create(request);
      const [span] = await h.spans(1);
      expect(span?.status.code).toBe(SpanStatusCode.ERROR);
      await new Promise((r) => setTimeout(r, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('keeps the request id on parsed results', async () => {
    const result = await h.client.chat.completions.create(request);
    expect(result._request_id).toBe('req_1');
  });
});
