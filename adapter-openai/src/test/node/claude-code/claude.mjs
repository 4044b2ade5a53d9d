// Runs Claude Code (the binary its npm package installs for this platform) with this script's arguments,
// passing its output and exit code through. The package's own launcher is set up by an install script,
// which the tests do not run (npm ci --ignore-scripts), so this finds the platform's binary itself.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

const scope = join(import.meta.dirname ?? new URL(".", import.meta.url).pathname, "node_modules", "@anthropic-ai");
const wanted = `claude-code-${process.platform}-${process.arch}`;
const folder = readdirSync(scope).find((name) => name === wanted || name === `${wanted}-musl`);
const binary = folder && join(scope, folder, process.platform === "win32" ? "claude.exe" : "claude");
if (!binary || !existsSync(binary)) {
  console.error(`No Claude Code binary for ${process.platform}-${process.arch} in ${scope}`);
  process.exit(3);
}
const run = spawnSync(binary, process.argv.slice(2), { stdio: "inherit" });
process.exit(run.status ?? 1);
