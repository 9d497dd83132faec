// Where a client sends its requests: gen_ai.provider.name, server.address and server.port,
// derived once per distinct baseURL (URL parsing is too slow for every call).
import { PROVIDER_AZURE_OPENAI, PROVIDER_LITELLM, PROVIDER_OPENAI, PROVIDER_OPENROUTER } from './semconv.js';

/** The provider and server of one client `baseURL`. */
export interface Endpoint {
  provider: string;
  address: string | undefined;
  port: number | undefined;
}

const cache = new Map<string, Endpoint>();
const CACHE_LIMIT = 256;

/** Endpoint for a client baseURL; unknown hosts are `openai`, as semconv asks for compatible APIs. */
export function endpointFor(baseURL: unknown, providerOverride?: string): Endpoint {
  const key = typeof baseURL === 'string' ? baseURL : '';
  let found = cache.get(key);
  if (found === undefined) {
    found = parseEndpoint(key);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, found);
  }
  return providerOverride ? { ...found, provider: providerOverride } : found;
}

function parseEndpoint(baseURL: string): Endpoint {
  let url: URL;
  try {
    url = new URL(baseURL);
  } catch {
    return { provider: PROVIDER_OPENAI, address: undefined, port: undefined };
  }
  const host = url.hostname;
  const port = url.port ? Number(url.port) : url.protocol === 'http:' ? 80 : 443;
  return { provider: providerForHost(host), address: host, port };
}

/**
 * Semconv: "when using OpenAI client libraries to communicate with [another system],
 * gen_ai.provider.name is set to openai based on the instrumentation's best knowledge" —
 * so only hosts we recognise get another name.
 */
export function providerForHost(host: string): string {
  if (host.endsWith('.openai.azure.com') || host.endsWith('.cognitiveservices.azure.com'))
    return PROVIDER_AZURE_OPENAI;
  if (host === 'openrouter.ai' || host.endsWith('.openrouter.ai')) return PROVIDER_OPENROUTER;
  if (host.includes('litellm')) return PROVIDER_LITELLM;
  return PROVIDER_OPENAI;
}

/** Minimal view of fetch's `Headers` (no DOM lib here). */
export interface HeadersLike {
  get(name: string): string | null;
}

/** LiteLLM's proxy marks its answers with `x-litellm-*` headers (call id, version, cost). */
export function isLiteLLMResponse(headers: HeadersLike): boolean {
  return headers.get('x-litellm-call-id') !== null || headers.get('x-litellm-version') !== null;
}
