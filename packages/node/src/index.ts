// Public API of @spanfuse/node. Re-exports only.
export {};
