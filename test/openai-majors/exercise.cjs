// The calls each openai-major fixture app makes against the fake OpenAI server (FAKE_OPENAI_URL):
// chat, streamed chat, Responses and embeddings. Prints what the app itself saw as one
// `APP {...}` stdout line. The apps pass in their own `openai` export and version, resolved from
// their folder (v4/, v5/), so this file never decides which major is under test.
async function exercise(OpenAI, version, format) {
  const client = new OpenAI({ baseURL: process.env.FAKE_OPENAI_URL, apiKey: 'sk-fixture', maxRetries: 0 });
  const messages = [{ role: 'user', content: `hello from ${format}` }];

  const chat = await client.chat.completions.create({ model: 'gpt-4o-mini', messages });

  const stream = await client.chat.completions.create({ model: 'gpt-4o-mini', messages, stream: true });
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);

  const response = await client.responses.create({ model: 'gpt-4.1', input: `hello from ${format}` });

  const embeddings = await client.embeddings.create({ model: 'text-embedding-3-small', input: format });

  const seen = {
    version,
    chat: chat.choices[0].message.content,
    streamChunks: chunks.length,
    streamText: chunks.map((c) => c.choices[0]?.delta?.content ?? '').join(''),
    // with injectStreamUsage the instrumentation asked for usage: the app must not see that
    streamChunksWithUsageKey: chunks.filter((c) => 'usage' in c).length,
    streamChunksWithoutChoices: chunks.filter((c) => c.choices.length === 0).length,
    responseText: response.output_text,
    embedding0: embeddings.data[0].embedding[0],
  };
  process.stdout.write(`APP ${JSON.stringify(seen)}\n`);
}

module.exports = { exercise };
