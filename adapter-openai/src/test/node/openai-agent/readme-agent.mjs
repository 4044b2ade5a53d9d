// The README's openai example (README.md, "node-example:openai-node"): an agent loop with one tool over Chat
// Completions, the base URL and key from the environment.
// readme:openai-node
import OpenAI from "openai";

const client = new OpenAI({ baseURL: process.env.T3_BASE_URL, apiKey: process.env.T3_GATEWAY_KEY });
const tools = [{
  type: "function",
  function: {
    name: "get_weather", description: "The current weather in a city",
    parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
  },
}];
const messages = [{ role: "user", content: "What is the weather in Paris?" }];
for (;;) {
  const completion = await client.chat.completions.create({ model: "gemini-2.5-flash", messages, tools });
  const { message, finish_reason } = completion.choices[0];
  messages.push(message);
  if (finish_reason !== "tool_calls") {
    console.log(message.content);
    break;
  }
  for (const call of message.tool_calls) {
    const { city } = JSON.parse(call.function.arguments);
    messages.push({ role: "tool", tool_call_id: call.id, content: `18°C and sunny in ${city}` });
  }
}
// end
