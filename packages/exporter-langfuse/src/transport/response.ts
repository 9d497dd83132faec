import type { HttpAnswer } from './http-transport.js';
import { decodeOtlpPartialSuccess } from './otlp-partial-success.js';
import { parseRetryAfter } from './retry-policy.js';

/** Why a request failed for good (no retry helps). */
export type FatalCause =
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'too-large'
  | 'bad-request'
  | 'unexpected';

/** One event Langfuse refused in a 207 answer. */
export interface RejectedEvent {
  id: string;
  status: number;
  message?: string;
}

/** What an answer means for the batch that was sent. */
export type Verdict =
  /** Everything accepted. `rejected` = spans refused in an OTLP partial success. */
  | { kind: 'delivered'; rejected: number; rejectedMessage?: string }
  /** Ingestion 207: some events refused. `retry` ids may succeed later (≥ 500 or 429). */
  | { kind: 'partial'; retry: string[]; failed: RejectedEvent[] }
  /** Try the whole batch again (network error, 5xx, 429, 408). */
  | { kind: 'retry'; retryAfterMs?: number; reason: string }
  /** Give up on this batch. */
  | { kind: 'fatal'; cause: FatalCause; status: number; reason: string };

/** Whether a per-event status from a 207 answer is worth retrying. */
export function isRetriableStatus(status: number): boolean {
  return status >= 500 || status === 429 || status === 408;
}

/**
 * Classifies an answer from Langfuse. Pure.
 *
 * Ingestion answers 207 `{successes, errors}` instead of 4xx for input errors (OpenAPI
 * `ingestion_batch`): only the errored events with a retriable status are sent again.
 */
export function classifyAnswer(
  answer: HttpAnswer,
  endpoint: 'otlp' | 'ingestion',
  now = Date.now(),
): Verdict {
  if (answer.kind === 'network-error') {
    return { kind: 'retry', reason: `${answer.code}: ${answer.message}` };
  }
  const { status } = answer;
  if (status >= 200 && status < 300) {
    if (endpoint === 'ingestion') return classifyIngestionBody(answer.body);
    return classifyOtlpBody(answer.body, String(answer.headers['content-type'] ?? ''));
  }
  if (status === 429 || status === 408 || status >= 500) {
    return {
      kind: 'retry',
      retryAfterMs: parseRetryAfter(answer.headers['retry-after'], now),
      reason: `HTTP ${status}`,
    };
  }
  const reason = `HTTP ${status}${snippet(answer.body)}`;
  switch (status) {
    case 401:
      return { kind: 'fatal', cause: 'unauthorized', status, reason };
    case 403:
      return { kind: 'fatal', cause: 'forbidden', status, reason };
    case 404:
      return { kind: 'fatal', cause: 'not-found', status, reason };
    case 413:
      return { kind: 'fatal', cause: 'too-large', status, reason };
    case 400:
      return { kind: 'fatal', cause: 'bad-request', status, reason };
    default:
      return { kind: 'fatal', cause: 'unexpected', status, reason };
  }
}

function classifyIngestionBody(body: Buffer): Verdict {
  let parsed: unknown;
  try {
    parsed = body.length ? JSON.parse(body.toString('utf8')) : undefined;
  } catch {
    return { kind: 'delivered', rejected: 0 };
  }
  const errors = (parsed as { errors?: unknown })?.errors;
  if (!Array.isArray(errors) || errors.length === 0) return { kind: 'delivered', rejected: 0 };
  const retry: string[] = [];
  const failed: RejectedEvent[] = [];
  for (const e of errors as Array<Record<string, unknown>>) {
    const id = typeof e?.id === 'string' ? e.id : undefined;
    const status = typeof e?.status === 'number' ? e.status : 500;
    if (!id) continue;
    if (isRetriableStatus(status)) retry.push(id);
    else failed.push({ id, status, message: typeof e.message === 'string' ? e.message : undefined });
  }
  return { kind: 'partial', retry, failed };
}

function classifyOtlpBody(body: Buffer, contentType: string): Verdict {
  if (body.length === 0) return { kind: 'delivered', rejected: 0 };
  try {
    const partial = contentType.includes('protobuf')
      ? decodeOtlpPartialSuccess(body)
      : (
          JSON.parse(body.toString('utf8')) as {
            partialSuccess?: { rejectedSpans?: number | string; errorMessage?: string };
          }
        )?.partialSuccess;
    const rejected = Number(partial?.rejectedSpans ?? 0) || 0;
    return { kind: 'delivered', rejected, rejectedMessage: partial?.errorMessage || undefined };
  } catch {
    return { kind: 'delivered', rejected: 0 };
  }
}

function snippet(body: Buffer): string {
  if (body.length === 0) return '';
  const text = body.subarray(0, 200).toString('utf8').replace(/\s+/g, ' ').trim();
  return text ? ` (${text})` : '';
}
