// A full agent loop over Chat Completions: the model asks for a tool, this script runs it and sends the
// result back, until the model answers. Then the same with the SDK's runTools helper, and streamed with
// the SDK's stream helper.
import { client, model, parameters, getWeather, report } from './weather.mjs';

const tools = [{ type: 'function', function: { name: 'get_weather', description: 'The current weather in a city', parameters } }];

async function manualLoop() {
  const messages = [{ role: 'user', content: 'What is the weather in Paris?' }];
  let calls = 0;
  for (let turn = 0; turn < 5; turn++) {
    const completion = await client.chat.completions.create({ model, messages, tools });
    const message = completion.choices[0].message;
    messages.push(message);
    if (completion.choices[0].finish_reason !== 'tool_calls') {
      return { answer: message.content, calls };
    }
    for (const call of message.tool_calls) {
      calls++;
      const result = getWeather(JSON.parse(call.function.arguments));
      messages.push({ role: 'tool', tool_call_id: call.id, content: result });
    }
  }
  throw new Error('no answer after 5 turns');
}

async function runTools() {
  const runner = client.chat.completions.runTools({
    model,
    messages: [{ role: 'user', content: 'What is the weather in Paris?' }],
    tools: [{ type: 'function', function: { name: 'get_weather', description: 'The current weather in a city',
      parameters, function: getWeather, parse: JSON.parse } }],
  });
  return await runner.finalContent();
}

async function streamed() {
  const stream = client.chat.completions.stream({ model, tools, messages: [{ role: 'user', content: 'What is the weather in Paris?' }] });
  let deltas = 0;
  stream.on('content', () => deltas++);
  const completion = await stream.finalChatCompletion();
  const call = completion.choices[0].message.tool_calls[0];
  return { finish: completion.choices[0].finish_reason, name: call.function.name, arguments: JSON.parse(call.function.arguments), deltas };
}

report('manual', await manualLoop());
report('runTools', await runTools());
report('streamed', await streamed());
