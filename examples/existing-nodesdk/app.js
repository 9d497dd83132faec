import OpenAI from 'openai';
import pino from 'pino';

const logger = pino();
const completion = await new OpenAI().chat.completions.create({
  model: 'gpt-4o-mini',
  messages: [{ role: 'user', content: 'One word for "fast"?' }],
});
logger.info({ answer: completion.choices[0]?.message.content }, 'done');
