import { metrics } from '@opentelemetry/api';
import type { LangfuseExportStats } from '../export/delivery-stats.js';

/** Meter name of this package's self-metrics. */
export const METER_NAME = '@spanfuse/exporter-langfuse';

/**
 * Publishes delivery counters as observable instruments, read only when a MeterProvider
 * collects (nothing is recorded per span). Called lazily, at the first span, because the
 * metrics API has no proxy provider: a meter taken before `NodeSDK.start()` would stay a no-op.
 */
export function registerDeliveryMetrics(read: () => LangfuseExportStats): void {
  const meter = metrics.getMeter(METER_NAME);
  const exported = meter.createObservableCounter('spanfuse.langfuse.observations.exported', {
    description: 'Observations accepted by Langfuse',
  });
  const failed = meter.createObservableCounter('spanfuse.langfuse.observations.failed', {
    description: 'Observations refused by Langfuse or given up after retries',
  });
  const retried = meter.createObservableCounter('spanfuse.langfuse.observations.retried', {
    description: 'Observations sent again after a retriable failure',
  });
  const dropped = meter.createObservableCounter('spanfuse.langfuse.observations.dropped', {
    description: 'Observations never sent (queue full, shut down)',
  });
  const queued = meter.createObservableUpDownCounter('spanfuse.langfuse.observations.queued', {
    description: 'Observations waiting or in flight',
  });
  meter.addBatchObservableCallback(
    (result) => {
      const s = read();
      result.observe(exported, s.exported);
      result.observe(failed, s.failed);
      result.observe(retried, s.retried);
      result.observe(dropped, s.dropped);
      result.observe(queued, s.queued);
    },
    [exported, failed, retried, dropped, queued],
  );
}
