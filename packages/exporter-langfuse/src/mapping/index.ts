// Span → Langfuse observation mapping. Re-exports only.
export { extractTraceIdentity, isRootSpan, type MapSpanOptions, mapSpan } from './map-span.js';
export { RESOURCE_ATTRIBUTES_KEY, SCOPE_KEY } from './metadata.js';
export { TraceIdentityCache, type TraceIdentityCacheOptions } from './trace-identity-cache.js';
