// Observes an openai `Stream` without consuming it for the app: the Stream's own `iterator`
// factory is wrapped, so `for await`, `tee()`, `toReadableStream()` and `controller` all keep
// working and every chunk the app pulls passes through the observer once. The call ends when the
// iteration ends, errors, or is left early (`break` → `return()`); an aborted request ends quietly
// inside the SDK's iterator and so ends the span too.
import type { CallTelemetry } from './call-telemetry.js';
import { warnOnce } from './diag.js';

/** What a patched API does with streamed chunks. */
export interface StreamObserver {
  /** Sees one chunk; returns true to hide it from the app (the injected usage-only chunk). */
  onChunk(chunk: unknown): boolean;
  /** Called once when the iteration is over (normally, early or with an error). */
  onEnd(): void;
}

interface StreamLike {
  iterator: (...args: unknown[]) => AsyncIterator<unknown>;
}

/** True for the SDK's `Stream` (4.x–6.x keep the iterator factory as an own `iterator` field). */
export function isStreamLike(value: unknown): value is StreamLike {
  return typeof value === 'object' && value !== null && typeof (value as StreamLike).iterator === 'function';
}

/** Wraps the stream's iterator factory; only the first iteration is observed (the SDK rejects a second). */
export function observeStream(stream: StreamLike, observer: StreamObserver, call: CallTelemetry): void {
  const original = stream.iterator;
  let used = false;
  stream.iterator = function observedIteratorFactory(this: unknown, ...args: unknown[]) {
    const inner = original.apply(this, args);
    if (used) return inner;
    used = true;
    return observe(inner, observer, call);
  };
}

async function* observe(inner: AsyncIterator<unknown>, observer: StreamObserver, call: CallTelemetry) {
  let error: unknown;
  try {
    while (true) {
      const step = await inner.next();
      if (step.done) break;
      let hide = false;
      try {
        hide = observer.onChunk(step.value);
      } catch (err) {
        warnOnce('could not read a streamed chunk; the span may miss attributes', err);
      }
      if (!hide) yield step.value;
    }
  } catch (err) {
    error = err;
    throw err;
  } finally {
    // Left early (break/return): let the SDK's iterator release the connection.
    if (error === undefined) {
      try {
        await inner.return?.();
      } catch (err) {
        warnOnce('closing the SDK stream failed', err);
      }
    }
    try {
      observer.onEnd();
    } catch (err) {
      warnOnce('could not read a streamed chunk; the span may miss attributes', err);
    }
    call.end(error);
  }
}
