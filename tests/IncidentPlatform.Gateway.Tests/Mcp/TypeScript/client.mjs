// The official TypeScript MCP SDK as a client of the gateway: connects over Streamable HTTP with an API key, lists the
// tools and resource templates, calls a tool, and prints what it saw as one JSON object on stdout.
// Usage: node client.mjs <mcp url> <api key> <tool> <arguments as JSON>
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const [url, key, tool, args] = process.argv.slice(2);
const transport = new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { "X-Api-Key": key } } });
const client = new Client({ name: "incidentplatform-ts-test", version: "1.0.0" });
await client.connect(transport);
const tools = await client.listTools();
const templates = await client.listResourceTemplates();
const result = await client.callTool({ name: tool, arguments: JSON.parse(args) });
console.log(JSON.stringify({
  server: client.getServerVersion(),
  protocolVersion: transport.protocolVersion,
  tools: tools.tools.map(t => t.name),
  templates: templates.resourceTemplates.map(t => t.uriTemplate),
  result,
}));
await client.close();
