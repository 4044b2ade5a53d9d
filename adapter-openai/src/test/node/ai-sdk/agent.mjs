// The README's AI SDK example (README.md, "node-example:ai-sdk"): a tool the model may call, run by the SDK,
// over the Responses API (t3('…')) and over Chat Completions (t3.chat('…')); then structured output.
// readme:ai-sdk
import { createOpenAI } from "@ai-sdk/openai";
import { generateObject, generateText, stepCountIs, tool } from "ai";
import { z } from "zod";

const t3 = createOpenAI({ baseURL: process.env.T3_BASE_URL, apiKey: process.env.T3_GATEWAY_KEY });
const getWeather = tool({
  description: "The current weather in a city",
  inputSchema: z.object({ city: z.string() }),
  execute: async ({ city }) => `18°C and sunny in ${city}`,
});

for (const model of [t3("gemini-2.5-flash"), t3.chat("gemini-2.5-flash")]) {
  const { text, steps } = await generateText({
    model, tools: { get_weather: getWeather }, stopWhen: stepCountIs(3),
    prompt: "What is the weather in Paris?",
  });
  console.log(JSON.stringify({ text, steps: steps.length }));
}

const { object } = await generateObject({
  model: t3("gemini-2.5-flash"),
  schema: z.object({ name: z.string(), population: z.number().int() }),
  prompt: "Facts about Paris",
});
console.log(JSON.stringify(object));
// end
