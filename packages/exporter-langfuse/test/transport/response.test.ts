import { afterEach, describe, expect, it } from 'vitest';
import { endSpans, type Harness, startHarness } from '../export/harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('answer classification', () => {
  it('retries only the events a 207 marks retriable and counts the others failed', async () => {
    h = await startHarness({ protocol: 'ingestion' });
    const ids = endSpans(h, 6);
    const [retriable, refused] = ids;
    const seen = new Map<string, number>();
    h.fake.setMode({
      ingestionEventError: (event) => {
        const id = (event.body as { id?: string }).id ?? '';
        const n = (seen.get(id) ?? 0) + 1;
        seen.set(id, n);
        if (id === retriable && n === 1) return { status: 500, message: 'storage busy' };
        if (id === refused) return { status: 400, message: 'invalid usage' };
        return undefined;
      },
    });
    await h.processor.forceFlush();
    const ingestion = h.fake.requests.filter((r) => r.path === '/api/public/ingestion');
    expect(ingestion).toHaveLength(2);
    expect(seen.get(retriable)).toBe(2);
    expect(seen.get(refused)).toBe(1);
    const delivered = h.fake.ingestionEvents
      .filter((e) => e.type !== 'trace-create')
      .map((e) => (e.body as { id: string }).id);
    expect(delivered.sort()).toEqual(ids.filter((id) => id !== refused).sort());
    expect(h.processor.getStats()).toMatchObject({ exported: 5, failed: 1, retried: 1, dropped: 0 });
    const warnings = h.diag.lines.filter((l) => l.text.includes('status 400'));
    expect(warnings).toHaveLength(1);
  });

  it('treats a 400 as final: no retry, batch counted failed', async () => {
    h = await startHarness();
    h.fake.setMode({ script: [{ status: 400, body: { message: 'bad span' } }] });
    endSpans(h, 3);
    await h.processor.forceFlush();
    expect(h.fake.requests.map((r) => r.status)).toEqual([400]);
    expect(h.processor.getStats()).toMatchObject({ exported: 0, failed: 3, retried: 0 });
    expect(
      h.diag.lines
        .filter((l) => l.level === 'error')
        .map((l) => l.text)
        .join('\n'),
    ).toContain('bad span');
  });

  it('splits a batch refused with 413 and delivers both halves', async () => {
    h = await startHarness();
    h.fake.setMode({ script: [{ status: 413 }] });
    const ids = endSpans(h, 8);
    await h.processor.forceFlush();
    expect(h.fake.requests.map((r) => r.status)).toEqual([413, 200, 200]);
    expect(new Set(h.fake.otlpSpans.map((s) => s.spanId))).toEqual(new Set(ids));
    expect(h.processor.getStats()).toMatchObject({ exported: 8, failed: 0 });
  });
});
