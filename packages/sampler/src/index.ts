// Public API of @spanfuse/sampler. Re-exports only.
export {};
