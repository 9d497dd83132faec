import * as http from 'node:http';
import * as https from 'node:https';
import { context } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';

/** What one HTTP request produced. Transport failures are answers too, never rejections. */
export type HttpAnswer =
  | { kind: 'response'; status: number; headers: http.IncomingHttpHeaders; body: Buffer }
  | { kind: 'network-error'; code: string; message: string };

/** One request to Langfuse. */
export interface HttpRequest {
  /** Path below the base URL, e.g. `/api/public/otel/v1/traces`. */
  path: string;
  body: Uint8Array;
  contentType: string;
  gzip: boolean;
  headers?: Record<string, string>;
}

/** Settings of {@link HttpTransport}. */
export interface HttpTransportSettings {
  baseUrl: string;
  publicKey: string;
  secretKey: string;
  timeoutMs: number;
  additionalHeaders: Record<string, string>;
  userAgent: string;
}

// Responses are small JSON documents; a misbehaving proxy must not make us buffer megabytes.
const MAX_RESPONSE_BYTES = 1_000_000;

/**
 * POSTs bytes to Langfuse over a keep-alive agent. Every request runs with tracing suppressed so
 * that the http/undici instrumentations do not trace the exporter's own calls (which would
 * produce spans that are exported, which produce calls… — the loop opentelemetry-js avoids the
 * same way in its OTLP exporters).
 */
export class HttpTransport {
  private readonly agent: http.Agent;
  private readonly base: URL;
  private readonly authorization: string;
  private readonly module: typeof http | typeof https;

  constructor(private readonly settings: HttpTransportSettings) {
    this.base = new URL(settings.baseUrl);
    this.module = this.base.protocol === 'http:' ? http : https;
    this.agent = new this.module.Agent({ keepAlive: true, maxSockets: 8 });
    this.authorization = `Basic ${Buffer.from(`${settings.publicKey}:${settings.secretKey}`).toString('base64')}`;
  }

  /** Sends one request; resolves with the answer, never rejects. */
  send(request: HttpRequest): Promise<HttpAnswer> {
    return context.with(suppressTracing(context.active()), () => this.sendUnsuppressed(request));
  }

  /** Closes idle keep-alive sockets. */
  close(): void {
    this.agent.destroy();
  }

  private sendUnsuppressed(request: HttpRequest): Promise<HttpAnswer> {
    return new Promise<HttpAnswer>((resolve) => {
      let settled = false;
      const settle = (answer: HttpAnswer) => {
        if (settled) return;
        settled = true;
        resolve(answer);
      };
      try {
        const basePath = this.base.pathname.replace(/\/+$/, '');
        const headers: Record<string, string | number> = {
          ...this.settings.additionalHeaders,
          ...request.headers,
          authorization: this.authorization,
          'content-type': request.contentType,
          'content-length': request.body.byteLength,
          'user-agent': this.settings.userAgent,
        };
        if (request.gzip) headers['content-encoding'] = 'gzip';
        const req = this.module.request(
          {
            protocol: this.base.protocol,
            hostname: this.base.hostname,
            port: this.base.port || undefined,
            path: basePath + request.path,
            method: 'POST',
            headers,
            agent: this.agent,
            timeout: this.settings.timeoutMs,
          },
          (res) => {
            const chunks: Buffer[] = [];
            let size = 0;
            res.on('data', (chunk: Buffer) => {
              size += chunk.length;
              if (size <= MAX_RESPONSE_BYTES) chunks.push(chunk);
            });
            res.on('end', () =>
              settle({
                kind: 'response',
                status: res.statusCode ?? 0,
                headers: res.headers,
                body: Buffer.concat(chunks),
              }),
            );
            res.on('error', (err: NodeJS.ErrnoException) =>
              settle({ kind: 'network-error', code: err.code ?? 'ERESPONSE', message: err.message }),
            );
          },
        );
        req.on('timeout', () => {
          req.destroy(
            Object.assign(new Error(`no answer within ${this.settings.timeoutMs} ms`), { code: 'ETIMEDOUT' }),
          );
        });
        req.on('error', (err: NodeJS.ErrnoException) =>
          settle({ kind: 'network-error', code: err.code ?? 'EREQUEST', message: err.message }),
        );
        req.end(request.body);
      } catch (err) {
        const e = err as NodeJS.ErrnoException;
        settle({ kind: 'network-error', code: e?.code ?? 'EREQUEST', message: String(e?.message ?? e) });
      }
    });
  }
}
