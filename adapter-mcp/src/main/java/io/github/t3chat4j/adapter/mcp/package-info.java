/**
 * {@code t3 mcp}: t3.chat's models as tools for any host of the Model Context Protocol (Claude Desktop and
 * Code, Cursor, VS Code, …), over standard input and output or the protocol's streamable HTTP transport on
 * loopback. A driving adapter built on the official MCP Java SDK: the protocol (JSON-RPC, sessions,
 * schemas) is the SDK's; this package says which tools, resources and prompts there are, and calls the
 * t3chat4j library for them in one place ({@code T3Calls}).
 */
package io.github.t3chat4j.adapter.mcp;
