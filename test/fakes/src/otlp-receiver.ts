// Fake Grafana Tempo: an OTLP/HTTP receiver on 127.0.0.1 built on Elastic's @elastic/mockotlpserver,
// which decodes protobuf and JSON with the official opentelemetry-proto files. Each receiver is a
// small front server that accepts any path ending in `/v1/traces` (Sentry's OTLP endpoint is
// `/api/<project>/integration/otlp/v1/traces/`) and forwards the body to the mock server.

import http from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { type FlatOtlpSpan, flattenOtlpTrace, normalizeTrace } from './otlp-spans.js';

const require = createRequire(import.meta.url);
const { MockOtlpServer } = require('@elastic/mockotlpserver') as {
  MockOtlpServer: new (
    opts: Record<string, unknown>,
  ) => {
    start(): Promise<void>;
    close(): Promise<void>;
    httpUrl: string | null;
  };
};

/** One span as Tempo received it, flattened out of the OTLP envelope. */
export type ReceivedOtlpSpan = FlatOtlpSpan;

/** One HTTP request the receiver got (for header/path assertions). */
export interface ReceivedOtlpRequest {
  path: string;
  contentType: string | undefined;
  headers: http.IncomingHttpHeaders;
}

/** A running fake OTLP receiver. */
export interface OtlpReceiver {
  /** Base URL, e.g. `http://127.0.0.1:43123` — set it as `OTEL_EXPORTER_OTLP_ENDPOINT`. */
  url: string;
  /** Every span received so far, in arrival order (a live array). */
  spans: ReceivedOtlpSpan[];
  /** Every trace export request received so far. */
  requests: ReceivedOtlpRequest[];
  /** Resolves once at least `count` spans matching `predicate` arrived (rejects after `timeoutMs`). */
  waitForSpans(
    count: number,
    predicate?: (s: ReceivedOtlpSpan) => boolean,
    timeoutMs?: number,
  ): Promise<ReceivedOtlpSpan[]>;
  close(): Promise<void>;
}

// mockotlpserver publishes decoded requests on a process-wide diagnostics channel, so every
// MockOtlpServer in a process hears every request. One shared server therefore decodes for all
// receivers, and requests are forwarded one at a time: the trace published while a receiver's
// request is in flight (it is published before the response goes out) belongs to that receiver.
interface SharedServer {
  url: URL;
  refs: number;
  sink: ((raw: unknown) => void) | undefined;
  queue: Promise<void>;
  close(): Promise<void>;
}
let shared: Promise<SharedServer> | undefined;

function acquireShared(): Promise<SharedServer> {
  shared ??= (async () => {
    const state: Partial<SharedServer> = { refs: 0, sink: undefined, queue: Promise.resolve() };
    const mock = new MockOtlpServer({
      services: ['http'],
      httpHostname: '127.0.0.1',
      httpPort: 0,
      logLevel: 'warn',
      onTrace: (raw: unknown) => state.sink?.(raw),
    });
    await mock.start();
    state.url = new URL(mock.httpUrl!);
    state.close = () => mock.close();
    return state as SharedServer;
  })();
  return shared.then((s) => {
    s.refs++;
    return s;
  });
}

async function releaseShared(s: SharedServer): Promise<void> {
  if (--s.refs > 0) return;
  shared = undefined;
  await s.close();
}

function forward(s: SharedServer, body: Buffer, contentType: string, sink: (raw: unknown) => void) {
  const run = s.queue.then(
    () =>
      new Promise<{ status: number; body: Buffer; type?: string }>((resolve) => {
        s.sink = sink;
        const req = http.request(
          {
            host: s.url.hostname,
            port: s.url.port,
            path: '/v1/traces',
            method: 'POST',
            headers: { 'content-type': contentType },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              s.sink = undefined;
              resolve({
                status: res.statusCode ?? 502,
                body: Buffer.concat(chunks),
                type: res.headers['content-type'],
              });
            });
          },
        );
        req.on('error', () => {
          s.sink = undefined;
          resolve({ status: 502, body: Buffer.alloc(0) });
        });
        req.end(body);
      }),
  );
  s.queue = run.then(() => undefined);
  return run;
}

/** Starts a fake Tempo on 127.0.0.1 with a random port. */
export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const spans: ReceivedOtlpSpan[] = [];
  const requests: ReceivedOtlpRequest[] = [];
  const waiters = new Set<() => void>();
  const server = await acquireShared();
  const sink = (raw: unknown) => {
    spans.push(...flattenOtlpTrace(normalizeTrace(raw)));
    for (const wake of waiters) wake();
  };

  const front = http.createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0]!;
    if (req.method !== 'POST' || !/\/v1\/traces\/?$/.test(path)) {
      req.resume();
      res.writeHead(404).end();
      return;
    }
    requests.push({ path, contentType: req.headers['content-type'], headers: req.headers });
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const contentType = req.headers['content-type'] ?? 'application/x-protobuf';
      void forward(server, Buffer.concat(chunks), contentType, sink).then((answer) => {
        res.writeHead(answer.status, answer.type ? { 'content-type': answer.type } : {});
        res.end(answer.body);
      });
    });
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  const { port } = front.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    spans,
    requests,
    waitForSpans(count, predicate = () => true, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const matching = spans.filter(predicate);
          if (matching.length < count) return false;
          clearTimeout(timer);
          waiters.delete(wake);
          resolve(matching);
          return true;
        };
        const wake = () => void check();
        const timer = setTimeout(() => {
          waiters.delete(wake);
          reject(
            new Error(
              `OTLP receiver: ${spans.filter(predicate).length}/${count} spans after ${timeoutMs} ms`,
            ),
          );
        }, timeoutMs);
        waiters.add(wake);
        check();
      });
    },
    async close() {
      const closed = new Promise<void>((resolve) => front.close(() => resolve()));
      front.closeAllConnections();
      await closed;
      await releaseShared(server);
    },
  };
}
