import { promisify } from 'node:util';
import { constants, gzip as gzipCallback } from 'node:zlib';

const gzipAsync = promisify(gzipCallback);

/**
 * Level 1 (fastest): JSON and OTLP payloads full of repeated keys already shrink 5-8x at level 1,
 * and the higher levels cost several times the CPU for a few percent more. The async API runs
 * on libuv's thread pool, off the event loop of the host app.
 */
export const GZIP_LEVEL = 1;

/** Payloads smaller than this are sent as they are: gzip would cost more than it saves. */
export const GZIP_MIN_BYTES = 1024;

/** Compresses `bytes` off the main thread. */
export function gzip(bytes: Uint8Array): Promise<Buffer> {
  return gzipAsync(bytes, { level: GZIP_LEVEL, strategy: constants.Z_DEFAULT_STRATEGY });
}
