// Reads `partial_success` from an OTLP `ExportTraceServiceResponse` in protobuf
// (opentelemetry-proto collector/trace/v1/trace_service.proto):
//   ExportTraceServiceResponse { ExportTracePartialSuccess partial_success = 1; }
//   ExportTracePartialSuccess  { int64 rejected_spans = 1; string error_message = 2; }
// Hand-decoded: loading otlp-transformer only for this cost ~150 ms of startup on this machine.

/** What the receiver said it rejected. */
export interface OtlpPartialSuccess {
  rejectedSpans: number;
  errorMessage?: string;
}

/** Decodes the partial success of a protobuf response; undefined when absent. Throws on garbage. */
export function decodeOtlpPartialSuccess(body: Uint8Array): OtlpPartialSuccess | undefined {
  let found: OtlpPartialSuccess | undefined;
  forEachField(body, 0, body.length, (field, wire, start, end) => {
    if (field !== 1 || wire !== 2) return;
    const partial: OtlpPartialSuccess = { rejectedSpans: 0 };
    forEachField(body, start, end, (inner, innerWire, s, e, v) => {
      if (inner === 1 && innerWire === 0) partial.rejectedSpans = v;
      else if (inner === 2 && innerWire === 2)
        partial.errorMessage = Buffer.from(body.buffer, body.byteOffset + s, e - s).toString('utf8');
    });
    found = partial;
  });
  return found;
}

type FieldVisitor = (field: number, wire: number, start: number, end: number, varint: number) => void;

function forEachField(buf: Uint8Array, from: number, to: number, visit: FieldVisitor): void {
  let pos = from;
  const readVarint = (): number => {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      if (pos >= to) throw new Error('truncated varint');
      const byte = buf[pos++]!;
      result += (byte & 0x7f) * scale;
      if (byte < 0x80) return result;
      scale *= 128;
    }
    throw new Error('varint too long');
  };
  while (pos < to) {
    const key = readVarint();
    const field = Math.floor(key / 8);
    const wire = key & 7;
    if (wire === 0) visit(field, wire, pos, pos, readVarint());
    else if (wire === 2) {
      const length = readVarint();
      const start = pos;
      pos += length;
      if (pos > to) throw new Error('truncated field');
      visit(field, wire, start, pos, length);
    } else if (wire === 1) pos += 8;
    else if (wire === 5) pos += 4;
    else throw new Error(`unsupported wire type ${wire}`);
  }
}
