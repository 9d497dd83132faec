// Config + environment → the settings every call reads, resolved once per setConfig().
import type { CallSettings } from './call-telemetry.js';
import type { OpenAIInstrumentationConfig } from './types.js';

/** The env variable other GenAI instrumentations read for the same switch. */
export const ENV_CAPTURE_MESSAGE_CONTENT = 'OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT';
const DEFAULT_MAX_CONTENT_LENGTH = 16_384;

/** Explicit config wins, then the env variable, then the default (on). */
export function resolveSettings(
  config: OpenAIInstrumentationConfig,
  env: NodeJS.ProcessEnv = process.env,
): CallSettings {
  let captureContent = config.captureMessageContent;
  if (captureContent === undefined) {
    const raw = env[ENV_CAPTURE_MESSAGE_CONTENT]?.trim().toLowerCase();
    captureContent = !(raw === 'false' || raw === '0' || raw === 'no' || raw === 'off');
  }
  const max = config.maxContentLength;
  return {
    captureContent,
    maxContentLength: typeof max === 'number' && max >= 0 ? max : DEFAULT_MAX_CONTENT_LENGTH,
    injectStreamUsage: config.injectStreamUsage ?? true,
    priceTable: config.priceTable,
    providerName: config.providerName,
  };
}
