// package.json declares the same tools, descriptions and input schemas as the registry the MCP
// server and the extension use, so VS Code's agents and MCP clients see the same tools.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { resolvedManifest } from '../../support/manifest';
import { AGENT_TOOL_KEYS, AGENT_TOOLS, inputJsonSchema } from '../../../src/agentTools/definitions';
import { AGENT_TOOL_NAMES } from '../../../src/agentTools/names';

type ManifestTool = { name: string; displayName: string; toolReferenceName: string; modelDescription: string; userDescription: string; inputSchema: unknown; canBeReferencedInPrompt: boolean };
const manifest = resolvedManifest();
const tools = (manifest.contributes as { languageModelTools?: ManifestTool[] }).languageModelTools ?? [];

test('every agent tool is contributed with the registry\'s name, descriptions and input schema', () => {
  assert.deepEqual(tools.map((t) => t.name), AGENT_TOOL_KEYS.map((k) => AGENT_TOOLS[k].name));
  for (const key of AGENT_TOOL_KEYS) {
    const def = AGENT_TOOLS[key];
    const t = tools.find((x) => x.name === def.name)!;
    assert.equal(t.name, AGENT_TOOL_NAMES[key]);
    assert.equal(t.displayName, def.displayName);
    assert.equal(t.toolReferenceName, def.toolReferenceName);
    assert.equal(t.modelDescription, def.description, `${def.name}: modelDescription differs from src/agentTools/definitions.ts`);
    assert.equal(t.userDescription, def.userDescription);
    assert.equal(t.canBeReferencedInPrompt, true);
    assert.deepEqual(t.inputSchema, inputJsonSchema(key), `${def.name}: inputSchema differs from its zod schema`);
    // VS Code's rule for tool names, and MCP's.
    assert.match(def.name, /^[\w-]{1,64}$/);
  }
});

test('the MCP server definition provider the extension registers is the one the manifest declares', () => {
  const providers = (manifest.contributes as { mcpServerDefinitionProviders?: { id: string; label: string }[] }).mcpServerDefinitionProviders ?? [];
  assert.equal(providers.length, 1);
  const source = readFileSync(path.resolve(__dirname, '../../../src/client/agentTools/index.ts'), 'utf8');
  assert.ok(source.includes(`registerMcpServerDefinitionProvider('${providers[0].id}'`), `src/client/agentTools/index.ts must register ${providers[0].id}`);
});

test('the README shows what an agent really gets from checkModelId', async () => {
  const { runAgentTool } = await import('../../../src/agentTools/run');
  const { context } = await import('./helpers');
  const readme = readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
  const example = /An agent sees, for example:\n\n```\n([\s\S]*?)\n```/.exec(readme)?.[1];
  assert.ok(example, 'the README has the example');
  const at = /at (\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}) UTC/.exec(example)!;
  const answer = await runAgentTool('checkModelId', { modelId: 'deepseek-chat' }, context('/', `${at[1]}T${at[2]}:00Z`));
  assert.equal(example, answer.text);
});
