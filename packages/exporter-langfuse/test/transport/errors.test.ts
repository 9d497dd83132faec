import { afterEach, describe, expect, it } from 'vitest';
import { endSpans, type Harness, startHarness } from '../export/harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('delivery errors', () => {
  it('falls back to the ingestion API once when the OTLP endpoint answers 404', async () => {
    h = await startHarness();
    h.fake.setMode({ otlpAbsent: true });
    endSpans(h, 4);
    await h.processor.forceFlush();
    endSpans(h, 3);
    await h.processor.forceFlush();
    expect(h.fake.requests.map((r) => `${r.path} ${r.status}`)).toEqual([
      '/api/public/otel/v1/traces 404',
      '/api/public/ingestion 207',
      '/api/public/ingestion 207',
    ]);
    expect(h.fake.contractViolations).toEqual([]);
    expect(h.fake.ingestionEvents.filter((e) => e.type !== 'trace-create')).toHaveLength(7);
    const notices = h.diag.lines.filter((l) => l.text.includes('no OTLP endpoint'));
    expect(notices).toHaveLength(1);
    expect(h.processor.getStats()).toMatchObject({ exported: 7, failed: 0 });
  });

  it('reports a 404 as a wrong base URL, without fallback, when the protocol is otlp', async () => {
    h = await startHarness({ protocol: 'otlp' });
    h.fake.setMode({ otlpAbsent: true });
    endSpans(h, 2);
    await h.processor.forceFlush();
    endSpans(h, 2);
    await h.processor.forceFlush();
    expect(h.fake.requests.map((r) => r.status)).toEqual([404, 404]);
    const errors = h.diag.lines.filter((l) => l.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0].text).toContain(h.fake.url);
    expect(h.processor.getStats()).toMatchObject({ failed: 4 });
  });
});
