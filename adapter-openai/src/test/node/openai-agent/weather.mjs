// The one tool of these agents, and what every script shares: the client (base URL and key from the
// environment, as the openai package reads them: OPENAI_BASE_URL, OPENAI_API_KEY) and a model id.
import OpenAI from 'openai';

export const client = new OpenAI({ maxRetries: 0, timeout: 60_000 });
export const model = process.env.T3_TEST_MODEL ?? 'gemini-2.5-flash';

export const parameters = {
  type: 'object',
  properties: { city: { type: 'string', description: 'The city, such as Paris' } },
  required: ['city'],
  additionalProperties: false,
};

/** Runs the tool: what the test's fake model then reports back. */
export function getWeather({ city }) {
  return `18°C and sunny in ${city}`;
}

/** One line of output per result, for the test to read. */
export function report(name, value) {
  process.stdout.write(JSON.stringify({ [name]: value }) + '\n');
}
