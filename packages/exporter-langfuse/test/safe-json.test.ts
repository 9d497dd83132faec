import { safeJsonStringify, serializeValue, toWellFormed, truncateUtf8 } from '@spanfuse/exporter-langfuse';
import { describe, expect, it } from 'vitest';

describe('safe JSON', () => {
  it('serializes circular references without throwing', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    a.list = [a, { back: a }];
    expect(JSON.parse(safeJsonStringify(a))).toEqual({
      name: 'a',
      self: '[Circular]',
      list: ['[Circular]', { back: '[Circular]' }],
    });
  });

  it('keeps shared (non-circular) references', () => {
    const shared = { v: 1 };
    const cyclic: Record<string, unknown> = { a: shared, b: shared };
    cyclic.c = cyclic;
    expect(JSON.parse(safeJsonStringify(cyclic))).toEqual({ a: { v: 1 }, b: { v: 1 }, c: '[Circular]' });
  });

  it('writes BigInt, functions, binary data, Dates, Errors, Maps and Sets readably', () => {
    const out = JSON.parse(
      safeJsonStringify({
        big: 12345678901234567890n,
        fn: function handler() {},
        bytes: new Uint8Array(16),
        when: new Date(Date.UTC(2026, 0, 2)),
        err: new RangeError('out'),
        map: new Map([['k', 1]]),
        set: new Set([1, 2]),
      }),
    );
    expect(out).toMatchObject({
      big: '12345678901234567890',
      fn: '[Function handler]',
      bytes: '[Uint8Array 16 bytes]',
      when: '2026-01-02T00:00:00.000Z',
      err: { name: 'RangeError', message: 'out' },
      map: { k: 1 },
      set: [1, 2],
    });
  });

  it('replaces lone surrogates with U+FFFD, in values and keys', () => {
    expect(toWellFormed('a\ud800b')).toBe('a\ufffdb');
    expect(toWellFormed('ok 😀')).toBe('ok 😀');
    expect(JSON.parse(safeJsonStringify({ 'k\udc00': 'v\ud800' }))).toEqual({ 'k\ufffd': 'v\ufffd' });
    expect(serializeValue('x\udbff')).toBe('x\ufffd');
  });

  it('does not mistake an escaped backslash-u text for a surrogate', () => {
    expect(JSON.parse(safeJsonStringify({ path: 'C:\\udir' }))).toEqual({ path: 'C:\\udir' });
  });

  it('truncates a 5 MB string with a visible marker', () => {
    const big = 'a'.repeat(5 * 1024 * 1024);
    const out = serializeValue(big, 1_000_000);
    expect(out.startsWith('a'.repeat(1000))).toBe(true);
    expect(out).toBe(`${'a'.repeat(1_000_000)}…[truncated ${big.length - 1_000_000} bytes]`);
  });

  it('never cuts inside a multi-byte character or surrogate pair', () => {
    expect(truncateUtf8('ééé', 3)).toBe('é…[truncated 4 bytes]');
    expect(truncateUtf8('😀😀', 5)).toBe('😀…[truncated 4 bytes]');
    expect(truncateUtf8('short', 100)).toBe('short');
  });

  it('passes JSON-looking strings through without re-encoding them', () => {
    const messages = '[{"role":"user","content":"Hi"}]';
    expect(serializeValue(messages)).toBe(messages);
    expect(serializeValue(42)).toBe('42');
    expect(serializeValue(true)).toBe('true');
    expect(serializeValue(['a', 1])).toBe('["a",1]');
  });

  it('survives throwing getters and toJSON', () => {
    const hostile = {
      get bad() {
        throw new Error('no');
      },
      nested: {
        toJSON() {
          throw new Error('nope');
        },
      },
    };
    expect(JSON.parse(safeJsonStringify(hostile))).toEqual({
      bad: '[Getter threw]',
      nested: '[toJSON threw]',
    });
  });

  it('returns JSON text for values JSON has no form for', () => {
    expect(safeJsonStringify(undefined)).toBe('"[undefined]"');
    expect(safeJsonStringify(() => 1)).toBe('"[Function anonymous]"');
    expect(safeJsonStringify(Number.NaN)).toBe('null');
  });
});
