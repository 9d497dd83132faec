import type { LangfuseExporterOptions } from '../config/options.js';
import { describeProblem, type ResolvedOptions, resolveOptions } from '../config/resolve-options.js';
import { logger } from '../diagnostics/logger.js';
import { DeliveryErrors } from '../transport/errors.js';
import { HttpTransport } from '../transport/http-transport.js';
import { BatchSender } from './batch-sender.js';
import { DeliveryStats } from './delivery-stats.js';
import { createObservationMapper, type ObservationMapper } from './observation-mapper.js';

/** Package version sent as User-Agent (kept in step with package.json by hand). */
export const PACKAGE_VERSION = '0.1.0';

/** The parts shared by the processor and the exporter. */
export interface Pipeline {
  options: ResolvedOptions;
  stats: DeliveryStats;
  mapper: ObservationMapper;
  /** Undefined when the keys are missing: everything is a no-op. */
  sender: BatchSender | undefined;
  close(): void;
}

/**
 * Resolves options (reporting each configuration problem once), and wires transport, sender
 * and mapper. Without keys there is no sender and one error says why.
 */
export function createPipeline(options: LangfuseExporterOptions, select: boolean): Pipeline {
  const { options: resolved, problems } = resolveOptions(options, process.env);
  const log = logger();
  for (const p of problems) log.error(describeProblem(p));
  const stats = new DeliveryStats();
  const mapper = createObservationMapper(resolved, select);
  const { publicKey, secretKey } = resolved;
  if (!publicKey || !secretKey) {
    const missing = [!publicKey && 'LANGFUSE_PUBLIC_KEY', !secretKey && 'LANGFUSE_SECRET_KEY'].filter(
      Boolean,
    );
    log.error(
      `Langfuse export is disabled: ${missing.join(' and ')} not set (options publicKey / secretKey). Spans are not sent to Langfuse.`,
    );
    return { options: resolved, stats, mapper, sender: undefined, close() {} };
  }
  const transport = new HttpTransport({
    baseUrl: resolved.baseUrl,
    publicKey,
    secretKey,
    timeoutMs: resolved.timeoutMs,
    additionalHeaders: resolved.additionalHeaders,
    userAgent: `spanfuse-exporter-langfuse/${PACKAGE_VERSION} node/${process.versions.node}`,
  });
  const errors = new DeliveryErrors(resolved.baseUrl, publicKey);
  const sender = new BatchSender(transport, errors, stats, {
    protocol: resolved.protocol,
    gzip: resolved.compression === 'gzip',
    maxBatchBytes: resolved.maxBatchBytes,
    retry: { maxRetries: resolved.maxRetries },
  });
  return { options: resolved, stats, mapper, sender, close: () => transport.close() };
}
