/**
 * A minimal writer of OTLP `ExportTraceServiceRequest` protobuf
 * (opentelemetry/proto/collector/trace/v1/trace_service.proto, trace/v1/trace.proto).
 *
 * Why not otlp-transformer's `ProtobufTraceSerializer`: it copies strings into the buffer one
 * UTF-16 unit at a time in JavaScript, twice (size estimate, then write). Langfuse spans are
 * mostly long JSON strings (input/output), and that loop cost ~13 ns per byte — 32 µs for a
 * 2.4 KB span, more than mapping and gzip together. `Buffer.write` copies them natively.
 * Nested messages are written once; their length prefix is fixed up afterwards (the body is
 * moved right when the length needs more than the one reserved byte).
 */
import type { Attributes, AttributeValue, HrTime, Link, SpanContext, SpanStatus } from '@opentelemetry/api';
import type { TimedEvent } from '@opentelemetry/sdk-trace-base';

/** The span facts this writer reads (a subset of `ReadableSpan`). */
export interface ProtobufSpan {
  name: string;
  kind: number;
  spanContext(): SpanContext;
  parentSpanContext?: SpanContext;
  startTime: HrTime;
  endTime: HrTime;
  status: SpanStatus;
  attributes: Attributes;
  links: readonly Link[];
  events: readonly TimedEvent[];
  resource: { attributes: Attributes };
  instrumentationScope: { name: string; version?: string; schemaUrl?: string };
}

const LEN = 2;
const VARINT = 0;
const I64 = 1;
const I32 = 5;

/** Largest buffer kept between requests (one request never exceeds ~maxBatchBytes anyway). */
const MAX_SCRATCH_BYTES = 8 * 1024 * 1024;
/** Scratch buffers kept for reuse: one per concurrent export (default 2); bounds retained memory. */
const MAX_SCRATCH_BUFFERS = 2;
const scratchPool: Buffer[] = [];

/**
 * Request bytes that live in a reused scratch buffer: valid until `release()`, which hands the
 * buffer back for the next request (so read or copy them first — gzip, say — then release).
 */
export interface LeasedBytes {
  bytes: Uint8Array;
  release(): void;
}

class Writer {
  buf: Buffer;
  pos = 0;

  constructor(capacity: number) {
    // Writing into a fresh multi-MB buffer each batch pays its page faults on every request;
    // one scratch buffer, reused and copied out once at the end, does not.
    // A copy out of it cost more than the encoding itself (a fresh multi-MB, zero-filled
    // allocation per request), hence leases instead of copies.
    const size = Math.max(1024, Math.ceil(capacity));
    const i = scratchPool.findIndex((b) => b.length >= size);
    this.buf = i >= 0 ? scratchPool.splice(i, 1)[0] : Buffer.allocUnsafeSlow(size);
  }

  ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  varint(value: number): void {
    this.ensure(10);
    let v = value;
    while (v > 0x7f) {
      this.buf[this.pos++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buf[this.pos++] = v;
  }

  varint64(value: bigint): void {
    this.ensure(10);
    let v = value;
    while (v > 0x7fn) {
      this.buf[this.pos++] = Number(v & 0x7fn) | 0x80;
      v >>= 7n;
    }
    this.buf[this.pos++] = Number(v);
  }

  tag(field: number, wire: number): void {
    this.varint(field * 8 + wire);
  }

  string(field: number, value: string): void {
    this.tag(field, LEN);
    const n = value.length;
    if (n < 0x80 && this.ascii(value, n)) return;
    // Long (or non-ASCII) strings: one native write into room sized for the worst case (3 bytes
    // per UTF-16 unit), the length prefix reserved for that bound and shrunk only when smaller.
    // Saves the `Buffer.byteLength` pass over every input/output text.
    const reserved = varintSize(n * 3);
    this.ensure(reserved + n * 3);
    const start = this.pos + reserved;
    const len = this.buf.write(value, start, 'utf8');
    const needed = varintSize(len);
    if (needed < reserved) this.buf.copyWithin(this.pos + needed, start, start + len);
    this.varint(len);
    this.pos += len;
  }

  /**
   * Short ASCII strings (attribute keys, model names, small values) copied in JS: the fixed
   * cost of the native `Buffer.byteLength` + `write` pair (~150 ns) exceeds the copy itself.
   * False (nothing written but the tag) when the string has a non-ASCII character.
   */
  private ascii(value: string, n: number): boolean {
    this.ensure(n + 1);
    const buf = this.buf;
    let p = this.pos + 1;
    for (let i = 0; i < n; i++) {
      const c = value.charCodeAt(i);
      if (c >= 0x80) return false;
      buf[p++] = c;
    }
    buf[this.pos] = n;
    this.pos = p;
    return true;
  }

  hex(field: number, value: string): void {
    const len = value.length >>> 1;
    this.tag(field, LEN);
    this.varint(len);
    this.ensure(len);
    this.pos += this.buf.write(value, this.pos, len, 'hex');
  }

  time(field: number, t: HrTime): void {
    this.tag(field, I64);
    this.ensure(8);
    this.buf.writeBigUInt64LE(BigInt(t[0]) * 1_000_000_000n + BigInt(t[1]), this.pos);
    this.pos += 8;
  }

  fixed32(field: number, value: number): void {
    this.tag(field, I32);
    this.ensure(4);
    this.buf.writeUInt32LE(value >>> 0, this.pos);
    this.pos += 4;
  }

  /** Starts a length-delimited field; returns the position of its one-byte length. */
  fork(field: number): number {
    this.tag(field, LEN);
    this.ensure(1);
    return this.pos++;
  }

  /** Writes the length of the message started at `at`, moving it when the length needs more bytes. */
  join(at: number): void {
    const len = this.pos - at - 1;
    if (len < 0x80) {
      this.buf[at] = len;
      return;
    }
    let extra = 0;
    for (let v = len; v > 0x7f; v = Math.floor(v / 0x80)) extra++;
    this.ensure(extra);
    this.buf.copyWithin(at + 1 + extra, at + 1, this.pos);
    const end = this.pos + extra;
    this.pos = at;
    this.varint(len);
    this.pos = end;
  }

  /** The bytes written, leased: `release()` returns the buffer to the scratch pool (bounded). */
  finish(): LeasedBytes {
    const buf = this.buf;
    let released = false;
    return {
      bytes: buf.subarray(0, this.pos),
      release: () => {
        if (released) return;
        released = true;
        if (buf.length <= MAX_SCRATCH_BYTES && scratchPool.length < MAX_SCRATCH_BUFFERS)
          scratchPool.push(buf);
      },
    };
  }
}

/** Bytes of the varint encoding of `value` (≥ 0). */
function varintSize(value: number): number {
  let size = 1;
  for (let v = value; v > 0x7f; v = Math.floor(v / 0x80)) size++;
  return size;
}

function writeAnyValue(w: Writer, field: number, value: unknown): void {
  const at = w.fork(field);
  switch (typeof value) {
    case 'string':
      w.string(1, value);
      break;
    case 'boolean':
      w.tag(2, VARINT);
      w.varint(value ? 1 : 0);
      break;
    case 'number':
      if (Number.isSafeInteger(value)) {
        w.tag(3, VARINT);
        if (value >= 0) w.varint(value);
        else w.varint64(BigInt.asUintN(64, BigInt(value))); // int64: two's complement, 10 bytes
      } else {
        w.tag(4, I64);
        w.ensure(8);
        w.buf.writeDoubleLE(value, w.pos);
        w.pos += 8;
      }
      break;
    default:
      if (Array.isArray(value)) {
        const arr = w.fork(5);
        for (const item of value) writeAnyValue(w, 1, item);
        w.join(arr);
      } else if (value !== null && value !== undefined) {
        w.string(1, String(value));
      }
  }
  w.join(at);
}

function writeAttributes(w: Writer, field: number, attributes: Attributes | undefined): void {
  if (!attributes) return;
  for (const key in attributes) {
    const value: AttributeValue | undefined = attributes[key];
    if (value === undefined) continue;
    const kv = w.fork(field);
    w.string(1, key);
    writeAnyValue(w, 2, value);
    w.join(kv);
  }
}

function writeSpan(w: Writer, span: ProtobufSpan): void {
  const at = w.fork(2);
  const ctx = span.spanContext();
  w.hex(1, ctx.traceId);
  w.hex(2, ctx.spanId);
  if (ctx.traceState) w.string(3, ctx.traceState.serialize());
  if (span.parentSpanContext?.spanId) w.hex(4, span.parentSpanContext.spanId);
  w.string(5, span.name);
  w.tag(6, VARINT);
  w.varint(span.kind + 1); // API SpanKind.INTERNAL = 0, proto SPAN_KIND_INTERNAL = 1
  w.time(7, span.startTime);
  w.time(8, span.endTime);
  writeAttributes(w, 9, span.attributes);
  for (const event of span.events) {
    const e = w.fork(11);
    w.time(1, event.time);
    w.string(2, event.name);
    writeAttributes(w, 3, event.attributes);
    w.join(e);
  }
  for (const link of span.links) {
    const l = w.fork(13);
    w.hex(1, link.context.traceId);
    w.hex(2, link.context.spanId);
    writeAttributes(w, 4, link.attributes);
    w.fixed32(6, link.context.traceFlags & 0xff);
    w.join(l);
  }
  const status = w.fork(15);
  if (span.status.message) w.string(2, span.status.message);
  if (span.status.code) {
    w.tag(3, VARINT);
    w.varint(span.status.code);
  }
  w.join(status);
  w.fixed32(16, ctx.traceFlags & 0xff);
  w.join(at);
}

/**
 * Protobuf bytes of one `ExportTraceServiceRequest` holding `spans`, grouped by resource and
 * scope. `sizeHint` (bytes) sizes the buffer up front; it grows when the hint was short.
 */
export function encodeTraceRequest(spans: readonly ProtobufSpan[], sizeHint = 64 * 1024): Uint8Array {
  const leased = encodeTraceRequestLeased(spans, sizeHint);
  const out = Buffer.allocUnsafe(leased.bytes.byteLength);
  out.set(leased.bytes);
  leased.release();
  return out;
}

/** {@link encodeTraceRequest} without the final copy: the bytes stay in a pooled buffer. */
export function encodeTraceRequestLeased(spans: readonly ProtobufSpan[], sizeHint = 64 * 1024): LeasedBytes {
  const byResource = new Map<object, Map<object, ProtobufSpan[]>>();
  for (const span of spans) {
    let scopes = byResource.get(span.resource);
    if (!scopes) {
      scopes = new Map();
      byResource.set(span.resource, scopes);
    }
    const list = scopes.get(span.instrumentationScope);
    if (list) list.push(span);
    else scopes.set(span.instrumentationScope, [span]);
  }
  const w = new Writer(sizeHint);
  for (const [, scopes] of byResource) {
    const rs = w.fork(1);
    const first = scopes.values().next().value as ProtobufSpan[];
    const resource = w.fork(1);
    writeAttributes(w, 1, first[0].resource.attributes);
    w.join(resource);
    for (const list of scopes.values()) {
      const ss = w.fork(2);
      const scope = list[0].instrumentationScope;
      const sc = w.fork(1);
      w.string(1, scope.name);
      if (scope.version) w.string(2, scope.version);
      w.join(sc);
      for (const span of list) writeSpan(w, span);
      if (scope.schemaUrl) w.string(3, scope.schemaUrl);
      w.join(ss);
    }
    w.join(rs);
  }
  return w.finish();
}
