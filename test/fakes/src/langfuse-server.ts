// A loopback Langfuse: Basic auth, the OTLP receiver (protobuf and JSON, gzip or not), the legacy
// ingestion API checked against the OpenAPI contract (`langfuse-contract.ts`), scores and health;
// plus scripted faults. Everything decoded is recorded for assertions.
import { once } from 'node:events';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import {
  type CreateScoreRecord,
  CreateScoreRequestSchema,
  type IngestionEventRecord,
  IngestionEventSchema,
  IngestionRequestEnvelopeSchema,
} from './langfuse-contract.js';
import { decodeOtlpTraces, type FlatOtlpSpan } from './otlp-spans.js';

/** One span as the fake received it over OTLP (ids in hex, attributes as a plain object). */
export interface FakeOtlpSpan extends FlatOtlpSpan {
  kind: string;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  status?: { code?: string; message?: string };
}

/** One HTTP request the fake received. */
export interface FakeRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  /** Bytes on the wire (compressed when gzip). */
  bytes: number;
  /** Status the fake answered (0 for a reset connection). */
  status: number;
}

/** A scripted answer to the next POST. */
export type FakeAnswer =
  | { status: number; headers?: Record<string, string>; body?: unknown }
  | { reset: true };

/** Fault and behaviour settings; each call of `setMode` replaces only the fields given. */
export interface FakeLangfuseMode {
  /** Answers for the next POSTs, consumed one per request, before normal handling. */
  script?: FakeAnswer[];
  /** Milliseconds to wait before answering each request. */
  delayMs?: number;
  /** Answer 404 on `/api/public/otel/v1/traces` (a server older than v3.22). */
  otlpAbsent?: boolean;
  /** Hold every POST unanswered until `hold` is set back to false. */
  hold?: boolean;
  /** Per-event errors for ingestion (a 207 like Langfuse); return undefined to accept. */
  ingestionEventError?: (event: IngestionEventRecord) => { status: number; message?: string } | undefined;
}

/** A running fake Langfuse. */
export interface FakeLangfuse {
  url: string;
  publicKey: string;
  secretKey: string;
  requests: FakeRequest[];
  /** Spans from OTLP requests answered 2xx. */
  otlpSpans: FakeOtlpSpan[];
  /** Ingestion events accepted (contract-valid and not failed by `ingestionEventError`). */
  ingestionEvents: IngestionEventRecord[];
  /** Ingestion events that broke the contract, with zod's message. */
  contractViolations: Array<{ event: unknown; message: string }>;
  scores: CreateScoreRecord[];
  setMode(mode: FakeLangfuseMode): void;
  close(): Promise<void>;
}

/** Options of {@link startFakeLangfuse}. */
export interface FakeLangfuseOptions {
  publicKey?: string;
  secretKey?: string;
}

export const FAKE_OTLP_PATH = '/api/public/otel/v1/traces';
export const FAKE_INGESTION_PATH = '/api/public/ingestion';

/** Starts a fake Langfuse on 127.0.0.1 (random port). */
export async function startFakeLangfuse(options: FakeLangfuseOptions = {}): Promise<FakeLangfuse> {
  const publicKey = options.publicKey ?? 'pk-lf-fake-public-1234';
  const secretKey = options.secretKey ?? 'sk-lf-fake-secret-5678';
  const expectedAuth = `Basic ${Buffer.from(`${publicKey}:${secretKey}`).toString('base64')}`;
  const mode: Required<Omit<FakeLangfuseMode, 'ingestionEventError'>> &
    Pick<FakeLangfuseMode, 'ingestionEventError'> = {
    script: [],
    delayMs: 0,
    otlpAbsent: false,
    hold: false,
    ingestionEventError: undefined,
  };
  const held: Array<() => void> = [];
  const sockets = new Set<import('node:net').Socket>();

  const fake: FakeLangfuse = {
    url: '',
    publicKey,
    secretKey,
    requests: [],
    otlpSpans: [],
    ingestionEvents: [],
    contractViolations: [],
    scores: [],
    setMode(next) {
      if (next.script) mode.script = [...next.script];
      if (next.delayMs !== undefined) mode.delayMs = next.delayMs;
      if (next.otlpAbsent !== undefined) mode.otlpAbsent = next.otlpAbsent;
      if ('ingestionEventError' in next) mode.ingestionEventError = next.ingestionEventError;
      if (next.hold !== undefined) {
        mode.hold = next.hold;
        if (!next.hold) for (const release of held.splice(0)) release();
      }
    },
    async close() {
      for (const release of held.splice(0)) release();
      for (const s of sockets) s.destroy();
      server.close();
      await once(server, 'close');
    },
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void handle(req, res, Buffer.concat(chunks));
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, raw: Buffer): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    const record: FakeRequest = {
      method: req.method ?? 'GET',
      path,
      headers: req.headers,
      bytes: raw.length,
      status: 0,
    };
    fake.requests.push(record);
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(body === undefined ? '' : JSON.stringify(body));
    };
    if (mode.delayMs) await new Promise((r) => setTimeout(r, mode.delayMs));
    if (req.method === 'POST' && mode.hold) await new Promise<void>((r) => held.push(r));

    if (req.method === 'GET' && path === '/api/public/health')
      return answer(200, { status: 'OK', version: '3.0.0-fake' });
    if (req.headers.authorization !== expectedAuth) return answer(401, { message: 'Invalid credentials' });
    if (req.method !== 'POST') return answer(405, { message: 'Method not allowed' });

    const scripted = mode.script.shift();
    if (scripted) {
      if ('reset' in scripted) {
        req.socket.destroy();
        return;
      }
      return answer(
        scripted.status,
        scripted.body ?? { message: `scripted ${scripted.status}` },
        scripted.headers,
      );
    }

    let body: Buffer;
    try {
      body = req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
    } catch {
      return answer(400, { message: 'bad gzip' });
    }

    if (path === FAKE_OTLP_PATH) {
      if (mode.otlpAbsent) return answer(404, { message: 'Not found' });
      try {
        fake.otlpSpans.push(
          ...(decodeOtlpTraces(body, String(req.headers['content-type'] ?? '')) as FakeOtlpSpan[]),
        );
      } catch (err) {
        return answer(400, { message: `cannot decode OTLP: ${(err as Error).message}` });
      }
      return answer(200, {});
    }
    if (path === FAKE_INGESTION_PATH) return answer(...ingest(body));
    if (path === '/api/public/scores') {
      const parsed = CreateScoreRequestSchema.safeParse(parseJson(body));
      if (!parsed.success) return answer(400, { message: parsed.error.message });
      fake.scores.push(parsed.data);
      return answer(200, { id: parsed.data.id ?? `score-${fake.scores.length}` });
    }
    return answer(404, { message: 'Not found' });
  }

  function ingest(body: Buffer): [number, unknown] {
    const envelope = IngestionRequestEnvelopeSchema.safeParse(parseJson(body));
    if (!envelope.success)
      return [400, { message: `malformed ingestion request: ${envelope.error.message}` }];
    const successes: Array<{ id: string; status: number }> = [];
    const errors: Array<{ id: string; status: number; message?: string; error?: unknown }> = [];
    for (const candidate of envelope.data.batch) {
      const parsed = IngestionEventSchema.safeParse(candidate);
      if (!parsed.success) {
        fake.contractViolations.push({ event: candidate, message: parsed.error.message });
        errors.push({
          id: candidate.id,
          status: 400,
          message: 'Invalid request data',
          error: parsed.error.issues,
        });
        continue;
      }
      const injected = mode.ingestionEventError?.(parsed.data);
      if (injected) {
        errors.push({ id: candidate.id, status: injected.status, message: injected.message });
        continue;
      }
      fake.ingestionEvents.push(parsed.data);
      successes.push({ id: candidate.id, status: 201 });
    }
    // OpenAPI ingestion_batch: input errors answer 207 with per-event errors, never 4xx.
    return [207, { successes, errors }];
  }

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}
