// An MCP host, as the official TypeScript SDK's client makes one, driving `t3 mcp`.
// Usage: node host.mjs tour|expired|http
// The server's command comes from T3_JAVA and T3_JAR (and T3_MCP_ARGS, JSON); the environment of the
// server from T3_SERVER_ENV (JSON); for http, the URL and key from T3_MCP_URL and T3_MCP_KEY.
// Prints one JSON report on standard output; the Java test asserts on it.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const mode = process.argv[2];
const report = { mode };

function texts(result) {
  return (result.content ?? []).filter((c) => c.type === "text").map((c) => c.text).join("\n");
}

async function stdioClient() {
  const transport = new StdioClientTransport({
    command: process.env.T3_JAVA,
    args: ["-jar", process.env.T3_JAR, ...JSON.parse(process.env.T3_MCP_ARGS ?? '["mcp", "--demo"]')],
    env: JSON.parse(process.env.T3_SERVER_ENV ?? "{}"),
    stderr: "pipe",
  });
  const stderr = [];
  transport.stderr?.on("data", (chunk) => stderr.push(chunk.toString()));
  const client = new Client({ name: "t3chat4j-ts-host", version: "1.0.0" });
  await client.connect(transport);
  return { client, stderr };
}

async function tour(client) {
  report.server = client.getServerVersion();
  report.tools = (await client.listTools()).tools.map((t) => ({
    name: t.name, required: t.inputSchema.required ?? [], hasOutputSchema: !!t.outputSchema,
  }));
  const progress = [];
  const ask = await client.callTool({ name: "ask", arguments: { prompt: "Hello from TypeScript" } }, undefined,
    { onprogress: (p) => progress.push(p) });
  report.ask = { text: texts(ask), structured: ask.structuredContent, isError: !!ask.isError, progress: progress.length };
  const again = await client.callTool({ name: "ask", arguments: {
    prompt: "Once more", conversation_id: ask.structuredContent.conversation_id } });
  report.continued = again.structuredContent;
  const image = await client.callTool({ name: "generate_image", arguments: { prompt: "a red bicycle" } });
  const picture = image.content.find((c) => c.type === "image");
  report.image = { isError: !!image.isError, mimeType: picture?.mimeType,
    png: picture ? Buffer.from(picture.data, "base64").subarray(1, 4).toString() === "PNG" : false };
  const models = await client.callTool({ name: "list_models", arguments: { provider: "openai" } });
  report.models = models.structuredContent.models.map((m) => m.provider.toLowerCase() + "/" + m.developer.toLowerCase());
  const credits = await client.callTool({ name: "credits", arguments: {} });
  report.credits = credits.structuredContent;
  const listed = await client.callTool({ name: "conversations", arguments: { action: "list", limit: 5 } });
  report.conversations = listed.structuredContent.conversations.map((c) => c.id);
  const resource = await client.readResource({ uri: `t3://conversations/${ask.structuredContent.conversation_id}` });
  report.resource = { mimeType: resource.contents[0].mimeType, text: resource.contents[0].text };
  report.prompts = (await client.listPrompts()).prompts.map((p) => p.name);
  const unknown = await client.callTool({ name: "ask", arguments: { prompt: "hi", model: "claude-4-sonet" } });
  report.unknownModel = { isError: !!unknown.isError, text: texts(unknown) };
  try {
    const bad = await client.callTool({ name: "ask", arguments: { prompt: 42 } });
    report.badArgument = { isError: !!bad.isError, text: texts(bad) };
  } catch (e) {
    report.badArgument = { thrown: String(e.message ?? e) };
  }

  // A cancelled ask: abort once the answer has begun to arrive, then find what was kept.
  const controller = new AbortController();
  let started = false;
  try {
    await client.callTool({ name: "ask", arguments: { prompt: "answer slowly please" } }, undefined, {
      signal: controller.signal,
      onprogress: () => { if (!started) { started = true; controller.abort("the user pressed stop"); } },
    });
    report.cancelled = { aborted: false };
  } catch (e) {
    report.cancelled = { aborted: controller.signal.aborted, started };
  }
  // The cancelled conversation is saved with what arrived, marked incomplete; wait (bounded) for it.
  for (let attempt = 0; attempt < 100 && !report.cancelled.kept; attempt++) {
    const newest = await client.callTool({ name: "conversations", arguments: { action: "list", limit: 1 } });
    const id = newest.structuredContent.conversations[0]?.id;
    if (id && id !== report.continued.conversation_id && id !== ask.structuredContent.conversation_id) {
      const read = await client.callTool({ name: "conversations", arguments: { action: "read", id } });
      const messages = read.structuredContent.conversation.messages;
      if (messages.length >= 2) {
        report.cancelled.kept = messages[messages.length - 1].text;
      }
    }
    if (!report.cancelled.kept) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function expired(client) {
  const ask = await client.callTool({ name: "ask", arguments: { prompt: "hello" } });
  const credits = await client.callTool({ name: "credits", arguments: {} });
  report.ask = { isError: !!ask.isError, text: texts(ask) };
  report.credits = { isError: !!credits.isError, text: texts(credits) };
  report.everything = JSON.stringify([ask, credits, await client.listTools()]);
}

async function http() {
  const url = new URL(process.env.T3_MCP_URL);
  const withKey = new StreamableHTTPClientTransport(url, {
    requestInit: { headers: { Authorization: `Bearer ${process.env.T3_MCP_KEY}` } },
  });
  const client = new Client({ name: "t3chat4j-ts-host", version: "1.0.0" });
  await client.connect(withKey);
  report.tools = (await client.listTools()).tools.map((t) => t.name);
  const ask = await client.callTool({ name: "ask", arguments: { prompt: "Hello over HTTP" } });
  report.ask = texts(ask);
  await client.close();

  const wrongKey = new StreamableHTTPClientTransport(url, {
    requestInit: { headers: { Authorization: "Bearer not-the-key-at-all" } },
  });
  try {
    await new Client({ name: "t3chat4j-ts-host", version: "1.0.0" }).connect(wrongKey);
    report.wrongKey = "connected";
  } catch (e) {
    report.wrongKey = String(e.message ?? e);
  }
  const noKey = new StreamableHTTPClientTransport(url);
  try {
    await new Client({ name: "t3chat4j-ts-host", version: "1.0.0" }).connect(noKey);
    report.noKey = "connected";
  } catch (e) {
    report.noKey = String(e.message ?? e);
  }
}

try {
  if (mode === "http") {
    await http();
  } else {
    const { client, stderr } = await stdioClient();
    if (mode === "tour") {
      await tour(client);
    } else {
      await expired(client);
    }
    await client.close();
    report.stderr = stderr.join("");
  }
  process.stdout.write(JSON.stringify(report) + "\n");
} catch (e) {
  process.stderr.write(`host.mjs ${mode} failed: ${e?.stack ?? e}\n`);
  process.stdout.write(JSON.stringify(report) + "\n");
  process.exit(1);
}
