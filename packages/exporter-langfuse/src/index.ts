// Public API of @spanfuse/exporter-langfuse. Re-exports only.
export {};
