import type { Attributes } from '@opentelemetry/api';
import type { CallTelemetry } from '../call-telemetry.js';
import type { GenAIOperation } from '../semconv.js';
import type { StreamObserver } from '../stream.js';

export type Any = any;

/** What one patched `create` method contributes: its request, result and stream mapping. */
export interface CreateAdapter {
  readonly operation: GenAIOperation;
  /** Adds request attributes (no message content) before the span starts. */
  requestAttributes(body: Any, attributes: Attributes): void;
  /** Adds content attributes; only called when content capture is on and the span records. */
  requestContent?(body: Any, call: CallTelemetry): void;
  /**
   * Returns the body to send for a streamed request with `stream_options.include_usage` added,
   * or the same body when nothing needs adding.
   */
  injectStreamUsage?(body: Any): Any;
  /** Reads a parsed (non-streamed) result. */
  onResult(result: Any, call: CallTelemetry): void;
  /** Creates the observer of a streamed result; `injected` tells whether usage was injected. */
  streamObserver?(call: CallTelemetry, injected: boolean): StreamObserver;
}

/** Copies the numeric/string request parameters shared by the chat-like APIs. */
export function setNumber(attributes: Attributes, key: string, value: unknown): void {
  if (typeof value === 'number') attributes[key] = value;
}

/** `stop` is a string or a list of strings in the API; semconv wants a list. */
export function stopSequences(stop: unknown): string[] | undefined {
  if (typeof stop === 'string') return [stop];
  if (Array.isArray(stop) && stop.every((s) => typeof s === 'string')) return stop as string[];
  return undefined;
}

/** Adds `stream_options.include_usage` unless the app already decided about it. */
export function withIncludeUsage(body: Any): Any {
  if (body.stream !== true) return body;
  const options = body.stream_options;
  if (options && typeof options === 'object' && 'include_usage' in options) return body;
  return { ...body, stream_options: { ...options, include_usage: true } };
}
