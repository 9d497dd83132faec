// Wraps one resource's `create` method: starts the call's span, runs the SDK inside its context
// (so HTTP spans of each attempt, retries included, are its children) and hands the returned
// APIPromise to the observers. The app gets the SDK's own return value back, untouched.
import { type Attributes, context, trace } from '@opentelemetry/api';
import { observeAPIPromise } from './api-promise.js';
import { CallTelemetry, type CallTools } from './call-telemetry.js';
import { RECORD_FAILED, safely, warnOnce } from './diag.js';
import type { Any, CreateAdapter } from './patches/adapter.js';
import { endpointFor } from './provider.js';
import { isStreamLike, observeStream } from './stream.js';

type Create = (this: Any, body: Any, ...rest: unknown[]) => unknown;

/** Returns the shimmer wrapper for a `create` method. */
export function createWrapper(
  adapter: CreateAdapter,
  getTools: () => CallTools,
): (original: Create) => Create {
  return (original) =>
    function observedCreate(this: Any, body: Any, ...rest: unknown[]) {
      const call = startCall(this, body, adapter, getTools);
      if (call === undefined) return original.call(this, body, ...rest);
      const active = call;
      let sent = body;
      if (body.stream === true && call.injectStreamUsage && adapter.injectStreamUsage) {
        safely(() => {
          sent = adapter.injectStreamUsage?.(body) ?? body;
        });
      }
      const injected = sent !== body;
      let result: unknown;
      try {
        // Arguments passed through `with` rather than a closure: one allocation less per call.
        result = context.with(trace.setSpan(context.active(), active.span), original, this, sent, ...rest);
      } catch (err) {
        active.end(err);
        throw err;
      }
      try {
        observeAPIPromise(result, active, (parsed) => {
          if (body.stream === true && isStreamLike(parsed) && adapter.streamObserver) {
            observeStream(parsed, adapter.streamObserver(active, injected), active);
            return;
          }
          try {
            adapter.onResult(parsed, active);
          } catch (err) {
            warnOnce(RECORD_FAILED, err);
          }
          active.end();
        });
      } catch (err) {
        warnOnce(RECORD_FAILED, err);
      }
      return result;
    };
}

function startCall(
  resource: Any,
  body: Any,
  adapter: CreateAdapter,
  getTools: () => CallTools,
): CallTelemetry | undefined {
  if (!body || typeof body !== 'object') return undefined;
  let call: CallTelemetry | undefined;
  try {
    const tools = getTools();
    const attributes: Attributes = {};
    adapter.requestAttributes(body, attributes);
    const endpoint = endpointFor(resource?._client?.baseURL, tools.settings.providerName);
    call = new CallTelemetry(tools, adapter.operation, endpoint, body.model, attributes);
    if (call.content) adapter.requestContent?.(body, call);
  } catch (err) {
    warnOnce('failed to start an OpenAI span; the call runs untraced', err);
  }
  return call;
}
