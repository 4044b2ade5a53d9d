// Structured output: a JSON Schema response format on Chat Completions (the SDK's parse helper) and a
// text.format on the Responses API.
import { client, model, report } from './weather.mjs';

const schema = {
  type: 'object',
  properties: { name: { type: 'string' }, population: { type: 'integer' } },
  required: ['name', 'population'],
  additionalProperties: false,
};

const parsed = await client.chat.completions.parse({
  model,
  messages: [{ role: 'user', content: 'Facts about Paris' }],
  response_format: { type: 'json_schema', json_schema: { name: 'city', schema, strict: true } },
});
report('chat', parsed.choices[0].message.parsed);

const response = await client.responses.create({
  model,
  input: 'Facts about Paris',
  text: { format: { type: 'json_schema', name: 'city', schema, strict: true } },
});
report('responses', JSON.parse(response.output_text));
