// Exact span counting for what the sink receives: OTLP/HTTP protobuf, OTLP/HTTP JSON and the
// Langfuse ingestion batch. Returns the span ids so that retried (duplicate) spans are not counted
// twice. The protobuf walk reads only the three nesting levels it needs
// (ExportTraceServiceRequest.resource_spans=1 → ResourceSpans.scope_spans=2 → ScopeSpans.spans=2
// → Span.span_id=2, opentelemetry-proto trace/v1/trace.proto).

function readVarint(buf, pos) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = buf[pos++];
    value += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) return [value, pos];
    shift += 7;
  }
}

/** Calls `onField(fieldNumber, start, end)` for each length-delimited field of the message. */
function forEachBytesField(buf, start, end, onField) {
  let pos = start;
  while (pos < end) {
    let key;
    [key, pos] = readVarint(buf, pos);
    const field = Math.floor(key / 8);
    const wire = key & 7;
    if (wire === 0) [, pos] = readVarint(buf, pos);
    else if (wire === 1) pos += 8;
    else if (wire === 5) pos += 4;
    else if (wire === 2) {
      let len;
      [len, pos] = readVarint(buf, pos);
      onField(field, pos, pos + len);
      pos += len;
    } else throw new Error(`unsupported protobuf wire type ${wire}`);
  }
}

/** Span ids (hex) in an OTLP ExportTraceServiceRequest encoded as protobuf. */
export function spanIdsFromProto(buf) {
  const ids = [];
  forEachBytesField(buf, 0, buf.length, (f1, s1, e1) => {
    if (f1 !== 1) return;
    forEachBytesField(buf, s1, e1, (f2, s2, e2) => {
      if (f2 !== 2) return;
      forEachBytesField(buf, s2, e2, (f3, s3, e3) => {
        if (f3 !== 2) return;
        let id = '';
        forEachBytesField(buf, s3, e3, (f4, s4, e4) => {
          if (f4 === 2) id = buf.toString('hex', s4, e4);
        });
        ids.push(id);
      });
    });
  });
  return ids;
}

/** Span ids in an OTLP JSON request or a Langfuse ingestion batch (observation creates). */
export function spanIdsFromJson(body) {
  const ids = [];
  if (Array.isArray(body.resourceSpans)) {
    for (const rs of body.resourceSpans)
      for (const ss of rs.scopeSpans ?? []) for (const span of ss.spans ?? []) ids.push(String(span.spanId));
  } else if (Array.isArray(body.batch)) {
    for (const event of body.batch) {
      const type = String(event.type);
      if (type.endsWith('-create') && type !== 'trace-create' && type !== 'score-create') {
        ids.push(String(event.body?.id ?? event.id));
      }
    }
  }
  return ids;
}
