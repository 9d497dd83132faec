import type { Instrumentation } from '@opentelemetry/instrumentation';
import type { InstrumentationName } from '../config/types.js';
import { logger } from '../diag/logger.js';
import { PINO_DEFAULTS } from './instrumentation-options.js';

type Loader = () => Promise<Instrumentation | undefined>;

// Lazy loaders for the register path: only the instrumentations that are enabled get imported,
// which keeps `node --import @spanfuse/node/register` startup small.
const LOADERS: Record<InstrumentationName, Loader> = {
  http: async () => new (await import('@opentelemetry/instrumentation-http')).HttpInstrumentation(),
  undici: async () => new (await import('@opentelemetry/instrumentation-undici')).UndiciInstrumentation(),
  pino: async () =>
    new (await import('@opentelemetry/instrumentation-pino')).PinoInstrumentation(PINO_DEFAULTS),
  openai: async () => new (await import('@spanfuse/instrumentation-openai')).OpenAIInstrumentation(),
  // @spanfuse/instrumentation-langchain does not exist yet; enabled by default once it does.
  langchain: async () => undefined,
};

/** Imports and constructs the named instrumentations; one that fails to load is skipped with a debug line. */
export async function loadInstrumentations(names: InstrumentationName[]): Promise<Instrumentation[]> {
  const loaded = await Promise.all(
    names.map(async (name) => {
      try {
        const instrumentation = await LOADERS[name]();
        if (!instrumentation) logger.debug(`instrumentation "${name}" is not available; skipped`);
        return instrumentation;
      } catch (error) {
        logger.debug(`instrumentation "${name}" could not be loaded; skipped`, error);
        return undefined;
      }
    }),
  );
  return loaded.filter((i): i is Instrumentation => i !== undefined);
}
