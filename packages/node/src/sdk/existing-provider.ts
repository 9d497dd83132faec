import { trace } from '@opentelemetry/api';

/**
 * Whether a tracer provider is already registered globally (by Sentry, NodeSDK, @vercel/otel…).
 * The API always hands out a ProxyTracerProvider; its delegate is the no-op provider until
 * someone registers.
 */
export function hasGlobalTracerProvider(): boolean {
  const proxy = trace.getTracerProvider() as { getDelegate?: () => object };
  if (typeof proxy.getDelegate !== 'function') return true;
  return proxy.getDelegate().constructor.name !== 'NoopTracerProvider';
}
