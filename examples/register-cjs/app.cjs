// Run: OPENAI_API_KEY=… LANGFUSE_PUBLIC_KEY=… LANGFUSE_SECRET_KEY=… \
//      OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4318 OTEL_SERVICE_NAME=chat-cjs npm start
// A small HTTP service: each request is a trace (incoming HTTP span → OpenAI generation).
const http = require('node:http');
const OpenAI = require('openai');
const pino = require('pino');
const { score } = require('@spanfuse/node');

const logger = pino();
const openai = new OpenAI();

http
  .createServer(async (req, res) => {
    logger.info({ url: req.url }, 'question received');
    const completion = await openai.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Tell me a fact about otters.' }],
    });
    // Attach a score to this trace in Langfuse (never throws).
    await score({ name: 'answered', value: 1, dataType: 'BOOLEAN' });
    res.end(completion.choices[0]?.message.content ?? '');
  })
  .listen(3000, () => logger.info('listening on http://localhost:3000'));
// SIGTERM (e.g. from Kubernetes): Spanfuse flushes, then the process exits as it would have.
