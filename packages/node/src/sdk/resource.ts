import { arch, hostname } from 'node:os';
import {
  defaultResource,
  detectResources,
  envDetector,
  processDetector,
  type Resource,
  resourceFromAttributes,
} from '@opentelemetry/resources';

/**
 * SDK defaults + host + process + `OTEL_SERVICE_NAME`/`OTEL_RESOURCE_ATTRIBUTES` (env wins). No
 * cloud detectors (startup time, network probes) and no asynchronous `host.id` (exporters would
 * read the resource before it settles and log an error).
 */
export function createResource(): Resource {
  return defaultResource()
    .merge(resourceFromAttributes({ 'host.name': hostname(), 'host.arch': arch() }))
    .merge(detectResources({ detectors: [processDetector, envDetector] }));
}
