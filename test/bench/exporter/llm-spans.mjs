// LLM-like span content for the exporter benchmark: gen_ai.* attributes (model, usage, finish
// reason) plus ~1 KiB of input messages and ~1 KiB of output messages, as a chat instrumentation
// records them. Texts come from a seeded generator, so every run sends the same bytes; a pool of
// 1024 distinct texts keeps neighbouring spans different (no unrealistically compressible batch).

const WORDS = (
  'the a model user answer question tokens context retrieval document summary explain why how ' +
  'customer order invoice refund policy shipping weather forecast code function error stack trace ' +
  'database query index latency cache request response stream chunk embedding vector search rank ' +
  'score prompt system assistant tool call result json schema field value list item table row'
).split(' ');

function seededRandom(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function text(rand, bytes) {
  let out = '';
  while (out.length < bytes) out += `${WORDS[Math.floor(rand() * WORDS.length)]} `;
  return out.slice(0, bytes);
}

/** Builds `count` distinct [inputMessagesJson, outputMessagesJson] pairs of ~1 KiB each. */
export function buildContentPool(count = 1024) {
  const rand = seededRandom(42);
  const pool = [];
  for (let i = 0; i < count; i++) {
    const input = JSON.stringify([
      { role: 'system', parts: [{ type: 'text', content: text(rand, 300) }] },
      { role: 'user', parts: [{ type: 'text', content: text(rand, 640) }] },
    ]);
    const output = JSON.stringify([
      { role: 'assistant', parts: [{ type: 'text', content: text(rand, 960) }], finish_reason: 'stop' },
    ]);
    pool.push([input, output]);
  }
  return pool;
}

/**
 * Creates and ends one LLM-like CLIENT span (kind 2) on `tracer`, as a root span (one generation
 * per trace, the common shape of a single chat call).
 */
export function recordLlmSpan(tracer, pool, i) {
  const [input, output] = pool[i % pool.length];
  const span = tracer.startSpan('chat gpt-4o-mini', {
    kind: 2,
    attributes: {
      'gen_ai.operation.name': 'chat',
      'gen_ai.system': 'openai',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'gpt-4o-mini',
      'gen_ai.request.temperature': 0.2,
      'gen_ai.request.max_tokens': 512,
      'server.address': 'api.openai.com',
      'server.port': 443,
      'gen_ai.input.messages': input,
    },
  });
  span.setAttributes({
    'gen_ai.response.model': 'gpt-4o-mini-2024-07-18',
    'gen_ai.response.id': `chatcmpl-${i.toString(36).padStart(10, '0')}`,
    'gen_ai.response.finish_reasons': ['stop'],
    'gen_ai.usage.input_tokens': 230 + (i % 17),
    'gen_ai.usage.output_tokens': 210 + (i % 23),
    'gen_ai.output.messages': output,
  });
  span.end();
}
