// The AI SDK's own reader of a UI message stream, as its chat transport reads a reply: fetch the
// stream, parse it with parseJsonEventStream and validate every chunk with uiMessageChunkSchema (what
// DefaultChatTransport does), and write each text delta to a file as it comes.
// Usage: node reader.mjs URL REQUEST_BODY_FILE OUTPUT_FILE
import { createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { parseJsonEventStream, uiMessageChunkSchema } from 'ai';

const [url, bodyFile, outFile] = process.argv.slice(2);
const response = await fetch(url, {
  method: 'POST',
  headers: { 'content-type': 'application/json', cookie: 'wos-session=bench' },
  body: readFileSync(bodyFile),
});
if (!response.ok) {
  throw new Error(`HTTP ${response.status}`);
}
const out = createWriteStream(outFile);
let deltas = 0;
for await (const chunk of parseJsonEventStream({ stream: response.body, schema: uiMessageChunkSchema })) {
  if (!chunk.success) {
    throw chunk.error;
  }
  if (chunk.value.type === 'text-delta') {
    deltas++;
    if (!out.write(chunk.value.delta)) {
      await once(out, 'drain');
    }
  }
}
out.end('\n');
await once(out, 'finish');
process.stderr.write(`${deltas} text deltas\n`);
