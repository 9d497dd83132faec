// A local HTTP sink for the exporter benchmark: accepts OTLP/HTTP (protobuf or JSON) on any path
// and Langfuse ingestion batches, answers 200/207 at once, and counts the bytes and the distinct
// spans it received (decoded, so the count is exact). `POST /__bench/reset` zeroes the counters.
import { createServer } from 'node:http';
import { gunzipSync, inflateSync } from 'node:zlib';
import { spanIdsFromJson, spanIdsFromProto } from './count-spans.mjs';

function emptyStats() {
  return { requests: 0, bodyBytes: 0, spans: 0, duplicates: 0, decodeErrors: 0, contentTypes: {} };
}

/** Starts the sink on 127.0.0.1 (random port). */
export async function startSink() {
  let stats = emptyStats();
  let seen = new Set();
  const reset = () => {
    stats = emptyStats();
    seen = new Set();
  };
  const server = createServer((req, res) => {
    if (req.url === '/__bench/reset') {
      // The variant process calls this after its warm-up, so warm-up spans are not counted.
      reset();
      res.writeHead(204).end();
      return;
    }
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const type = String(req.headers['content-type'] ?? '').split(';')[0];
      const encoding = String(req.headers['content-encoding'] ?? '');
      stats.requests++;
      stats.bodyBytes += raw.length;
      stats.contentTypes[`${type}${encoding ? `+${encoding}` : ''}`] = true;
      let ids = [];
      try {
        const body = encoding === 'gzip' ? gunzipSync(raw) : encoding === 'deflate' ? inflateSync(raw) : raw;
        ids = type.includes('json')
          ? spanIdsFromJson(JSON.parse(body.toString('utf8')))
          : spanIdsFromProto(body);
      } catch {
        stats.decodeErrors++;
      }
      for (const id of ids) {
        if (seen.has(id)) stats.duplicates++;
        else seen.add(id);
      }
      stats.spans = seen.size;
      if (req.url?.includes('/api/public/ingestion')) {
        res.writeHead(207, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ successes: ids.map((id) => ({ id, status: 201 })), errors: [] }));
      } else if (type.includes('json')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{}');
      } else {
        // An empty ExportTraceServiceResponse (no partial_success).
        res.writeHead(200, { 'content-type': 'application/x-protobuf' });
        res.end();
      }
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    reset,
    stats: () => ({ ...stats, contentTypes: Object.keys(stats.contentTypes) }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 nobody listens on (connections are refused). */
export async function closedPort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}
