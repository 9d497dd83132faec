// Shared test setup: a real NodeTracerProvider + InMemorySpanExporter, a MeterProvider with an
// in-memory reader, the instrumentation applied through its manual `instrument()` path (vitest's
// module loader bypasses Node's module hooks; those are covered by esm-cjs.test.ts) and a real
// openai client pointed at the loopback fake.
import { context } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  AggregationTemporality,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';
import { InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { OpenAIInstrumentation, type OpenAIInstrumentationConfig } from '@spanfuse/instrumentation-openai';
import { type FakeOpenAI, startFakeOpenAI } from '@spanfuse/test-fakes';
import OpenAI from 'openai';

// Parenting needs a context manager; set once per test process (a second set is refused).
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());

export interface Harness<C> {
  fake: FakeOpenAI;
  client: C;
  instrumentation: OpenAIInstrumentation;
  exporter: InMemorySpanExporter;
  tracerProvider: NodeTracerProvider;
  reader: PeriodicExportingMetricReader;
  /** Waits until `count` spans ended (fire-and-forget calls end asynchronously). */
  spans(count?: number): Promise<ReadableSpan[]>;
  close(): Promise<void>;
}

type ClientClass<C> = new (opts: {
  baseURL: string;
  apiKey: string;
  maxRetries?: number;
  timeout?: number;
}) => C;

export async function setup<C = OpenAI>(
  config: OpenAIInstrumentationConfig = {},
  Client: ClientClass<C> = OpenAI as any,
  clientOptions: { maxRetries?: number; timeout?: number } = {},
): Promise<Harness<C>> {
  const exporter = new InMemorySpanExporter();
  const tracerProvider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const reader = new PeriodicExportingMetricReader({
    exporter: new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE),
    exportIntervalMillis: 3_600_000,
  });
  const meterProvider = new MeterProvider({ readers: [reader] });
  const instrumentation = new OpenAIInstrumentation(config);
  instrumentation.setTracerProvider(tracerProvider);
  instrumentation.setMeterProvider(meterProvider);
  instrumentation.instrument(Client);
  const fake = await startFakeOpenAI();
  const client = new Client({ baseURL: fake.url, apiKey: 'sk-test-key', maxRetries: 0, ...clientOptions });
  return {
    fake,
    client,
    instrumentation,
    exporter,
    tracerProvider,
    reader,
    async spans(count = 1) {
      for (let i = 0; i < 500 && exporter.getFinishedSpans().length < count; i++)
        await new Promise((r) => setTimeout(r, 10));
      return exporter.getFinishedSpans();
    },
    async close() {
      instrumentation.uninstrument(Client);
      instrumentation.disable();
      await fake.close();
      await tracerProvider.shutdown();
      await meterProvider.shutdown();
    },
  };
}

/** Parses a JSON string attribute. */
export function json(span: ReadableSpan, key: string): any {
  const v = span.attributes[key];
  return typeof v === 'string' ? JSON.parse(v) : undefined;
}

export const userMessage = [{ role: 'user' as const, content: 'Say hello' }];
