// A set of real-world-style files (several calls per file, existing extra_body and providerOptions,
// comments, pretty-printed bodies, Markdown fences, a proxy config with other providers) fixed with
// `lint --fix`: no retired or deprecated ID is left, thinking is disabled once for every recognised
// deepseek-chat call and never for deepseek-reasoner, and every file still parses in its language.
import test from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from './helpers';
import { parseErrors } from '../../support/parseErrors';

const corpus = path.join(__dirname, '..', '..', 'fixtures', 'fix-corpus');
const AT = ['--at', '2026-12-01T00:00:00Z'];

/** Recognised deepseek-chat calls per file: each must end up with thinking disabled exactly once. */
const DISABLED: Record<string, number> = {
  'svc/summarize.py': 2,
  'svc/chains.py': 1,
  'svc/router.py': 1,
  'web/route.ts': 1,
  'web/client.ts': 2,
  'proxy/litellm_config.yaml': 1,
  'docs/request.json': 1,
  'docs/GUIDE.md': 1,
  'go/client.go': 1,
  'rs/main.rs': 1,
  'java/Ask.java': 1,
  // A setting, not a call: only the ID changes.
  '.env.example': 0,
};

const GRAMMAR: Record<string, string> = { '.py': 'python', '.ts': 'typescript', '.yaml': 'yaml', '.json': 'json', '.go': 'go', '.rs': 'rust', '.java': 'java' };

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

async function errorsIn(rel: string, text: string): Promise<number> {
  if (rel.endsWith('.md')) {
    let n = 0;
    for (const m of text.matchAll(/```(\w+)\n([\s\S]*?)```/g)) n += await parseErrors(m[1] === 'ts' ? 'typescript' : m[1], m[2]);
    return n;
  }
  const grammar = GRAMMAR[path.extname(rel)];
  return grammar ? parseErrors(grammar, text) : 0;
}

test('lint --fix on a held-out set of real-world-style files', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dcl-fix-corpus-'));
  try {
    cpSync(corpus, dir, { recursive: true });
    assert.deepEqual(files(dir), Object.keys(DISABLED).sort(), 'the expectations cover every file');
    for (const rel of files(dir)) assert.equal(await errorsIn(rel, readFileSync(path.join(dir, rel), 'utf8')), 0, `${rel} parses before`);

    const fixed = await runCli(['lint', '--fix', '--format', 'json', ...AT, '.'], dir);
    assert.equal(fixed.code, 0, fixed.stdout);
    assert.deepEqual(JSON.parse(fixed.stdout).findings, [], 'nothing retired, deprecated or legacy is left');
    for (const rel of files(dir)) {
      const text = readFileSync(path.join(dir, rel), 'utf8');
      assert.doesNotMatch(text, /deepseek-(chat|reasoner|coder)\b/, rel);
      assert.equal([...text.matchAll(/disabled/g)].length, DISABLED[rel], `${rel}: thinking disabled once per deepseek-chat call`);
      // Merged, never a second container: one extra_body or providerOptions per call at most.
      for (const container of [/extra_body\s*=/g, /providerOptions/g, /modelKwargs/g]) assert.ok([...text.matchAll(container)].length <= Math.max(1, DISABLED[rel]), `${rel}: ${container.source}`);
      assert.equal(await errorsIn(rel, text), 0, `${rel} still parses`);
    }
    // The judge call's own extra_body received the parameter; the streaming call got a new one.
    assert.equal([...readFileSync(path.join(dir, 'svc/summarize.py'), 'utf8').matchAll(/extra_body=/g)].length, 2);
    assert.equal([...readFileSync(path.join(dir, 'web/route.ts'), 'utf8').matchAll(/providerOptions/g)].length, 1);
    const again = await runCli(['lint', '--fix', ...AT, '.'], dir);
    assert.equal(again.stderr, '0 files fixed\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
