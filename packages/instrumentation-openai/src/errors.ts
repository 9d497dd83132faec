// error.type values: a small, stable set (semconv asks for low cardinality), decided from the
// HTTP status and the openai SDK's error class names, which are the same in 4.x, 5.x and 6.x.

/** Classification of an error thrown by an OpenAI call, for the `error.type` attribute. */
export type OpenAIErrorType =
  | 'rate_limit'
  | 'timeout'
  | 'connection'
  | 'cancelled'
  | 'authentication'
  | 'permission'
  | 'not_found'
  | 'bad_request'
  | 'server'
  | '_OTHER';

/** Maps an error to its {@link OpenAIErrorType}. */
export function classifyError(err: unknown): OpenAIErrorType {
  if (err === null || typeof err !== 'object') return '_OTHER';
  const status = (err as { status?: unknown }).status;
  if (typeof status === 'number') return classifyStatus(status);
  const name = (err as { constructor?: { name?: string } }).constructor?.name ?? '';
  switch (name) {
    case 'APIConnectionTimeoutError':
      return 'timeout';
    case 'APIUserAbortError':
      return 'cancelled';
    case 'APIConnectionError':
      return 'connection';
  }
  const errName = (err as { name?: unknown }).name;
  if (errName === 'AbortError') return 'cancelled';
  if (errName === 'TimeoutError') return 'timeout';
  // undici reports a body cut mid-way as `TypeError: terminated` (cause: SocketError).
  if (
    (err as { message?: unknown }).message === 'terminated' ||
    typeof (err as { code?: unknown }).code === 'string'
  ) {
    return 'connection';
  }
  return '_OTHER';
}

/** Maps an HTTP status to its {@link OpenAIErrorType}. */
export function classifyStatus(status: number): OpenAIErrorType {
  if (status === 429) return 'rate_limit';
  if (status === 408) return 'timeout';
  if (status === 401) return 'authentication';
  if (status === 403) return 'permission';
  if (status === 404) return 'not_found';
  if (status >= 500) return 'server';
  if (status >= 400) return 'bad_request';
  return '_OTHER';
}
