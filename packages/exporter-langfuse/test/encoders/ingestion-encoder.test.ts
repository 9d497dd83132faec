import { ROOT_CONTEXT, SpanStatusCode, trace } from '@opentelemetry/api';
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../export/harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** One trace with an agent root, a generation, a tool, an embedding, an event and a plain span. */
function endMixedTrace(harness: Harness): void {
  const root = harness.tracer.startSpan('agent-run', {
    attributes: {
      'langfuse.observation.type': 'agent',
      'langfuse.trace.name': 'support-bot',
      'user.id': 'u-1',
      'session.id': 's-1',
      'langfuse.trace.tags': ['beta', 'eu'],
      'langfuse.trace.metadata.tenant': 'acme',
      'langfuse.release': 'r-42',
    },
  });
  const parent = trace.setSpan(ROOT_CONTEXT, root);
  const gen = harness.tracer.startSpan(
    'chat gpt-4o',
    {
      attributes: {
        'gen_ai.operation.name': 'chat',
        'gen_ai.request.model': 'gpt-4o',
        'gen_ai.response.model': 'gpt-4o-2024-08-06',
        'gen_ai.request.temperature': 0.2,
        'gen_ai.usage.input_tokens': 12,
        'gen_ai.usage.output_tokens': 7,
        'langfuse.observation.input': JSON.stringify([{ role: 'user', content: 'hi' }]),
        'langfuse.observation.output': JSON.stringify({ role: 'assistant', content: 'hello' }),
        'langfuse.observation.prompt.name': 'greeting',
        'langfuse.observation.prompt.version': 3,
      },
    },
    parent,
  );
  gen.end();
  harness.tracer.startSpan('lookup', { attributes: { 'langfuse.observation.type': 'tool' } }, parent).end();
  harness.tracer
    .startSpan(
      'embed',
      { attributes: { 'gen_ai.operation.name': 'embeddings', 'gen_ai.request.model': 'e-3' } },
      parent,
    )
    .end();
  harness.tracer
    .startSpan('cache-hit', { attributes: { 'langfuse.observation.type': 'event' } }, parent)
    .end();
  const failing = harness.tracer.startSpan('db', {}, parent);
  failing.setStatus({ code: SpanStatusCode.ERROR, message: 'timeout' });
  failing.end();
  root.end();
}

describe('ingestion encoder', () => {
  it('sends bodies that pass the ingestion contract, one create per observation and one trace-create', async () => {
    h = await startHarness({ protocol: 'ingestion' });
    endMixedTrace(h);
    await h.processor.forceFlush();
    expect(h.fake.contractViolations).toEqual([]);
    const types = h.fake.ingestionEvents.map((e) => e.type).sort();
    expect(types).toEqual(
      [
        'event-create',
        'generation-create',
        'observation-create',
        'observation-create',
        'observation-create',
        'span-create',
        'trace-create',
      ].sort(),
    );
    expect(h.processor.getStats()).toMatchObject({ exported: 6, failed: 0 });
  });

  it('carries the trace identity, generation fields and typed observations', async () => {
    h = await startHarness({ protocol: 'ingestion', environment: 'staging' });
    endMixedTrace(h);
    await h.processor.forceFlush();
    const traceCreate = h.fake.ingestionEvents.find((e) => e.type === 'trace-create');
    expect(traceCreate?.body).toMatchObject({
      name: 'support-bot',
      userId: 'u-1',
      sessionId: 's-1',
      tags: ['beta', 'eu'],
      environment: 'staging',
      release: 'r-42',
    });
    expect(traceCreate?.body).toMatchObject({ metadata: { tenant: 'acme' } });

    const generation = h.fake.ingestionEvents.find((e) => e.type === 'generation-create');
    expect(generation?.body).toMatchObject({
      name: 'chat gpt-4o',
      model: 'gpt-4o-2024-08-06',
      usageDetails: { input: 12, output: 7 },
      input: [{ role: 'user', content: 'hi' }],
      output: { role: 'assistant', content: 'hello' },
      promptName: 'greeting',
      promptVersion: 3,
      environment: 'staging',
    });
    const typed = h.fake.ingestionEvents
      .filter((e) => e.type === 'observation-create')
      .map((e) => (e.body as { type: string }).type)
      .sort();
    expect(typed).toEqual(['AGENT', 'EMBEDDING', 'TOOL']);
    const failing = h.fake.ingestionEvents.find((e) => e.type === 'span-create');
    expect(failing?.body).toMatchObject({ name: 'db', level: 'ERROR', statusMessage: 'timeout' });
    const root = h.fake.ingestionEvents.find(
      (e) => e.type === 'observation-create' && (e.body as { type: string }).type === 'AGENT',
    );
    const rootBody = root?.body as { id?: string; parentObservationId?: string } | undefined;
    expect(rootBody?.id).toBeTypeOf('string');
    expect(rootBody?.parentObservationId).toBeUndefined();
    expect(failing?.body).toMatchObject({ parentObservationId: rootBody?.id });
  });

  it('splits batches at maxBatchBytes and keeps every observation', async () => {
    h = await startHarness({ protocol: 'ingestion', maxBatchBytes: 20_000 });
    const root = h.tracer.startSpan('root');
    const parent = trace.setSpan(ROOT_CONTEXT, root);
    for (let i = 0; i < 30; i++) {
      h.tracer
        .startSpan(`s-${i}`, { attributes: { 'langfuse.observation.input': 'y'.repeat(3000) } }, parent)
        .end();
    }
    root.end();
    await h.processor.forceFlush();
    const ingestion = h.fake.requests.filter((r) => r.path === '/api/public/ingestion');
    expect(ingestion.length).toBeGreaterThan(3);
    const observationIds = h.fake.ingestionEvents
      .filter((e) => e.type !== 'trace-create')
      .map((e) => (e.body as { id: string }).id);
    expect(new Set(observationIds).size).toBe(31);
    expect(observationIds).toHaveLength(31);
  });
});
