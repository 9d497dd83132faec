import { diag } from '@opentelemetry/api';

/** The component logger for everything @spanfuse/node says (OTel's own diag channel, never console). */
export const logger = diag.createComponentLogger({ namespace: '@spanfuse/node' });
