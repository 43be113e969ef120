// The fast .gitignore matcher decides exactly as the `ignore` package for the shapes it accepts,
// on every path a walk can ask about (one whose folders are not ignored), and declines the rest.
import test from 'node:test';
import assert from 'node:assert/strict';
import ignore from 'ignore';
import { compileSimpleGitignore } from '../../../src/cli/simpleGitignore';
import { seededRng } from '../../support/seededRng';

const accepted = [
  'node_modules/\n*.log\n/dist\n.env\n',
  '# build output\nbuild/\n\n/coverage/\ndocs/generated\n*.PYC\nOut\n',
  '*.tmp/\n/.cache\nvendor\n',
  'target   \n/secrets/keys\n',
];
const declined = ['!keep.log\n*.log\n', 'src/**/gen\n', 'file?.txt\n', 'a[bc]\n', 'foo*.txt\n', '\\#name\n', ' lead\n', '*\n', '/\n'];

const names = ['build', 'Build', 'dist', 'out', 'node_modules', 'x.log', 'X.LOG', '.log', 'a.pyc', '.env', '.env.local', 'coverage', 'keys', 'docs', 'generated', 'vendor', 'target', 'a.tmp', '.cache', 'secrets', 'src', 'main.py'];

test('accepted shapes: the same answer as the ignore package for files and folders at every depth', () => {
  const rand = seededRng(11);
  for (const text of accepted) {
    const fast = compileSimpleGitignore(text);
    assert.ok(fast, `should accept:\n${text}`);
    const reference = ignore().add(text);
    for (let i = 0; i < 3000; i++) {
      const depth = 1 + Math.floor(rand() * 4);
      const parts = Array.from({ length: depth }, () => names[Math.floor(rand() * names.length)]);
      const isDir = rand() < 0.4;
      const rel = parts.join('/');
      // A walk never asks about a path below an ignored folder.
      const parentsKept = parts.slice(0, -1).every((_, k) => !reference.ignores(parts.slice(0, k + 1).join('/') + '/'));
      if (!parentsKept) continue;
      assert.equal(fast(rel, isDir), reference.ignores(isDir ? `${rel}/` : rel), `${JSON.stringify(text)} on ${rel}${isDir ? '/' : ''}`);
    }
  }
});

test('other shapes are declined, so the walk uses the ignore package for them', () => {
  for (const text of declined) assert.equal(compileSimpleGitignore(text), undefined, JSON.stringify(text));
});
