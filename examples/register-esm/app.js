// Run: OPENAI_API_KEY=… LANGFUSE_PUBLIC_KEY=… LANGFUSE_SECRET_KEY=… \
//      OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4318 OTEL_SERVICE_NAME=chat-esm npm start
// No tracing code here: the register entry instruments openai, http, fetch and pino.
import { trace } from '@opentelemetry/api';
import OpenAI from 'openai';
import pino from 'pino';

const logger = pino();
const openai = new OpenAI();

// An app span groups the LLM call; it becomes the Langfuse trace (named by langfuse.trace.name).
await trace.getTracer('chat-esm').startActiveSpan('answer-question', async (span) => {
  span.setAttribute('langfuse.trace.name', 'answer-question');
  logger.info('asking the model'); // carries trace_id/span_id for Loki → Tempo
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: 'Say hello in one word.' }],
  });
  logger.info({ answer: completion.choices[0]?.message.content }, 'model answered');
  span.end();
});
// Nothing else to do: the register entry flushes on exit (beforeExit, SIGTERM, SIGINT).
