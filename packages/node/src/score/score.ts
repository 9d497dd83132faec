import { context, isSpanContextValid, trace } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import { createLangfuseSampledSpanFilter } from '@spanfuse/sampler';
import { parseSpanfuseEnv } from '../config/parse-env.js';
import { logger } from '../diag/logger.js';
import { getHandle } from '../shutdown/spanfuse-handle.js';
import { type ScoreInput, scoreRequestBody } from './score-request.js';

/** Outcome of {@link score}; `status` 0 means no request was answered (off, no target, network error). */
export interface ScoreResult {
  ok: boolean;
  status: number;
}

const SCORE_TIMEOUT_MS = 10_000;

/**
 * Sends a score to Langfuse for the active trace/observation (or the ids given). Uses
 * `LANGFUSE_PUBLIC_KEY`/`LANGFUSE_SECRET_KEY`/`LANGFUSE_BASE_URL`. Never throws; resolves to
 * `{ ok, status }`. A trace outside the `LANGFUSE_SAMPLE_RATE` share is not scored (Langfuse has no such trace).
 *
 * @example await score({ name: 'user-feedback', value: 1, dataType: 'BOOLEAN' });
 */
export async function score(input: ScoreInput): Promise<ScoreResult> {
  try {
    const langfuse = getHandle()?.langfuse ?? parseSpanfuseEnv(process.env).config.langfuse;
    if (!langfuse.enabled || !langfuse.publicKey || !langfuse.secretKey) {
      logger.debug('score skipped: Langfuse is not configured');
      return { ok: false, status: 0 };
    }
    const active = trace.getSpan(context.active())?.spanContext();
    const activeValid = active && isSpanContextValid(active) ? active : undefined;
    const traceId = input.traceId ?? activeValid?.traceId;
    if (!traceId) {
      logger.warn(`score "${input.name}" skipped: no traceId given and no active span`);
      return { ok: false, status: 0 };
    }
    const observationId = input.observationId ?? (input.traceId ? undefined : activeValid?.spanId);
    const inSubset = createLangfuseSampledSpanFilter(langfuse.sampleRate);
    if (
      !inSubset({
        spanContext: () => ({ traceId, spanId: '', traceFlags: 1, traceState: activeValid?.traceState }),
      })
    ) {
      return { ok: false, status: 0 };
    }
    const body = scoreRequestBody(input, { traceId, observationId }, langfuse.environment);
    const auth = Buffer.from(`${langfuse.publicKey}:${langfuse.secretKey}`).toString('base64');
    // Our own HTTP call must not become a span (and a Langfuse observation) itself.
    const response = await context.with(suppressTracing(context.active()), () =>
      fetch(`${langfuse.baseUrl}/api/public/scores`, {
        method: 'POST',
        headers: { authorization: `Basic ${auth}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(SCORE_TIMEOUT_MS),
      }),
    );
    await response.arrayBuffer().catch(() => undefined);
    if (!response.ok) logger.warn(`score "${input.name}" rejected by Langfuse: HTTP ${response.status}`);
    return { ok: response.ok, status: response.status };
  } catch (error) {
    logger.warn(`score "${input.name}" failed: ${(error as Error)?.name ?? 'error'}`);
    return { ok: false, status: 0 };
  }
}
