// Starts the three loopback backends an e2e test needs and the env that points an app at them.
import {
  type FakeLangfuse,
  type FakeOpenAI,
  type OtlpReceiver,
  startFakeLangfuse,
  startFakeOpenAI,
  startOtlpReceiver,
} from '@spanfuse/test-fakes';

export interface Backends {
  tempo: OtlpReceiver;
  langfuse: FakeLangfuse;
  openai: FakeOpenAI;
  /** Env for an app sending to all of them (Langfuse keys included). */
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function startBackends(): Promise<Backends> {
  const [tempo, langfuse, openai] = await Promise.all([
    startOtlpReceiver(),
    startFakeLangfuse(),
    startFakeOpenAI(),
  ]);
  return {
    tempo,
    langfuse,
    openai,
    env: {
      OTEL_EXPORTER_OTLP_ENDPOINT: tempo.url,
      LANGFUSE_PUBLIC_KEY: langfuse.publicKey,
      LANGFUSE_SECRET_KEY: langfuse.secretKey,
      LANGFUSE_BASE_URL: langfuse.url,
      LANGFUSE_FLUSH_INTERVAL: '0.2',
      OPENAI_BASE_URL: openai.url,
    },
    async close() {
      await Promise.all([tempo.close(), langfuse.close(), openai.close()]);
    },
  };
}
