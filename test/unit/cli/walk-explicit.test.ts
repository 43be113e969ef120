// A folder named explicitly is linted even when an enclosing repository's .gitignore covers it
// (an editor workspace or a scratch checkout inside an ignored folder); inside it, .gitignore
// files still apply, and the enclosing repository's rules still apply to folders it does not ignore.
import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { makeTree, runCli } from './helpers';

test('lint of an explicitly named folder that the enclosing repository ignores', async () => {
  const { dir, cleanup } = makeTree({
    '.gitignore': 'scratch/\n*.gen.py\n',
    'scratch/project/.gitignore': 'build/\n',
    'scratch/project/app.py': 'model = "deepseek-chat"\n',
    'scratch/project/build/out.py': 'model = "deepseek-chat"\n',
    'src/app.py': 'model = "deepseek-chat"\n',
    'src/app.gen.py': 'model = "deepseek-chat"\n',
  });
  try {
    mkdirSync(path.join(dir, '.git'));
    const named = await runCli(['lint', 'scratch/project', '--format', 'json', '--at', '2026-11-23T00:00:00Z'], dir);
    assert.deepEqual(JSON.parse(named.stdout).findings.map((f: { file: string }) => f.file), ['scratch/project/app.py']);
    const inside = await runCli(['lint', '.', '--format', 'json', '--at', '2026-11-23T00:00:00Z'], path.join(dir, 'scratch', 'project'));
    assert.deepEqual(JSON.parse(inside.stdout).findings.map((f: { file: string }) => f.file), ['app.py']);
    const whole = await runCli(['lint', '--format', 'json', '--at', '2026-11-23T00:00:00Z'], dir);
    assert.deepEqual(JSON.parse(whole.stdout).findings.map((f: { file: string }) => f.file), ['src/app.py'], 'from the root, scratch/ and *.gen.py stay ignored');
    const src = await runCli(['lint', 'src', '--format', 'json', '--at', '2026-11-23T00:00:00Z'], dir);
    assert.deepEqual(JSON.parse(src.stdout).findings.map((f: { file: string }) => f.file), ['src/app.py'], 'a folder the repository does not ignore keeps its rules');
  } finally {
    cleanup();
  }
});
