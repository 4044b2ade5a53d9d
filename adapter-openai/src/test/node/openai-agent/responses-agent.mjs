// A full agent loop over the Responses API: function tools, function_call_output items and
// previous_response_id; then the first turn streamed through the SDK's stream helper.
import { client, model, parameters, getWeather, report } from './weather.mjs';

const tools = [{ type: 'function', name: 'get_weather', description: 'The current weather in a city', parameters, strict: true }];

async function loop() {
  let response = await client.responses.create({ model, tools, input: 'What is the weather in Paris?' });
  let calls = 0;
  for (let turn = 0; turn < 5; turn++) {
    const pending = response.output.filter((item) => item.type === 'function_call');
    if (pending.length === 0) {
      return { answer: response.output_text, calls };
    }
    const input = pending.map((call) => {
      calls++;
      return { type: 'function_call_output', call_id: call.call_id, output: getWeather(JSON.parse(call.arguments)) };
    });
    response = await client.responses.create({ model, tools, previous_response_id: response.id, input });
  }
  throw new Error('no answer after 5 turns');
}

async function streamed() {
  const stream = client.responses.stream({ model, tools, input: 'What is the weather in Paris?' });
  const types = new Set();
  for await (const event of stream) {
    types.add(event.type);
  }
  const final = await stream.finalResponse();
  const call = final.output.find((item) => item.type === 'function_call');
  return { status: final.status, name: call.name, arguments: JSON.parse(call.arguments), sawArgumentDeltas: types.has('response.function_call_arguments.delta') };
}

report('loop', await loop());
report('streamed', await streamed());
