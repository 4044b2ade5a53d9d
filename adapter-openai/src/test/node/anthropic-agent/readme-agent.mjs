// The README's Anthropic SDK example (README.md, "node-example:anthropic-node"): a tool loop over the Messages
// API; the SDK reads the base URL and the key from ANTHROPIC_BASE_URL and ANTHROPIC_API_KEY.
// node-example:anthropic-node
import Anthropic from "@anthropic-ai/sdk";

const client = new Anthropic();   // ANTHROPIC_BASE_URL=http://127.0.0.1:8787, ANTHROPIC_API_KEY=<the key>
const tools = [{
  name: "get_weather", description: "The current weather in a city",
  input_schema: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
}];
const messages = [{ role: "user", content: "What is the weather in Paris?" }];
for (;;) {
  const message = await client.messages.create({ model: "claude-sonnet-4-5", max_tokens: 1024, tools, messages });
  messages.push({ role: "assistant", content: message.content });
  if (message.stop_reason !== "tool_use") {
    console.log(message.model, message.content.find((block) => block.type === "text").text);
    break;
  }
  messages.push({ role: "user", content: message.content.filter((block) => block.type === "tool_use").map((use) =>
    ({ type: "tool_result", tool_use_id: use.id, content: `18°C and sunny in ${use.input.city}` })) });
}
// end
