// Loaded with --import before the app. The app keeps its NodeSDK; Spanfuse supplies processors
// (Tempo via OTEL_EXPORTER_OTLP_*, Langfuse via LANGFUSE_*), sampler and instrumentations.
// NodeSDK's spanProcessors option replaces its env-configured exporter, so list every processor.
import { register } from 'node:module';
import { NodeSDK } from '@opentelemetry/sdk-node';
import {
  flush,
  getSpanfuseInstrumentations,
  getSpanfuseSampler,
  getSpanfuseSpanProcessors,
} from '@spanfuse/node';
import { createAddHookMessageChannel } from 'import-in-the-middle';

// ESM apps: the loader hook makes `import OpenAI from 'openai'` patchable. The message channel
// makes it intercept only the modules the instrumentations hook (intercepting every module breaks
// some packages, e.g. openai 4.x's shims).
const { registerOptions, waitForAllMessagesAcknowledged } = createAddHookMessageChannel();
register('import-in-the-middle/hook.mjs', import.meta.url, registerOptions);

const sdk = new NodeSDK({
  spanProcessors: getSpanfuseSpanProcessors(),
  sampler: getSpanfuseSampler(),
  instrumentations: getSpanfuseInstrumentations(),
});
sdk.start();
await waitForAllMessagesAcknowledged();

process.once('beforeExit', () => void flush());
process.once('SIGTERM', () => {
  sdk.shutdown().finally(() => process.exit(143));
});
