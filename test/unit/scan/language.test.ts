import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanLanguageFor } from '../../../src/core/scan';

test('VS Code language ids map to scanners', () => {
  const cases: [string, string][] = [
    ['python', 'python'], ['typescript', 'typescript'], ['typescriptreact', 'tsx'], ['javascript', 'javascript'],
    ['javascriptreact', 'javascript'], ['go', 'go'], ['java', 'java'], ['rust', 'rust'], ['json', 'json'],
    ['jsonc', 'json'], ['yaml', 'yaml'], ['toml', 'toml'], ['dotenv', 'dotenv'], ['markdown', 'markdown'],
    ['prompt', 'prompt-file'], ['csharp', 'fallback'], ['php', 'fallback'], ['plaintext', 'fallback'],
  ];
  for (const [id, expected] of cases) assert.equal(scanLanguageFor(id, 'untitled'), expected, id);
});

test('file names decide when the language id is unknown (CLI) or generic', () => {
  const cases: [string, string, string][] = [
    ['', '/repo/.env', 'dotenv'], ['plaintext', '.env.local', 'dotenv'], ['', 'prod.env', 'dotenv'],
    ['markdown', 'review.prompt.md', 'prompt-file'], ['', 'x.prompt', 'prompt-file'], ['plaintext', 'chat.prompty', 'prompt-file'],
    ['', 'a.py', 'python'], ['', 'a.tsx', 'tsx'], ['', 'a.mjs', 'javascript'], ['', 'C:\\src\\Main.java', 'java'],
    ['', 'lib.rs', 'rust'], ['', 'x.yml', 'yaml'], ['', 'pyproject.toml', 'toml'], ['', 'README.md', 'markdown'],
    ['', 'main.c', 'fallback'], ['', 'Makefile', 'fallback'], ['', 'environment.ts', 'typescript'],
  ];
  for (const [id, name, expected] of cases) assert.equal(scanLanguageFor(id, name), expected, name);
});
