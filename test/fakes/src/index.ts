// Loopback fakes for tests and benchmarks. Each file is one fake; this file only re-exports.
export * from './langfuse-contract.js';
export * from './langfuse-server.js';
export * from './openai-server.js';
export * from './otlp-receiver.js';
export type { FlatOtlpSpan } from './otlp-spans.js';
