// A full tool loop against t3 serve's Messages API with the official SDK, three ways: by hand with
// messages.create, streamed with messages.stream, and with the SDK's own tool runner. The base URL and
// the key come from ANTHROPIC_BASE_URL and ANTHROPIC_API_KEY, which the SDK reads itself.
import Anthropic from "@anthropic-ai/sdk";
import { betaTool } from "@anthropic-ai/sdk/helpers/beta/json-schema";
import { weatherTool, getWeather, textOf, report } from "./weather.mjs";

const client = new Anthropic({ maxRetries: 0 });
const model = "claude-sonnet-4-5";
const question = { role: "user", content: "What is the weather in Paris?" };

async function byHand() {
  const messages = [question];
  let calls = 0;
  for (;;) {
    const message = await client.messages.create({ model, max_tokens: 1024, tools: [weatherTool], messages });
    if (message.stop_reason !== "tool_use") {
      return { answer: textOf(message), calls, model: message.model, stop: message.stop_reason };
    }
    messages.push({ role: "assistant", content: message.content });
    const results = message.content.filter((block) => block.type === "tool_use").map((use) => {
      calls++;
      return { type: "tool_result", tool_use_id: use.id, content: getWeather(use.input) };
    });
    messages.push({ role: "user", content: results });
  }
}

async function streamed() {
  const messages = [question];
  const seen = new Set();
  let calls = 0;
  for (;;) {
    const stream = client.messages.stream({ model, max_tokens: 1024, tools: [weatherTool], messages });
    stream.on("streamEvent", (event) => {
      seen.add(event.type === "content_block_delta" ? event.delta.type : event.type);
    });
    let text = "";
    stream.on("text", (delta) => { text += delta; });
    const message = await stream.finalMessage();
    if (message.stop_reason !== "tool_use") {
      return { answer: textOf(message), streamedText: text, calls, events: [...seen].sort() };
    }
    messages.push({ role: "assistant", content: message.content });
    messages.push({
      role: "user",
      content: message.content.filter((block) => block.type === "tool_use").map((use) => {
        calls++;
        return { type: "tool_result", tool_use_id: use.id, content: getWeather(use.input) };
      }),
    });
  }
}

async function toolRunner() {
  let calls = 0;
  const tool = betaTool({
    name: weatherTool.name,
    description: weatherTool.description,
    inputSchema: weatherTool.input_schema,
    run: (input) => { calls++; return getWeather(input); },
  });
  const message = await client.beta.messages.toolRunner({ model, max_tokens: 1024, tools: [tool], messages: [question] });
  return { answer: textOf(message), calls };
}

async function wrongKey() {
  const wrong = new Anthropic({ apiKey: "not-the-gateway-key", maxRetries: 0 });
  try {
    await wrong.messages.create({ model, max_tokens: 64, messages: [question] });
    return { error: "none" };
  } catch (error) {
    return { error: error.constructor.name, status: error.status, type: error.error?.error?.type };
  }
}

report("byHand", await byHand());
report("streamed", await streamed());
report("toolRunner", await toolRunner());
report("tokens", (await client.messages.countTokens({ model, tools: [weatherTool], messages: [question] })).input_tokens);
report("wrongKey", await wrongKey());
