// Real ended spans for mapping tests: a BasicTracerProvider with an InMemorySpanExporter, spans
// created and ended through the public OTel API exactly as instrumentations do.
import {
  type Attributes,
  context,
  type Span,
  type SpanStatus,
  type TimeInput,
  trace,
} from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';

export interface SpanSpec {
  name?: string;
  scope?: string;
  scopeVersion?: string;
  attributes?: Attributes;
  events?: { name: string; attributes?: Attributes; time?: TimeInput }[];
  status?: SpanStatus;
  exception?: Error;
  parent?: Span;
  startTime?: TimeInput;
  /** Keep the span open (to end it later, e.g. a parent after its children). */
  open?: boolean;
}

/** A tracer provider whose ended spans can be read back. */
export function createTracing(resource: Attributes = { 'service.name': 'mapping-test' }) {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes(resource),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });

  function start(spec: SpanSpec = {}): Span {
    const tracer = provider.getTracer(spec.scope ?? 'test-scope', spec.scopeVersion);
    const ctx = spec.parent ? trace.setSpan(context.active(), spec.parent) : context.active();
    const span = tracer.startSpan(
      spec.name ?? 'test-span',
      { attributes: spec.attributes, startTime: spec.startTime },
      ctx,
    );
    for (const event of spec.events ?? []) span.addEvent(event.name, event.attributes, event.time);
    if (spec.exception) span.recordException(spec.exception);
    if (spec.status) span.setStatus(spec.status);
    if (!spec.open) span.end();
    return span;
  }

  /** The ended ReadableSpan of a started span (after `end()`). */
  function finished(span: Span): ReadableSpan {
    const id = span.spanContext().spanId;
    const found = exporter.getFinishedSpans().find((s) => s.spanContext().spanId === id);
    if (!found) throw new Error('span not ended');
    return found;
  }

  /** Starts and ends one span and returns it as the exporter received it. */
  function record(spec: SpanSpec = {}): ReadableSpan {
    return finished(start({ ...spec, open: false }));
  }

  return { provider, exporter, start, finished, record };
}
