import { mapSpan } from '@spanfuse/exporter-langfuse';
import { describe, expect, it } from 'vitest';
import { createTracing } from './spans.js';

describe('environment, release and version', () => {
  it('reads the environment and version from resource attributes', () => {
    const { record } = createTracing({
      'deployment.environment.name': 'staging',
      'service.version': '2.0.1',
    });
    expect(mapSpan(record())).toMatchObject({ environment: 'staging', version: '2.0.1' });
  });

  it('falls back to the older deployment.environment', () => {
    const { record } = createTracing({ 'deployment.environment': 'qa' });
    expect(mapSpan(record()).environment).toBe('qa');
  });

  it('prefers langfuse.environment on the span, then the exporter option, then the resource', () => {
    const { record } = createTracing({ 'deployment.environment.name': 'from-resource' });
    expect(
      mapSpan(record({ attributes: { 'langfuse.environment': 'from-span' } }), { environment: 'opt' })
        .environment,
    ).toBe('from-span');
    expect(mapSpan(record(), { environment: 'opt' }).environment).toBe('opt');
  });

  it('normalizes the environment as Langfuse does', () => {
    const { record } = createTracing({ 'deployment.environment.name': 'Staging-EU' });
    expect(mapSpan(record()).environment).toBe('staging-eu');
    expect(mapSpan(record({ attributes: { 'langfuse.environment': 'langfuse-prod' } })).environment).toBe(
      'prod',
    );
    expect(
      mapSpan(record({ attributes: { 'langfuse.environment': 'has space' } })).environment,
    ).toBeUndefined();
  });

  it('prefers langfuse.release on the span over the option and langfuse.version over service.version', () => {
    const { record } = createTracing({ 'service.version': '1.0.0', 'langfuse.release': 'res-release' });
    expect(mapSpan(record(), { release: 'opt-release' })).toMatchObject({
      release: 'opt-release',
      version: '1.0.0',
    });
    expect(mapSpan(record())).toMatchObject({ release: 'res-release' });
    expect(
      mapSpan(record({ attributes: { 'langfuse.release': 'span-release', 'langfuse.version': 'v9' } }), {
        release: 'opt-release',
      }),
    ).toMatchObject({ release: 'span-release', version: 'v9' });
  });
});
