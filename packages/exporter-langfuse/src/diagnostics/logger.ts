import { diag } from '@opentelemetry/api';

/**
 * The package's one diag logger. Created lazily so that a logger installed with
 * `diag.setLogger()` after this module was imported is still used.
 */
export function logger() {
  return diag.createComponentLogger({ namespace: '@spanfuse/exporter-langfuse' });
}
