import { afterEach, describe, expect, it } from 'vitest';
import { endSpans, type Harness, startHarness } from '../export/harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('retry policy', () => {
  it('reads Retry-After given as an HTTP date', async () => {
    h = await startHarness();
    const soon = new Date(Date.now() + 1000).toUTCString();
    h.fake.setMode({ script: [{ status: 503, headers: { 'retry-after': soon } }] });
    endSpans(h, 2);
    await h.processor.forceFlush();
    expect(h.fake.requests.map((r) => r.status)).toEqual([503, 200]);
    expect(h.fake.otlpSpans).toHaveLength(2);
  });

  it('gives up after maxRetries and counts the batch failed once', async () => {
    h = await startHarness({ maxRetries: 2 });
    h.fake.setMode({ script: [{ status: 502 }, { status: 502 }, { status: 502 }, { status: 502 }] });
    endSpans(h, 4);
    await h.processor.forceFlush();
    expect(h.fake.requests.map((r) => r.status)).toEqual([502, 502, 502]);
    expect(h.processor.getStats()).toMatchObject({ exported: 0, failed: 4, retried: 8 });
  });

  it('does not retry when maxRetries is 0', async () => {
    h = await startHarness({ maxRetries: 0 });
    h.fake.setMode({ script: [{ status: 500 }] });
    endSpans(h, 2);
    await h.processor.forceFlush();
    expect(h.fake.requests).toHaveLength(1);
    expect(h.processor.getStats()).toMatchObject({ failed: 2, retried: 0 });
  });
});
