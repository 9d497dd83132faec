import { createServer } from 'node:http';
import { DiagLogLevel, diag } from '@opentelemetry/api';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { LangfuseSpanProcessor } from '@spanfuse/exporter-langfuse';
import { startFakeLangfuse } from '@spanfuse/test-fakes';
import { afterEach, describe, expect, it } from 'vitest';

// ExportTraceServiceResponse { partial_success (1) { rejected_spans (1) = 3, error_message (2) = "bad span" } }
// preceded by an unknown varint field 7, which a decoder must skip.
function partialSuccessResponse(): Buffer {
  const message = Buffer.from('bad span', 'utf8');
  const inner = Buffer.concat([Buffer.from([0x08, 0x03, 0x12, message.length]), message]);
  return Buffer.concat([Buffer.from([0x38, 0x01, 0x0a, inner.length]), inner]);
}

afterEach(() => diag.disable());

describe('OTLP partial success answers', () => {
  it('counts spans a protobuf partial_success rejected and says why once', async () => {
    const langfuse = await startFakeLangfuse();
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/x-protobuf' });
        res.end(partialSuccessResponse());
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    const lines: string[] = [];
    const sink = (...args: unknown[]) => lines.push(args.join(' '));
    diag.setLogger(
      { error: sink, warn: sink, info: sink, debug: () => {}, verbose: () => {} },
      DiagLogLevel.INFO,
    );
    const processor = new LangfuseSpanProcessor({
      baseUrl: `http://127.0.0.1:${port}`,
      publicKey: langfuse.publicKey,
      secretKey: langfuse.secretKey,
      protocol: 'otlp',
      exportAllSpans: true,
    });
    const provider = new BasicTracerProvider({ spanProcessors: [processor] });
    const tracer = provider.getTracer('t');
    for (let i = 0; i < 5; i++) tracer.startSpan(`s${i}`).end();
    await processor.forceFlush();
    const stats = processor.getStats();
    expect(stats.exported + stats.failed).toBe(5);
    expect(stats.failed).toBe(3);
    expect(lines.filter((l) => l.includes('bad span'))).toHaveLength(1);
    await provider.shutdown();
    server.close();
    await langfuse.close();
  });
});
