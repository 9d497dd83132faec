// Observes an openai `APIPromise` without replacing it, so the app keeps the same object with
// `.withResponse()`, `.asResponse()`, `._thenUnwrap()` and its types. Two hooks on the instance:
// - `parseResponse` (an own field in 4.x–6.x, also called by derived `_thenUnwrap` promises):
//   sees the parsed body when, and only when, the app asks for it — the body is never read twice;
// - `responsePromise`: sees headers (after the SDK's retries) and transport errors even when
//   nobody parses (fire-and-forget, `asResponse()`), in which case the call ends without a body.
import type { CallTelemetry } from './call-telemetry.js';
import { safely } from './diag.js';

interface APIPromiseLike {
  responsePromise: Promise<{ response?: { headers?: { get(name: string): string | null } } }>;
  parseResponse: (...args: unknown[]) => unknown;
}

function isAPIPromise(value: unknown): value is APIPromiseLike {
  const v = value as APIPromiseLike | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.parseResponse === 'function' &&
    typeof v.responsePromise?.then === 'function'
  );
}

/**
 * Calls `onParsed` with the parsed result (a `Stream` for streamed requests) and ends `call` on
 * errors or when the response is never parsed.
 */
export function observeAPIPromise(
  promise: unknown,
  call: CallTelemetry,
  onParsed: (result: unknown) => void,
): void {
  if (!isAPIPromise(promise)) {
    // Not the SDK's promise (a future major?): observe it as a plain thenable.
    if (typeof (promise as PromiseLike<unknown> | null)?.then === 'function') {
      (promise as PromiseLike<unknown>).then(
        (result) => safely(() => onParsed(result)),
        (err) => call.end(err),
      );
    } else call.end();
    return;
  }
  let parsing = false;
  const parse = promise.parseResponse;
  promise.parseResponse = function observedParseResponse(this: unknown, ...args: unknown[]) {
    parsing = true;
    return Promise.resolve(parse.apply(this, args)).then(
      (result) => {
        safely(() => onParsed(result));
        return result;
      },
      (err) => {
        call.end(err);
        throw err;
      },
    );
  };
  promise.responsePromise.then(
    (props) => {
      safely(() => call.onHeaders(props?.response?.headers));
      if (parsing) return;
      // Reactions of one promise run in registration order: a parse the app (or a derived
      // `_thenUnwrap` promise) requested before the response arrived is queued right behind this
      // one and enters `parseResponse` before the microtask below runs. No parse by then means
      // fire-and-forget or raw `asResponse()`: end now, without a body.
      queueMicrotask(() => {
        if (!parsing) call.end();
      });
    },
    (err) => call.end(err),
  );
}
