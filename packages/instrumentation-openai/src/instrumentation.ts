// OpenAIInstrumentation: patches the `create` method of four resource classes of the openai SDK
// (4.19–6.x) at prototype level. The classes hang off the client class in every major
// (`OpenAI.Chat.Completions`, `OpenAI.Responses`, `OpenAI.Embeddings`, `OpenAI.Completions`), so
// patching the package's main module is enough for CJS `require('openai')`, ESM `import` (through
// the @opentelemetry/instrumentation hook, `module.default`) and the manual `instrument()` path.
import { createNoopMeter, type Histogram, type TracerProvider } from '@opentelemetry/api';
import {
  InstrumentationBase,
  InstrumentationNodeModuleDefinition,
  isWrapped,
} from '@opentelemetry/instrumentation';
import type { CallSettings, CallTools } from './call-telemetry.js';
import { log } from './diag.js';
import { createWrapper } from './patch-create.js';
import type { CreateAdapter } from './patches/adapter.js';
import { chatCompletionsAdapter } from './patches/chat-completions.js';
import { completionsAdapter } from './patches/completions.js';
import { embeddingsAdapter } from './patches/embeddings.js';
import { responsesAdapter } from './patches/responses.js';
import { METRIC_GEN_AI_CLIENT_OPERATION_DURATION, METRIC_GEN_AI_CLIENT_TOKEN_USAGE } from './semconv.js';
import { resolveSettings } from './settings.js';
import type { OpenAIInstrumentationConfig } from './types.js';
import { PACKAGE_NAME, PACKAGE_VERSION } from './version.js';

/** Supported `openai` versions (same range as the OTel contrib instrumentation). */
export const SUPPORTED_VERSIONS = ['>=4.19.0 <7'];

// Bucket boundaries advised by the GenAI metrics semconv.
const TOKEN_BUCKETS = [
  1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864,
];
const DURATION_BUCKETS = [
  0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92,
];

type Any = any;

// Without a MeterProvider the instruments are the API's no-op ones: skip building metric attributes.
const NoopHistogram = createNoopMeter().createHistogram('noop').constructor;

/** Where each patched method lives, relative to the client class. */
const TARGETS: ReadonlyArray<[(client: Any) => Any, CreateAdapter]> = [
  [(c) => c?.Chat?.Completions?.prototype, chatCompletionsAdapter],
  [(c) => c?.Responses?.prototype, responsesAdapter],
  [(c) => c?.Embeddings?.prototype, embeddingsAdapter],
  [(c) => c?.Completions?.prototype, completionsAdapter],
];

/** Finds the client class in a CJS exports object, an ESM namespace (`default`) or the class itself. */
function clientClass(moduleOrClass: Any): Any {
  for (const candidate of [
    moduleOrClass,
    moduleOrClass?.OpenAI,
    moduleOrClass?.default,
    moduleOrClass?.default?.OpenAI,
  ]) {
    if (typeof candidate === 'function' && candidate.Chat) return candidate;
  }
  return undefined;
}

/**
 * OpenTelemetry instrumentation for the `openai` package: one CLIENT span per chat, Responses,
 * embeddings or legacy completion call with GenAI semantic-convention attributes, plus the
 * `gen_ai.client.token.usage` and `gen_ai.client.operation.duration` histograms.
 */
export class OpenAIInstrumentation extends InstrumentationBase<OpenAIInstrumentationConfig> {
  private settings: CallSettings;
  // `declare`: assigned by _updateMetricInstruments() during super(); a class field would reset them.
  declare private tokenUsage: Histogram;
  declare private duration: Histogram;
  declare private metricsEnabled: boolean;
  declare private cachedTools: CallTools | undefined;
  private readonly tools: () => CallTools;

  constructor(config: OpenAIInstrumentationConfig = {}) {
    super(PACKAGE_NAME, PACKAGE_VERSION, config);
    this.settings = resolveSettings(this.getConfig());
    // Built once and rebuilt after a provider or config change: no allocation per call.
    this.tools = () =>
      (this.cachedTools ??= {
        tracer: this.tracer,
        metrics: this.metricsEnabled ? { tokenUsage: this.tokenUsage, duration: this.duration } : undefined,
        settings: this.settings,
      });
  }

  override setTracerProvider(tracerProvider: TracerProvider): void {
    super.setTracerProvider(tracerProvider);
    this.cachedTools = undefined;
  }

  override setConfig(config: OpenAIInstrumentationConfig = {}): void {
    super.setConfig(config);
    this.settings = resolveSettings(this.getConfig());
    this.cachedTools = undefined;
  }

  protected override _updateMetricInstruments(): void {
    this.tokenUsage = this.meter.createHistogram(METRIC_GEN_AI_CLIENT_TOKEN_USAGE, {
      description: 'Measures number of input and output tokens used',
      unit: '{token}',
      advice: { explicitBucketBoundaries: TOKEN_BUCKETS },
    });
    this.duration = this.meter.createHistogram(METRIC_GEN_AI_CLIENT_OPERATION_DURATION, {
      description: 'GenAI operation duration',
      unit: 's',
      advice: { explicitBucketBoundaries: DURATION_BUCKETS },
    });
    this.metricsEnabled = !(this.duration instanceof NoopHistogram);
    this.cachedTools = undefined;
  }

  protected init() {
    return [
      new InstrumentationNodeModuleDefinition(
        'openai',
        SUPPORTED_VERSIONS,
        (moduleExports: Any) => {
          this.patchClient(clientClass(moduleExports));
          return moduleExports;
        },
        (moduleExports: Any) => {
          this.unpatchClient(clientClass(moduleExports));
        },
      ),
    ];
  }

  /**
   * Patches an `openai` module (namespace, `require` result) or the `OpenAI` class by hand, for
   * bundled apps and setups without module hooks. Safe to call more than once.
   *
   * @example
   * ```ts
   * import OpenAI from 'openai';
   * new OpenAIInstrumentation().instrument(OpenAI);
   * ```
   */
  instrument(moduleOrClass: unknown): void {
    const client = clientClass(moduleOrClass);
    if (!client) {
      log.warn('instrument() expects the openai module or its OpenAI class; nothing patched');
      return;
    }
    this.patchClient(client);
  }

  /** Undoes {@link OpenAIInstrumentation.instrument}. */
  uninstrument(moduleOrClass: unknown): void {
    this.unpatchClient(clientClass(moduleOrClass));
  }

  private patchClient(client: Any): void {
    if (!client) return;
    for (const [find, adapter] of TARGETS) {
      const proto = find(client);
      // Both the CJS and the ESM copy of openai may load in one process; each is patched once.
      if (!proto || typeof proto.create !== 'function' || isWrapped(proto.create)) continue;
      this._wrap(proto, 'create', createWrapper(adapter, this.tools) as Any);
    }
  }

  private unpatchClient(client: Any): void {
    if (!client) return;
    for (const [find] of TARGETS) {
      const proto = find(client);
      if (proto && isWrapped(proto.create)) this._unwrap(proto, 'create');
    }
  }
}
