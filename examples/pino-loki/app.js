// Logs → Loki with trace_id in every line written inside a span; Grafana links them to Tempo.
// Install the transport first: npm install pino-loki   (kept out of package.json on purpose)
// Run: LOKI_URL=http://localhost:3100 OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4318 npm start
// Grafana: Loki data source → Derived fields → name trace_id, regex "trace_id":"(\w+)", link to Tempo.
// Keep trace_id out of Loki labels (cardinality): it stays in the line.
import { trace } from '@opentelemetry/api';
import { routeDiagToPino } from '@spanfuse/node';
import pino from 'pino';

const transport = pino.transport({
  targets: [
    {
      target: 'pino-loki',
      options: {
        host: process.env.LOKI_URL ?? 'http://localhost:3100',
        labels: { app: 'pino-loki-example' },
        batching: true,
        interval: 5,
      },
    },
    { target: 'pino/file', options: { destination: 1 } }, // and stdout
  ],
});
const logger = pino(transport);

// Spanfuse's own diagnostics (export failures, dropped spans) go to Loki too.
routeDiagToPino(logger.child({ component: 'otel' }));

trace.getTracer('pino-loki-example').startActiveSpan('handle-order', (span) => {
  logger.info({ order: 42 }, 'order received'); // {"trace_id":"…","span_id":"…","trace_flags":"01",…}
  span.end();
});
logger.info('outside any span: no trace_id');
