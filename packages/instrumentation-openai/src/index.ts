// Public API of @spanfuse/instrumentation-openai. Re-exports only.
export {};
