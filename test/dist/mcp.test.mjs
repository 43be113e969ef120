// deepseek-cost mcp, as an agent runs it: the built CLI started over stdio by the official MCP
// client, every tool listed and called, answers compared with the CLI's own output.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { connect, makeProject, repo } from './helpers.mjs';

const cli = path.join(repo, 'dist', 'cli.js');
const TOOLS = ['deepseek-cost_checkModelId', 'deepseek-cost_lintFile', 'deepseek-cost_lintWorkspace', 'deepseek-cost_estimatePrompt', 'deepseek-cost_spend'];

function text(result) {
  assert.equal(result.content.length, 1);
  assert.equal(result.content[0].type, 'text');
  return result.content[0].text;
}

function cliOut(args, cwd) {
  return spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
}

test('deepseek-cost mcp lists the five tools with their schemas and answers each over stdio', async () => {
  const dir = makeProject();
  const client = await connect(process.execPath, [cli, 'mcp', '--usage-log', 'proxy.jsonl'], dir);
  try {
    assert.equal(client.getServerVersion()?.name, 'deepseek-cost');
    assert.match(client.getInstructions() ?? '', /check DeepSeek model IDs before writing them/);
    const { tools } = await client.listTools();
    assert.deepEqual(tools.map((t) => t.name), TOOLS);
    const check = tools.find((t) => t.name === 'deepseek-cost_checkModelId');
    assert.deepEqual(check.inputSchema.required, ['modelId']);
    assert.equal(check.inputSchema.additionalProperties, false);
    assert.ok(tools.every((t) => t.description.length > 100 && t.annotations?.readOnlyHint === true), 'descriptions are written for the model; every tool only reads');

    const id = await client.callTool({ name: 'deepseek-cost_checkModelId', arguments: { modelId: 'deepseek-chat', at: '2026-11-23T03:00:00Z' } });
    assert.equal(id.isError, false);
    assert.match(text(id), /^deepseek-chat on DeepSeek API at 2026-11-23 03:00 UTC: RETIRED since 2026-07-24 15:59 UTC/);
    assert.match(text(id), /Replace with \(in preference order\): deepseek-v4-flash /);

    const at = '2026-11-23T03:00:00Z';
    const lintLines = cliOut(['lint', 'app.py', '--at', at], dir).stdout.trim().split('\n');
    const file = text(await client.callTool({ name: 'deepseek-cost_lintFile', arguments: { path: 'app.py', at } }));
    assert.equal(file.split('\n')[0], lintLines[0], 'the same finding line as deepseek-cost lint');
    assert.match(file, /1 finding \(1 errors, 0 warnings\) in 1 file scanned, at 2026-11-23 03:00 UTC \(catalog of \d{4}-\d{2}-\d{2}\)\./);

    const all = text(await client.callTool({ name: 'deepseek-cost_lintWorkspace', arguments: { at } }));
    const wholeCli = cliOut(['lint', '--at', at], dir).stdout.trim().split('\n');
    assert.deepEqual(all.split('\n').slice(0, wholeCli.length - 1), wholeCli.slice(0, -1));
    assert.match(all, /2 findings \(2 errors, 0 warnings\) in 2 files scanned/);

    const estimate = text(await client.callTool({ name: 'deepseek-cost_estimatePrompt', arguments: { file: 'app.py', at } }));
    const estimateCli = cliOut(['estimate', 'app.py', '--at', at], dir).stdout.trim().split('\n');
    assert.equal(estimate.split('\n')[0], estimateCli[0]);
    const priced = text(await client.callTool({ name: 'deepseek-cost_estimatePrompt', arguments: { text: 'Summarise this invoice in two lines.', model: 'deepseek-v4-pro', at } }));
    const exact = spawnSync(process.execPath, [cli, 'tokens', '-'], { cwd: dir, input: 'Summarise this invoice in two lines.', encoding: 'utf8' }).stdout.trim();
    assert.ok(priced.startsWith(`${exact} tokens (DeepSeek-V4 tokenizer, exact)`), priced);
    assert.match(priced, /price source dated \d{4}-\d{2}-\d{2}/);

    const spend = text(await client.callTool({ name: 'deepseek-cost_spend', arguments: { since: '2026-07-15T00:00:00Z' } }));
    const spendCli = JSON.parse(cliOut(['spend', 'proxy.jsonl', '--since', '2026-07-15T00:00:00Z', '--format', 'json'], dir).stdout);
    assert.match(spend, new RegExp(`Session \\(since 2026-07-15 00:00 UTC\\): \\$[0-9.]+ over ${spendCli.requests} requests`));
  } finally {
    await client.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bad calls come back as tool errors the agent can read, and the server keeps serving', async () => {
  const dir = makeProject();
  const client = await connect(process.execPath, [cli, 'mcp'], dir);
  try {
    const missing = await client.callTool({ name: 'deepseek-cost_lintFile', arguments: { path: 'nope.py' } });
    assert.equal(missing.isError, true);
    assert.match(text(missing), /nope\.py/);
    const invalid = await client.callTool({ name: 'deepseek-cost_checkModelId', arguments: { model: 'deepseek-chat' } });
    assert.equal(invalid.isError, true);
    assert.match(text(invalid), /modelId/);
    const noLogs = await client.callTool({ name: 'deepseek-cost_spend', arguments: {} });
    assert.equal(noLogs.isError, true);
    assert.match(text(noLogs), /--usage-log/);
    const still = await client.callTool({ name: 'deepseek-cost_checkModelId', arguments: { modelId: 'deepseek-v4-pro' } });
    assert.equal(still.isError, false);
    assert.match(text(still), /CURRENT since/);
  } finally {
    await client.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('deepseek-cost mcp with a bad --catalog exits 2 before serving, with the reason on stderr', () => {
  const dir = makeProject();
  try {
    writeFileSync(path.join(dir, 'bad.json'), '{ not json');
    const r = spawnSync(process.execPath, [cli, 'mcp', '--catalog', 'bad.json'], { cwd: dir, encoding: 'utf8', input: '' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--catalog bad\.json: not valid JSON/);
    assert.equal(r.stdout, '', 'stdout belongs to the protocol');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
