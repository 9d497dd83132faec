// `embeddings.create`. The SDK asks for base64 unless the app chose a format and decodes it
// before the app sees it; only usage and model are read here, never the vectors.
import { ATTR_GEN_AI_EMBEDDINGS_DIMENSION_COUNT, ATTR_GEN_AI_REQUEST_ENCODING_FORMATS } from '../semconv.js';
import type { CreateAdapter } from './adapter.js';

export const embeddingsAdapter: CreateAdapter = {
  operation: 'embeddings',
  requestAttributes(body, a) {
    if (typeof body.encoding_format === 'string')
      a[ATTR_GEN_AI_REQUEST_ENCODING_FORMATS] = [body.encoding_format];
    if (typeof body.dimensions === 'number') a[ATTR_GEN_AI_EMBEDDINGS_DIMENSION_COUNT] = body.dimensions;
  },
  onResult(result, call) {
    if (!result || typeof result !== 'object') return;
    call.setResponse(undefined, result.model);
    // Embeddings only consume input tokens.
    call.setUsage(result.usage?.prompt_tokens, undefined, undefined, undefined, result.usage?.cost);
  },
};
