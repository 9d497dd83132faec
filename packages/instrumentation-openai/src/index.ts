// Public API of @spanfuse/instrumentation-openai. Re-exports only.
export { OpenAIInstrumentation, SUPPORTED_VERSIONS } from './instrumentation.js';
export { ENV_CAPTURE_MESSAGE_CONTENT } from './settings.js';
export type { ModelPrice, OpenAIInstrumentationConfig, PriceTable } from './types.js';
