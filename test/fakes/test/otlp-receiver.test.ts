import { OTLPTraceExporter as OTLPJsonTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OTLPProtoTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { BasicTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { startOtlpReceiver } from '@spanfuse/test-fakes';
import { describe, expect, it } from 'vitest';

async function send(url: string, Exporter: typeof OTLPJsonTraceExporter, name: string) {
  const provider = new BasicTracerProvider({
    spanProcessors: [new SimpleSpanProcessor(new Exporter({ url }))],
  });
  const span = provider.getTracer('receiver-test').startSpan(name, { attributes: { answer: 42 } });
  span.end();
  await provider.forceFlush();
  return span.spanContext();
}

describe('startOtlpReceiver', () => {
  it('decodes protobuf and JSON into flat spans with hex ids, attributes, resource and scope', async () => {
    const receiver = await startOtlpReceiver();
    try {
      const proto = await send(`${receiver.url}/v1/traces`, OTLPProtoTraceExporter, 'via-proto');
      const json = await send(`${receiver.url}/v1/traces`, OTLPJsonTraceExporter, 'via-json');
      const spans = await receiver.waitForSpans(2);
      expect(spans.map((s) => [s.name, s.traceId, s.spanId])).toEqual([
        ['via-proto', proto.traceId, proto.spanId],
        ['via-json', json.traceId, json.spanId],
      ]);
      expect(spans[0]!.attributes.answer).toBe(42);
      expect(spans[0]!.scope.name).toBe('receiver-test');
      expect(spans[0]!.resource['telemetry.sdk.language']).toBe('nodejs');
      expect(receiver.requests.map((r) => r.contentType)).toEqual([
        'application/x-protobuf',
        'application/json',
      ]);
    } finally {
      await receiver.close();
    }
  });

  it('keeps two receivers in one process apart and accepts a path ending in /v1/traces/', async () => {
    const [a, b] = await Promise.all([startOtlpReceiver(), startOtlpReceiver()]);
    try {
      await Promise.all([
        send(`${a.url}/v1/traces`, OTLPProtoTraceExporter, 'for-a'),
        send(`${b.url}/api/42/integration/otlp/v1/traces/`, OTLPJsonTraceExporter, 'for-b'),
      ]);
      expect((await a.waitForSpans(1)).map((s) => s.name)).toEqual(['for-a']);
      expect((await b.waitForSpans(1)).map((s) => s.name)).toEqual(['for-b']);
      expect(a.spans).toHaveLength(1);
      expect(b.requests[0]!.path).toBe('/api/42/integration/otlp/v1/traces/');
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
