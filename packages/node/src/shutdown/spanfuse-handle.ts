// The running SDK started by `@spanfuse/node/register`, shared through a global symbol because
// the register entry (ESM) and an app's `require('@spanfuse/node')` (CJS build) are two module
// instances.
import type { LangfuseDestinationConfig } from '../config/types.js';

/** What register leaves behind for `flush()`, `shutdown()` and `score()`. */
export interface SpanfuseHandle {
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
  langfuse: LangfuseDestinationConfig;
}

const KEY = Symbol.for('@spanfuse/node.handle');

export function setHandle(handle: SpanfuseHandle): void {
  (globalThis as Record<symbol, unknown>)[KEY] = handle;
}

export function getHandle(): SpanfuseHandle | undefined {
  return (globalThis as Record<symbol, unknown>)[KEY] as SpanfuseHandle | undefined;
}
