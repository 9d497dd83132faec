import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { LangfuseSpanProcessor } from '@spanfuse/exporter-langfuse';
import { type FakeLangfuse, startFakeLangfuse } from '@spanfuse/test-fakes';
import { afterEach, describe, expect, it } from 'vitest';

let fake: FakeLangfuse | undefined;
let provider: BasicTracerProvider | undefined;
afterEach(async () => {
  await provider?.shutdown();
  await fake?.close();
  provider = undefined;
  fake = undefined;
});

async function start() {
  fake = await startFakeLangfuse();
  const processor = new LangfuseSpanProcessor({
    publicKey: fake.publicKey,
    secretKey: fake.secretKey,
    baseUrl: fake.url,
    protocol: 'otlp',
    exportAllSpans: true,
    release: 'r-7',
    environment: 'test',
  });
  provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'chat-api', 'service.version': '2.0.0' }),
    spanProcessors: [processor],
  });
  return { fake, processor, tracer: provider.getTracer('@acme/llm', '3.1.0') };
}

describe('OTLP encoder', () => {
  it('forwards ids, parent, times, kind, status, events, links, resource and scope unchanged', async () => {
    const { fake, processor, tracer } = await start();
    const linked = tracer.startSpan('other');
    linked.end();
    const root = tracer.startSpan('root', { startTime: [1_700_000_000, 123_456_789] });
    const child = tracer.startSpan(
      'chat',
      {
        kind: SpanKind.CLIENT,
        startTime: [1_700_000_001, 5],
        links: [{ context: linked.spanContext(), attributes: { reason: 'retry-of' } }],
        attributes: { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'gpt-4o' },
      },
      trace.setSpan(ROOT_CONTEXT, root),
    );
    child.addEvent('gen_ai.first_token', {}, [1_700_000_001, 500_000_000]);
    child.setStatus({ code: SpanStatusCode.ERROR, message: 'rate limited' });
    child.end([1_700_000_002, 0]);
    root.end([1_700_000_003, 0]);
    await processor.forceFlush();

    const got = fake.otlpSpans.find((s) => s.name === 'chat');
    expect(got).toMatchObject({
      traceId: child.spanContext().traceId,
      spanId: child.spanContext().spanId,
      parentSpanId: root.spanContext().spanId,
      kind: 'SPAN_KIND_CLIENT',
      startTimeUnixNano: '1700000001000000005',
      endTimeUnixNano: '1700000002000000000',
      status: { code: 'STATUS_CODE_ERROR', message: 'rate limited' },
      resource: { 'service.name': 'chat-api', 'service.version': '2.0.0' },
      scope: { name: '@acme/llm', version: '3.1.0' },
    });
    expect(got?.events.map((e) => e.name)).toEqual(['gen_ai.first_token']);
    expect(got?.links).toHaveLength(1);
    const rootGot = fake.otlpSpans.find((s) => s.name === 'root');
    expect(rootGot?.startTimeUnixNano).toBe('1700000000123456789');
  });

  it('writes only canonical langfuse.* attributes (and the trace user/session ids)', async () => {
    const { fake, processor, tracer } = await start();
    const span = tracer.startSpan('chat gpt-4o', {
      attributes: {
        'gen_ai.operation.name': 'chat',
        'gen_ai.request.model': 'gpt-4o',
        'gen_ai.response.model': 'gpt-4o-2024-08-06',
        'gen_ai.request.temperature': 0.5,
        'gen_ai.usage.input_tokens': 100,
        'gen_ai.usage.output_tokens': 20,
        'langfuse.observation.cost_details': JSON.stringify({ total: 0.0042 }),
        'langfuse.observation.completion_start_time': '2026-11-25T04:30:00.250Z',
        'user.id': 'u-9',
        'app.feature': 'summaries',
      },
    });
    span.end();
    await processor.forceFlush();
    const got = fake.otlpSpans[0];
    const keys = Object.keys(got.attributes);
    expect(keys.filter((k) => !k.startsWith('langfuse.') && k !== 'user.id' && k !== 'session.id')).toEqual(
      [],
    );
    expect(got.attributes).toMatchObject({
      'langfuse.observation.type': 'generation',
      'langfuse.observation.model.name': 'gpt-4o-2024-08-06',
      'langfuse.environment': 'test',
      'langfuse.release': 'r-7',
      'langfuse.observation.level': 'DEFAULT',
      'langfuse.trace.name': 'chat gpt-4o',
      'user.id': 'u-9',
    });
    expect(JSON.parse(String(got.attributes['langfuse.observation.usage_details']))).toMatchObject({
      input: 100,
      output: 20,
    });
    expect(JSON.parse(String(got.attributes['langfuse.observation.cost_details']))).toEqual({
      total: 0.0042,
    });
    expect(JSON.parse(String(got.attributes['langfuse.observation.model.parameters']))).toMatchObject({
      temperature: 0.5,
    });
    expect(String(got.attributes['langfuse.observation.completion_start_time'])).toMatch(
      /^2026-11-25T04:30:00\.25\d*Z$/,
    );
    expect(got.attributes['langfuse.observation.metadata.app.feature']).toBe('summaries');
  });

  it('encodes every attribute value type of events and links, long and non-ASCII strings included', async () => {
    const { fake, processor, tracer } = await start();
    const other = tracer.startSpan('other');
    other.end();
    const long = `héllo 🎉 ${'ü'.repeat(70_000)}`;
    const span = tracer.startSpan('values', {
      links: [{ context: other.spanContext(), attributes: { 'link.n': -42 } }],
      attributes: { 'langfuse.observation.input': long, 'langfuse.observation.prompt.version': 7 },
    });
    span.addEvent('checkpoint', { n: -5, big: 2 ** 40, d: 1.5, b: true, arr: ['a', 'b'], s: 'ç' });
    span.end();
    await processor.forceFlush();
    const got = fake.otlpSpans.find((s) => s.name === 'values');
    expect(got?.events[0].attributes).toEqual({
      n: -5,
      big: 2 ** 40,
      d: 1.5,
      b: true,
      arr: ['a', 'b'],
      s: 'ç',
    });
    expect(got?.links).toMatchObject([{ attributes: { 'link.n': -42 } }]);
    expect(got?.attributes['langfuse.observation.input']).toBe(long);
  });
});
