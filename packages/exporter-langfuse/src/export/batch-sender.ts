import { GZIP_MIN_BYTES, gzip } from '../encoders/gzip.js';
import {
  type EncodedEvent,
  encodeIngestionEvents,
  INGESTION_PATH,
  packIngestionBatches,
} from '../encoders/ingestion-encoder.js';
import { OTLP_HEADERS, OTLP_PATH, OtlpEncoder } from '../encoders/otlp-encoder.js';
import type { LangfuseObservation } from '../model/observation.js';
import type { DeliveryErrors } from '../transport/errors.js';
import type { HttpRequest, HttpTransport } from '../transport/http-transport.js';
import { classifyAnswer, type Verdict } from '../transport/response.js';
import { nextRetryDelay, type RetrySettings } from '../transport/retry-policy.js';
import type { DeliveryStats } from './delivery-stats.js';
import { sleep } from './sleep.js';

/** Observations of one `send()` accepted and given up. */
export interface SendOutcome {
  exported: number;
  failed: number;
}

/** Settings of {@link BatchSender}. */
export interface BatchSenderSettings {
  protocol: 'otlp' | 'ingestion' | 'auto';
  /** Gzip bodies of {@link GZIP_MIN_BYTES} and more. */
  gzip: boolean;
  maxBatchBytes: number;
  retry: RetrySettings;
}

/**
 * Sends one batch of observations: encode → gzip (if on) → POST → classify → retry. Never rejects;
 * every observation ends up counted as exported or failed exactly once.
 */
export class BatchSender {
  private protocol: 'otlp' | 'ingestion';
  /** Set when a batch used up its retries on network errors; cleared by any answer. */
  private unreachable = false;
  private readonly otlp = new OtlpEncoder();

  constructor(
    private readonly transport: HttpTransport,
    private readonly errors: DeliveryErrors,
    private readonly stats: DeliveryStats,
    private readonly settings: BatchSenderSettings,
  ) {
    this.protocol = settings.protocol === 'ingestion' ? 'ingestion' : 'otlp';
  }

  /** Delivers `observations`; resolves when each is exported or failed, with the counts. */
  async send(observations: readonly LangfuseObservation[]): Promise<SendOutcome> {
    const tally: SendOutcome = { exported: 0, failed: 0 };
    if (observations.length === 0) return tally;
    try {
      if (this.protocol === 'otlp') await this.sendOtlp(observations, tally);
      else await this.sendIngestion(observations, tally);
    } catch (err) {
      // Encoding bugs must not escape into the host app; the rest of the batch is counted lost.
      const lost = observations.length - tally.exported - tally.failed;
      this.count(tally, 'failed', lost);
      this.errors.gaveUp('EENCODE', `encoding failed: ${(err as Error)?.message ?? err}`, lost);
    }
    return tally;
  }

  private count(tally: SendOutcome, kind: 'exported' | 'failed', n: number): void {
    if (n <= 0) return;
    tally[kind] += n;
    this.stats[kind] += n;
  }

  private async sendOtlp(observations: readonly LangfuseObservation[], tally: SendOutcome): Promise<void> {
    const request = await this.otlpRequest(observations);
    const verdict = await this.withRetries(request, 'otlp', observations.length);
    if (verdict.kind === 'delivered') {
      const rejected = Math.min(verdict.rejected, observations.length);
      this.count(tally, 'exported', observations.length - rejected);
      this.count(tally, 'failed', rejected);
      if (rejected) {
        this.errors.rejected([
          { id: '', status: 400, message: verdict.rejectedMessage ?? 'OTLP partial success' },
        ]);
      }
      return;
    }
    if (verdict.kind === 'fatal' && verdict.cause === 'not-found' && this.settings.protocol === 'auto') {
      // OpenAPI: `/api/public/otel/v1/traces` exists since Langfuse v3.22; older servers only
      // have the ingestion API. Switch once for the life of this sender.
      this.protocol = 'ingestion';
      this.errors.fallback();
      await this.sendIngestion(observations, tally);
      return;
    }
    if (verdict.kind === 'fatal' && verdict.cause === 'too-large' && observations.length > 1) {
      const half = Math.ceil(observations.length / 2);
      await this.sendOtlp(observations.slice(0, half), tally);
      await this.sendOtlp(observations.slice(half), tally);
      return;
    }
    this.count(tally, 'failed', observations.length);
    this.report(verdict, OTLP_PATH, observations.length);
  }

  private async sendIngestion(
    observations: readonly LangfuseObservation[],
    tally: SendOutcome,
  ): Promise<void> {
    const events = encodeIngestionEvents(observations);
    for (const batch of packIngestionBatches(events, this.settings.maxBatchBytes)) {
      await this.sendIngestionBatch(batch.events, tally);
    }
  }

  private async sendIngestionBatch(initial: EncodedEvent[], tally: SendOutcome): Promise<void> {
    let events = initial;
    for (let attempt = 1; ; attempt++) {
      const observationCount = countObservations(events);
      const body = packIngestionBatches(events, Number.POSITIVE_INFINITY)[0].body;
      const request = await this.request(INGESTION_PATH, body, 'application/json');
      const verdict = await this.withRetries(request, 'ingestion', observationCount);
      if (verdict.kind === 'delivered') {
        this.count(tally, 'exported', observationCount);
        return;
      }
      if (verdict.kind !== 'partial') {
        this.count(tally, 'failed', observationCount);
        this.report(verdict, INGESTION_PATH, observationCount);
        return;
      }
      // 207: count the refused events, keep only the retriable ones for another round.
      const failedIds = new Set(verdict.failed.map((f) => f.id));
      const retryIds = new Set(verdict.retry);
      const failed = events.filter((e) => failedIds.has(e.id));
      const retry = events.filter((e) => retryIds.has(e.id));
      const settled = events.filter((e) => !failedIds.has(e.id) && !retryIds.has(e.id));
      this.count(tally, 'exported', countObservations(settled));
      this.count(tally, 'failed', countObservations(failed));
      if (failed.length) this.errors.rejected(verdict.failed);
      if (retry.length === 0) return;
      const delay = nextRetryDelay(attempt, this.settings.retry);
      if (delay === undefined) {
        const n = countObservations(retry);
        this.count(tally, 'failed', n);
        this.errors.gaveUp('207', 'events kept failing with a retriable status', n);
        return;
      }
      this.stats.retried += countObservations(retry);
      await sleep(delay);
      events = retry;
    }
  }

  /**
   * Sends `request` until it is delivered, refused for good, or retries are used up.
   *
   * Once one batch has used up its retries on network errors (nothing listens, DNS, timeouts),
   * the server counts as unreachable and later batches get one attempt each until the server
   * answers again: backing off on every batch of a full queue would hold it, its memory and the
   * app's `forceFlush()` for minutes while Langfuse is down.
   */
  private async withRetries(
    request: HttpRequest,
    endpoint: 'otlp' | 'ingestion',
    count: number,
  ): Promise<Verdict> {
    for (let attempt = 1; ; attempt++) {
      const answer = await this.transport.send(request);
      const networkError = answer.kind === 'network-error';
      if (!networkError) this.unreachable = false;
      const verdict = classifyAnswer(answer, endpoint);
      if (verdict.kind !== 'retry') return verdict;
      if (networkError && this.unreachable) return verdict;
      const delay = nextRetryDelay(attempt, this.settings.retry, verdict.retryAfterMs);
      if (delay === undefined) {
        if (networkError) this.unreachable = true;
        return verdict;
      }
      this.stats.retried += count;
      await sleep(delay);
    }
  }

  private report(verdict: Verdict, path: string, count: number): void {
    if (verdict.kind === 'fatal') this.errors.fatal(verdict.cause, verdict.status, verdict.reason, path);
    else if (verdict.kind === 'retry') this.errors.gaveUp(errorCode(verdict.reason), verdict.reason, count);
  }

  /** Encodes into a pooled buffer and gives it back once gzip (or a small copy) has read it. */
  private async otlpRequest(observations: readonly LangfuseObservation[]): Promise<HttpRequest> {
    const leased = this.otlp.encodeLeased(observations);
    try {
      const compress = this.settings.gzip && leased.bytes.byteLength >= GZIP_MIN_BYTES;
      const body = compress ? await gzip(leased.bytes) : Buffer.from(leased.bytes); // a copy: the lease ends below
      return {
        path: OTLP_PATH,
        body,
        contentType: 'application/x-protobuf',
        gzip: compress,
        headers: OTLP_HEADERS,
      };
    } finally {
      leased.release();
    }
  }

  private async request(
    path: string,
    bytes: Uint8Array,
    contentType: string,
    headers?: Record<string, string>,
  ): Promise<HttpRequest> {
    const compress = this.settings.gzip && bytes.byteLength >= GZIP_MIN_BYTES;
    return { path, body: compress ? await gzip(bytes) : bytes, contentType, gzip: compress, headers };
  }
}

function countObservations(events: readonly EncodedEvent[]): number {
  let n = 0;
  for (const e of events) if (e.observationId !== undefined) n++;
  return n;
}

function errorCode(reason: string): string {
  const match = /^([A-Z_]+):/.exec(reason) ?? /^HTTP (\d+)/.exec(reason);
  return match ? match[1] : 'unknown';
}
