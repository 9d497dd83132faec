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

const DONE: IteratorResult<unknown> = Object.freeze({ done: true, value: undefined });

function observe(inner: AsyncIterator<unknown>, observer: StreamObserver, call: CallTelemetry) {
  return new ObservedIterator(inner, observer, call);
}

/**
 * Delegates `next`/`return`/`throw` to the SDK's iterator. Hand-written rather than an async
 * generator: a generator adds several promise reactions per chunk (its own queue, the awaited
 * `next()` and the `yield`), here each chunk costs one `.then` on the SDK's promise.
 */
class ObservedIterator implements AsyncIterator<unknown> {
  /** No more chunks for the app (ended, returned or thrown). */
  private finished = false;
  /** The call was ended (exactly once). */
  private ended = false;

  constructor(
    private readonly inner: AsyncIterator<unknown>,
    private readonly observer: StreamObserver,
    private readonly call: CallTelemetry,
  ) {}

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<unknown>> {
    if (this.finished) return Promise.resolve(DONE);
    let pending: Promise<IteratorResult<unknown>>;
    try {
      pending = this.inner.next();
    } catch (err) {
      this.finish(err);
      return Promise.reject(err);
    }
    return pending.then(this.onStep, this.onError);
  }

  /** Left early (break/return): let the SDK's iterator release the connection, then end. */
  return(value?: unknown): Promise<IteratorResult<unknown>> {
    const result: IteratorResult<unknown> = { done: true, value };
    if (this.finished) return Promise.resolve(result);
    this.finished = true;
    const close = () => {
      this.finish(undefined);
      return result;
    };
    let closing: unknown;
    try {
      closing = this.inner.return?.();
    } catch (err) {
      warnOnce('closing the SDK stream failed', err);
      return Promise.resolve(close());
    }
    return Promise.resolve(closing).then(close, (err) => {
      warnOnce('closing the SDK stream failed', err);
      return close();
    });
  }

  throw(err?: unknown): Promise<IteratorResult<unknown>> {
    this.finished = true;
    this.finish(err);
    return Promise.reject(err);
  }

  // Reaction handlers made once per stream, not once per chunk.
  private readonly onStep = (
    step: IteratorResult<unknown>,
  ): IteratorResult<unknown> | Promise<IteratorResult<unknown>> => {
    if (this.finished) return DONE;
    if (step.done) {
      this.finish(undefined);
      return DONE;
    }
    let hide = false;
    try {
      hide = this.observer.onChunk(step.value);
    } catch (err) {
      warnOnce('could not read a streamed chunk; the span may miss attributes', err);
    }
    return hide ? this.next() : step;
  };

  private readonly onError = (err: unknown): never => {
    this.finish(err);
    throw err;
  };

  /** Ends the call once, whichever way the iteration stopped. */
  private finish(error: unknown): void {
    if (this.ended) return;
    this.ended = true;
    this.finished = true;
    try {
      this.observer.onEnd();
    } catch (err) {
      warnOnce('could not read a streamed chunk; the span may miss attributes', err);
    }
    this.call.end(error);
  }
}
