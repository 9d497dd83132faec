import { OTLPTraceExporter as OTLPJsonTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OTLPProtoTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { ConsoleSpanExporter, SimpleSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { LangfuseSpanProcessor } from '@spanfuse/exporter-langfuse';
import type { Env } from '../config/env-values.js';
import { parseSpanfuseEnv } from '../config/parse-env.js';
import { reportConfig } from '../config/report-config.js';
import type { LangfuseProcessorOptions } from './langfuse-module.js';
import { createLangfuseProcessor } from './langfuse-processor.js';
import { createTempoProcessor } from './tempo-processor.js';

/** Options of {@link getSpanfuseSpanProcessors}. */
export interface SpanfuseSpanProcessorsOptions {
  /**
   * Add the Tempo (OTLP/HTTP) processor. Pass `false` when your setup already exports OTLP
   * (e.g. `@vercel/otel`'s `'auto'`). @defaultValue `true` unless `OTEL_TRACES_EXPORTER=none`
   */
  tempo?: boolean;
  /** Options for the Langfuse processor (win over `LANGFUSE_*`), or `false` to leave it out. */
  langfuse?: LangfuseProcessorOptions | false;
  /** Environment to read. @defaultValue `process.env` */
  env?: Env;
}

/**
 * The span processors `@spanfuse/node/register` installs — Tempo (OTLP, protocol from
 * `OTEL_EXPORTER_OTLP_{TRACES_}PROTOCOL`) and Langfuse (its `LANGFUSE_SAMPLE_RATE` share of traces)
 * — for apps that already build their own provider. Each processor gets the span as-is; neither
 * changes it. Missing Langfuse keys leave Langfuse out with one diag line.
 *
 * @example new NodeSDK({ spanProcessors: getSpanfuseSpanProcessors(), sampler: getSpanfuseSampler() })
 */
export function getSpanfuseSpanProcessors(options: SpanfuseSpanProcessorsOptions = {}): SpanProcessor[] {
  const parsed = parseSpanfuseEnv(options.env ?? process.env);
  const { config } = parsed;
  const overrides = options.langfuse === false ? undefined : options.langfuse;
  // Keys given in code count as configured even when the env has none.
  const langfuseOn =
    options.langfuse !== false &&
    (config.langfuse.enabled || Boolean(overrides?.publicKey && overrides?.secretKey));
  reportConfig(
    langfuseOn
      ? { ...parsed, notices: parsed.notices.filter((n) => !n.startsWith('Langfuse export is off')) }
      : parsed,
  );
  const processors: SpanProcessor[] = [];
  if (options.tempo ?? config.tempo.enabled) {
    const Exporter = config.tempo.protocol === 'http/json' ? OTLPJsonTraceExporter : OTLPProtoTraceExporter;
    processors.push(createTempoProcessor(new Exporter()));
  }
  if (config.tempo.console) processors.push(new SimpleSpanProcessor(new ConsoleSpanExporter()));
  if (langfuseOn) {
    processors.push(createLangfuseProcessor(config.langfuse, LangfuseSpanProcessor, overrides));
  }
  return processors;
}
