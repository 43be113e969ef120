// A project tree for the lint fast path: mentions of DeepSeek in every way a byte search could get
// wrong (UTF-16 text, upper case, a UTF-8 BOM, Latin-1 bytes, only in a .env or YAML file, only in
// a comment or a URL, in a gitignored file or folder, in a folder .deepseekcostignore names),
// spread over enough folders that several threads walking it at once deal its subtrees out.
// Shared by the unit test (source) and the test of the built CLI (worker threads).
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

function utf16le(text: string, bom = true): Buffer {
  const body = Buffer.from(text, 'utf16le');
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
}

/** Files by relative path; values are strings (UTF-8) or Buffers (exact bytes). */
export const SCREEN_TREE_FILES: Record<string, string | Buffer> = {
  '.git/HEAD': 'ref: refs/heads/main\n',
  '.gitignore': 'generated/\n*.gen.py\n',
  '.deepseekcostignore': 'vendor/\n',
  'vendor/lib.py': 'resp = client.chat.completions.create(model="deepseek-chat")\n',
  'app/client.py': 'resp = client.chat.completions.create(model="deepseek-chat", messages=[])\n',
  'app/upper.py': 'resp = client.chat.completions.create(model="DEEPSEEK-CHAT", messages=[])\n# DEEPSEEK, DeepSeek and DeepSeek-Chat in prose\n',
  'app/mixed.ts': '// DEEPSEEK gateway\nconst cfg = { model: "deepseek-reasoner" };\n',
  'app/bom.ts': '\ufeffconst cfg = { model: "deepseek-chat" };\n',
  'app/latin1.py': Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from('\nresp = client.chat.completions.create(model="deepseek-reasoner")\n')]),
  'app/utf16.py': utf16le('resp = client.chat.completions.create(model="deepseek-chat")\n'),
  'app/utf16-nobom.ts': utf16le('const cfg = { model: "deepseek-chat" };\n', false),
  'app/comment-only.go': 'package main\n\n// calls https://api.deepseek.com via deepseek-chat in the gateway docs\nfunc main() {}\n',
  'app/clean.rs': 'fn main() { println!("hello"); }\n',
  'config/.env': 'DEEPSEEK_MODEL=deepseek-chat\n',
  'config/service.yaml': 'llm:\n  model: deepseek-reasoner\n',
  'config/app.properties': 'spring.ai.deepseek.chat.options.model=deepseek-chat\n',
  'docs/notes.md': '```python\nclient.chat.completions.create(model="deepseek-chat")\n```\n',
  'generated/client.py': 'resp = client.chat.completions.create(model="deepseek-chat")\n',
  'app/old.gen.py': 'resp = client.chat.completions.create(model="deepseek-chat")\n',
  'nested/.gitignore': 'secret.ts\n',
  'nested/secret.ts': 'const cfg = { model: "deepseek-chat" };\n',
  'nested/open.ts': 'const cfg = { model: "deepseek-chat" };\n',
  'node_modules/pkg/index.js': 'const cfg = { model: "deepseek-chat" };\n',
};

/** Writes the tree under `dir`, with `padding` more folders of clean files and a few IDs among them. */
export function writeScreenTree(dir: string, padding = 24): void {
  for (const [rel, content] of Object.entries(SCREEN_TREE_FILES)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), content);
  }
  for (let p = 0; p < padding; p++) {
    for (let m = 0; m < 3; m++) {
      const sub = path.join(dir, 'packages', `pkg${p}`, `mod${m}`);
      mkdirSync(sub, { recursive: true });
      for (let f = 0; f < 5; f++) {
        const id = (p * 15 + m * 5 + f) % 17 === 0 ? 'deepseek-reasoner' : 'gpt-4o';
        writeFileSync(path.join(sub, `f${f}.py`), `resp = client.chat.completions.create(model="${id}")\n`);
      }
    }
  }
}
