import { mapSpan } from '@spanfuse/exporter-langfuse';
import { describe, expect, it } from 'vitest';
import { createTracing } from './spans.js';

describe('metadata', () => {
  it('keeps unmapped attributes under their own names and leaves mapped ones out', () => {
    const { record } = createTracing();
    const o = mapSpan(
      record({
        attributes: {
          'gen_ai.operation.name': 'chat',
          'gen_ai.provider.name': 'openai',
          'gen_ai.request.model': 'gpt-4o',
          'gen_ai.usage.input_tokens': 3,
          'gen_ai.input.messages': '[]',
          'gen_ai.response.finish_reasons': ['stop'],
          'server.address': 'api.openai.com',
          'server.port': 443,
        },
      }),
    );
    expect(o.metadata).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.response.finish_reasons': '["stop"]',
      'server.address': 'api.openai.com',
      'server.port': '443',
    });
    for (const key of ['gen_ai.request.model', 'gen_ai.usage.input_tokens', 'gen_ai.input.messages']) {
      expect(o.metadata).not.toHaveProperty(key);
    }
  });

  it('includes resource attributes such as service.name and deployment.environment.name', () => {
    const { record } = createTracing({
      'service.name': 'chat-api',
      'service.version': '2.0.1',
      'deployment.environment.name': 'staging',
    });
    const o = mapSpan(record({ scope: '@spanfuse/instrumentation-openai', scopeVersion: '0.1.0' }));
    expect(JSON.parse(o.metadata.resourceAttributes ?? '{}')).toMatchObject({
      'service.name': 'chat-api',
      'service.version': '2.0.1',
      'deployment.environment.name': 'staging',
    });
    expect(JSON.parse(o.metadata.scope ?? '{}')).toEqual({
      name: '@spanfuse/instrumentation-openai',
      version: '0.1.0',
    });
  });

  it('flattens langfuse.observation.metadata.* and the JSON blob, which win on a clash', () => {
    const { record } = createTracing();
    const o = mapSpan(
      record({
        attributes: {
          'langfuse.observation.metadata.team': 'search',
          'langfuse.observation.metadata': JSON.stringify({ region: 'eu', nested: { a: 1 } }),
          region: 'us',
        },
      }),
    );
    expect(o.metadata).toMatchObject({ team: 'search', region: 'eu', nested: '{"a":1}' });
  });

  it('strips the Vercel ai.telemetry.metadata prefix and sends user/session to the trace', () => {
    const { record } = createTracing();
    const o = mapSpan(
      record({
        scope: 'ai',
        attributes: {
          'ai.operationId': 'ai.generateText',
          'ai.telemetry.metadata.tenant': 'acme',
          'ai.telemetry.metadata.userId': 'u-5',
          'ai.telemetry.metadata.sessionId': 's-5',
        },
      }),
    );
    expect(o.metadata.tenant).toBe('acme');
    expect(o.metadata).not.toHaveProperty('userId');
    expect(o.metadata).not.toHaveProperty('ai.telemetry.metadata.tenant');
    expect(o.trace).toMatchObject({ userId: 'u-5', sessionId: 's-5' });
  });

  it('caps each metadata value with a truncation marker', () => {
    const { record } = createTracing();
    const o = mapSpan(record({ attributes: { 'db.query.text': 'x'.repeat(5000) } }), { maxValueBytes: 100 });
    expect(o.metadata['db.query.text']).toBe(`${'x'.repeat(100)}…[truncated 4900 bytes]`);
  });
});
