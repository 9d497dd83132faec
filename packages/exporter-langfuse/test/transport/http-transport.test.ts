import { createRequire, syncBuiltinESMExports } from 'node:module';
import { context, ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { LangfuseSpanProcessor } from '@spanfuse/exporter-langfuse';
import { type FakeLangfuse, startFakeLangfuse } from '@spanfuse/test-fakes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);

describe('HTTP transport', () => {
  let fake: FakeLangfuse;
  let provider: NodeTracerProvider;
  let memory: InMemorySpanExporter;
  let processor: LangfuseSpanProcessor;
  let disable: () => void;

  beforeAll(async () => {
    fake = await startFakeLangfuse();
    memory = new InMemorySpanExporter();
    processor = new LangfuseSpanProcessor({
      publicKey: fake.publicKey,
      secretKey: fake.secretKey,
      baseUrl: fake.url,
      exportAllSpans: true,
      flushInterval: 600,
    });
    provider = new NodeTracerProvider({ spanProcessors: [processor, new SimpleSpanProcessor(memory)] });
    provider.register({ contextManager: new AsyncLocalStorageContextManager() });
    disable = registerInstrumentations({
      instrumentations: [new HttpInstrumentation()],
      tracerProvider: provider,
    });
    // The instrumentation patches the CommonJS `http` exports on the next require; ESM
    // namespaces of built-ins see the patch only after a sync.
    require('node:http');
    syncBuiltinESMExports();
  });

  afterAll(async () => {
    disable();
    await provider.shutdown();
    trace.disable();
    context.disable();
    await fake.close();
  });

  it('does not trace its own requests to Langfuse (suppressTracing)', async () => {
    // Control: a request of the app inside a span IS traced, so the instrumentation is active.
    const http = require('node:http') as typeof import('node:http');
    const tracer = provider.getTracer('app');
    await tracer.startActiveSpan('app-work', async (span) => {
      await new Promise<void>((resolve, reject) => {
        http
          .get(`${fake.url}/api/public/health`, (res) => res.resume().on('end', resolve))
          .on('error', reject);
      });
      span.end();
    });
    const clientSpans = () => memory.getFinishedSpans().filter((s) => s.kind === SpanKind.CLIENT);
    expect(clientSpans()).toHaveLength(1);

    const root = tracer.startSpan('llm-call');
    tracer.startSpan('child', {}, trace.setSpan(ROOT_CONTEXT, root)).end();
    root.end();
    await processor.forceFlush();
    expect(fake.requests.filter((r) => r.path === '/api/public/otel/v1/traces')).toHaveLength(1);
    expect(clientSpans()).toHaveLength(1);
    expect(fake.otlpSpans.filter((s) => s.kind === 'SPAN_KIND_CLIENT')).toHaveLength(1);
    expect(fake.otlpSpans.map((s) => s.name)).toEqual(
      expect.arrayContaining(['app-work', 'child', 'llm-call']),
    );
  });

  it('authenticates with HTTP Basic public:secret', () => {
    const otlp = fake.requests.find((r) => r.path === '/api/public/otel/v1/traces');
    const expected = `Basic ${Buffer.from(`${fake.publicKey}:${fake.secretKey}`).toString('base64')}`;
    expect(otlp?.headers.authorization).toBe(expected);
    expect(otlp?.headers['user-agent']).toMatch(/^spanfuse-exporter-langfuse\//);
  });
});
