import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { getSpanfuseSpanProcessors } from '@spanfuse/node';
import { shouldSampleTraceId } from '@spanfuse/sampler';
import {
  type FakeLangfuse,
  type OtlpReceiver,
  startFakeLangfuse,
  startOtlpReceiver,
} from '@spanfuse/test-fakes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let tempo: OtlpReceiver;
let langfuse: FakeLangfuse;
beforeAll(async () => {
  [tempo, langfuse] = await Promise.all([startOtlpReceiver(), startFakeLangfuse()]);
});
afterAll(() => Promise.all([tempo.close(), langfuse.close()]));

function env(extra: Record<string, string> = {}) {
  return {
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${tempo.url}/v1/traces`,
    LANGFUSE_PUBLIC_KEY: langfuse.publicKey,
    LANGFUSE_SECRET_KEY: langfuse.secretKey,
    LANGFUSE_BASE_URL: langfuse.url,
    ...extra,
  };
}

async function traceThrough(processorsEnv: Record<string, string>, count: number, tempoOption?: boolean) {
  // OTLP exporters read OTEL_EXPORTER_OTLP_* from process.env when constructed
  const saved = process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT = processorsEnv.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  const spanProcessors = getSpanfuseSpanProcessors({ env: processorsEnv, tempo: tempoOption });
  if (saved === undefined) delete process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  else process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT = saved;
  const provider = new BasicTracerProvider({ spanProcessors });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const span = provider
      .getTracer('t')
      .startSpan(`unit-${i}`, { attributes: { 'langfuse.trace.name': 'unit' } });
    ids.push(span.spanContext().traceId);
    span.end();
  }
  await provider.shutdown();
  return { ids, count: spanProcessors.length };
}

describe('getSpanfuseSpanProcessors', () => {
  it('sends every span to Tempo and Langfuse', async () => {
    const { ids, count } = await traceThrough(env(), 3);
    expect(count).toBe(2);
    const mine = new Set(ids);
    expect(tempo.spans.filter((s) => mine.has(s.traceId))).toHaveLength(3);
    expect(langfuse.otlpSpans.filter((s) => mine.has(s.traceId))).toHaveLength(3);
  });

  it('leaves Tempo out with tempo: false (when the host setup already exports OTLP)', async () => {
    const { ids, count } = await traceThrough(env(), 2, false);
    expect(count).toBe(1);
    expect(tempo.spans.filter((s) => ids.includes(s.traceId))).toHaveLength(0);
    expect(langfuse.otlpSpans.filter((s) => ids.includes(s.traceId))).toHaveLength(2);
  });

  it('leaves Langfuse out when its keys are missing, and Tempo out with OTEL_TRACES_EXPORTER=none', () => {
    expect(getSpanfuseSpanProcessors({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: tempo.url } })).toHaveLength(1);
    expect(getSpanfuseSpanProcessors({ env: env({ OTEL_TRACES_EXPORTER: 'none' }) })).toHaveLength(1);
  });

  it('takes Langfuse keys given in code when the env has none', () => {
    const processors = getSpanfuseSpanProcessors({
      env: { OTEL_TRACES_EXPORTER: 'none' },
      langfuse: { publicKey: 'pk', secretKey: 'sk', baseUrl: 'http://127.0.0.1:9' },
    });
    expect(processors).toHaveLength(1);
  });

  it('gives Langfuse only its LANGFUSE_SAMPLE_RATE share, by the trace-id rule, while Tempo gets all', async () => {
    const { ids } = await traceThrough(env({ LANGFUSE_SAMPLE_RATE: '0.5' }), 40);
    const mine = new Set(ids);
    expect(tempo.spans.filter((s) => mine.has(s.traceId))).toHaveLength(40);
    const sent = langfuse.otlpSpans.filter((s) => mine.has(s.traceId)).map((s) => s.traceId);
    expect(sent.sort()).toEqual(ids.filter((id) => shouldSampleTraceId(id, 0.5)).sort());
  });
});
