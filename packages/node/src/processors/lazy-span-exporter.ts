import { type ExportResult, ExportResultCode } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';

/**
 * A SpanExporter that imports the real one on first use. The OTLP protobuf exporter
 * (protobufjs + otlp-transformer) is the heaviest import of the register path; the batch
 * processor first exports after its schedule delay, so loading it then keeps it off startup.
 */
export class LazySpanExporter implements SpanExporter {
  private loading: Promise<SpanExporter | undefined> | undefined;
  private exporter: SpanExporter | undefined;

  constructor(private readonly load: () => Promise<SpanExporter>) {}

  private get(): Promise<SpanExporter | undefined> {
    this.loading ??= this.load().then(
      (exporter) => {
        this.exporter = exporter;
        return exporter;
      },
      () => undefined,
    );
    return this.loading;
  }

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    if (this.exporter) {
      this.exporter.export(spans, resultCallback);
      return;
    }
    void this.get().then((exporter) => {
      if (exporter) exporter.export(spans, resultCallback);
      else
        resultCallback({
          code: ExportResultCode.FAILED,
          error: new Error('span exporter could not be loaded'),
        });
    });
  }

  async forceFlush(): Promise<void> {
    await this.exporter?.forceFlush?.();
  }

  async shutdown(): Promise<void> {
    if (this.loading) await (await this.loading)?.shutdown();
  }
}
