// Shared by the tests of the built CLI and of the installed package.
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A project with two retired IDs (Python, TypeScript) and a prompt, plus a proxy log. */
export function makeProject() {
  const dir = mkdtempSync(path.join(tmpdir(), 'dcl-mcp-'));
  writeFileSync(path.join(dir, 'app.py'), 'from openai import OpenAI\nclient = OpenAI()\nr = client.chat.completions.create(model="deepseek-chat", messages=[{"role": "user", "content": "Summarise this invoice in two lines."}])\n');
  mkdirSync(path.join(dir, 'web'));
  writeFileSync(path.join(dir, 'web', 'llm.ts'), "export const cfg = { model: 'deepseek-reasoner' };\n");
  copyFileSync(path.join(repo, 'test', 'e2e', 'fixtures', 'proxy-usage.jsonl'), path.join(dir, 'proxy.jsonl'));
  return dir;
}

export async function connect(command, args, cwd) {
  const transport = new StdioClientTransport({ command, args, cwd, stderr: 'pipe' });
  const client = new Client({ name: 'deepseek-cost-tests', version: '1.0.0' });
  await client.connect(transport);
  return client;
}

