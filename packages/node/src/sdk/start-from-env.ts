import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { Env } from '../config/env-values.js';
import { parseSpanfuseEnv } from '../config/parse-env.js';
import { reportConfig } from '../config/report-config.js';
import { logger } from '../diag/logger.js';
import { setupDiag } from '../diag/setup-diag.js';
import { loadInstrumentations } from '../instrumentations/load-instrumentations.js';
import { DeferredSpanProcessor } from '../processors/deferred-span-processor.js';
import { createLangfuseProcessor } from '../processors/langfuse-processor.js';
import { LazySpanExporter } from '../processors/lazy-span-exporter.js';
import { createTempoProcessor } from '../processors/tempo-processor.js';
import { DEFAULT_FLUSH_TIMEOUT_MS } from '../shutdown/flush.js';
import { installShutdownHooks } from '../shutdown/install-shutdown-hooks.js';
import { setHandle } from '../shutdown/spanfuse-handle.js';
import { EndedSpanCounter } from './ended-span-counter.js';
import { hasGlobalTracerProvider } from './existing-provider.js';
import { samplerFromConfig } from './sampler-from-config.js';

/** What {@link startFromEnv} started. */
export interface Started {
  /**
   * The modules the enabled instrumentations hook (`openai`, `pino`, `http`…): the only ones the
   * ESM loader needs to intercept.
   */
  hookedModules: string[];
}

/**
 * What `@spanfuse/node/register` runs: reads the env, builds a NodeTracerProvider with the Tempo
 * and Langfuse processors and the enabled instrumentations, and installs the shutdown hooks.
 * Loads only what the configuration needs. Never throws.
 * @returns what was started, or undefined when no SDK was started.
 */
export async function startFromEnv(env: Env = process.env): Promise<Started | undefined> {
  try {
    return await start(env);
  } catch (error) {
    logger.error('could not start; the app runs without telemetry', error);
    return undefined;
  }
}

/** One destination failing to load must not cost the other (or the app) anything. */
async function optional<T>(what: string, load: () => Promise<T>): Promise<T | undefined> {
  try {
    return await load();
  } catch (error) {
    logger.error(`could not load ${what}; that destination is off`, error);
    return undefined;
  }
}

async function start(env: Env): Promise<Started | undefined> {
  const parsed = parseSpanfuseEnv(env);
  const { config } = parsed;
  setupDiag(config.logLevel);
  reportConfig(parsed);
  if (config.sdkDisabled) {
    logger.info('OTEL_SDK_DISABLED=true: not starting');
    return undefined;
  }
  if (hasGlobalTracerProvider()) {
    logger.warn(
      'a tracer provider is already registered (Sentry, NodeSDK, @vercel/otel…); register adds nothing. ' +
        'Add getSpanfuseSpanProcessors() to that setup instead.',
    );
    return undefined;
  }

  const [{ NodeTracerProvider }, { createResource }, instrumentations] = await Promise.all([
    import('@opentelemetry/sdk-trace-node'),
    import('./resource.js'),
    loadInstrumentations(config.instrumentations),
  ]);

  const counter = new EndedSpanCounter();
  const spanProcessors: SpanProcessor[] = [counter];
  if (config.tempo.enabled) {
    const json = config.tempo.protocol === 'http/json';
    const exporter = new LazySpanExporter(async () => {
      try {
        const { OTLPTraceExporter } = json
          ? await import('@opentelemetry/exporter-trace-otlp-http')
          : await import('@opentelemetry/exporter-trace-otlp-proto');
        return new OTLPTraceExporter();
      } catch (error) {
        logger.error('could not load the OTLP exporter; Tempo export is off', error);
        throw error;
      }
    });
    spanProcessors.push(createTempoProcessor(exporter));
  }
  if (config.tempo.console) {
    const { ConsoleSpanExporter, SimpleSpanProcessor } = await import('@opentelemetry/sdk-trace-base');
    spanProcessors.push(new SimpleSpanProcessor(new ConsoleSpanExporter()));
  }
  if (config.langfuse.enabled) {
    spanProcessors.push(
      new DeferredSpanProcessor(async () => {
        const mod = await optional(
          '@spanfuse/exporter-langfuse',
          () => import('@spanfuse/exporter-langfuse'),
        );
        return mod && createLangfuseProcessor(config.langfuse, mod.LangfuseSpanProcessor);
      }),
    );
  }

  const provider = new NodeTracerProvider({
    resource: createResource(),
    sampler: samplerFromConfig(config),
    spanProcessors,
  });
  provider.register();
  if (instrumentations.length) {
    const { registerInstrumentations } = await import('@opentelemetry/instrumentation');
    registerInstrumentations({ instrumentations, tracerProvider: provider });
  }

  let stopped: Promise<void> | undefined;
  const handle = {
    forceFlush: () => provider.forceFlush(),
    shutdown: () => {
      stopped ??= provider.shutdown();
      return stopped;
    },
    langfuse: config.langfuse,
  };
  setHandle(handle);
  installShutdownHooks({ ...handle, endedSpans: () => counter.count }, DEFAULT_FLUSH_TIMEOUT_MS);
  logger.debug(
    `started: tempo=${config.tempo.enabled ? config.tempo.protocol : 'off'} langfuse=${config.langfuse.enabled ? 'on' : 'off'} ` +
      `instrumentations=${instrumentations.map((i) => i.instrumentationName).join(',')}`,
  );
  return { hookedModules: hookedModules(instrumentations) };
}

/** Module names of the instrumentations' module definitions (`InstrumentationBase` has them). */
function hookedModules(instrumentations: object[]): string[] {
  const names = new Set<string>();
  for (const i of instrumentations) {
    const definitions = (
      i as { getModuleDefinitions?: () => Array<{ name: string }> }
    ).getModuleDefinitions?.();
    for (const d of definitions ?? []) names.add(d.name);
  }
  return [...names];
}
