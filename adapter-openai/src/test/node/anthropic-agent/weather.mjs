// The tool of the scripts: the model asks for it, the script runs it, the model answers with its result.
export const FORECAST = "18°C and sunny";

export const weatherTool = {
  name: "get_weather",
  description: "The current weather in a city",
  input_schema: {
    type: "object",
    properties: { city: { type: "string", description: "The city, such as Paris" } },
    required: ["city"],
  },
};

export function getWeather(input) {
  return `${FORECAST} in ${input.city}`;
}

/** The text blocks of a message, joined. */
export function textOf(message) {
  return message.content.filter((block) => block.type === "text").map((block) => block.text).join("");
}

/** Prints one JSON line: the Java test reads each line's fields. */
export function report(name, value) {
  console.log(JSON.stringify({ [name]: value }));
}
