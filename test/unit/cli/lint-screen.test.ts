// The lint fast path (walk in shares, byte search before decoding) finds exactly what a full parse
// of every file finds, over a tree with DeepSeek written in every way a byte search could miss.
import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { collectFiles, walkShare } from '../../../src/cli/walk';
import { isServedFile, languageIdForFile } from '../../../src/cli/sourceFiles';
import { screenFile, canSearchBytes } from '../../../src/cli/lintFile';
import { lintPaths } from '../../../src/cli/lint';
import { catalogWithOverrides } from '../../../src/catalog';
import { defaultLintSettings } from '../../../src/shared/settings';
import { ParsedDocument, scanLanguageFor } from '../../../src/core/scan';
import { documentFindings } from '../../../src/core/lint/documentFindings';
import { modelIdPredicate } from '../../../src/core/lint/modelIdFindings';
import { languageFor } from '../../../src/core/languages';
import { writeScreenTree } from '../../support/lintScreenTree';
import { loadIgnoreFile } from '../../../src/cli/ignoreFile';

const AT = new Date('2026-11-23T00:00:00Z');
const catalog = catalogWithOverrides(undefined).catalog;

function withTree(fn: (dir: string) => Promise<void>): () => Promise<void> {
  return async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dcl-screen-'));
    try {
      writeScreenTree(dir);
      await fn(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

/** Every file parsed in full, with no text search first: what the fast path must agree with. */
async function fullParse(file: string): Promise<{ skipped: true } | { skipped: false; findings: number }> {
  const bytes = readFileSync(file);
  if (bytes.subarray(0, 8192).includes(0)) return { skipped: true };
  const text = bytes.toString('utf8');
  const row = languageFor('', file);
  const doc = await ParsedDocument.create(scanLanguageFor(languageIdForFile(file), file), text, { edits: false });
  try {
    const findings = documentFindings(doc.modelIdLiterals(modelIdPredicate(catalog)), text, row?.comments ?? 'none', catalog, AT, defaultLintSettings.severity, { path: file });
    return { skipped: false, findings: findings.length };
  } finally {
    doc.dispose();
  }
}

test('threads walking their shares at once find every file once, as one walk does', withTree(async (dir) => {
  const whole = await collectFiles([dir], dir, isServedFile);
  assert.ok(whole.files.length > 300, 'the tree is large enough to deal subtrees out');
  assert.ok(!whole.files.some((f) => f.includes('generated') || f.endsWith('.gen.py') || f.endsWith('secret.ts') || f.includes('node_modules')), 'gitignored files are not walked');
  for (const threads of [1, 2, 3, 4]) {
    const seen: string[] = [];
    for (let me = 0; me < threads; me++) {
      const mine: string[] = [];
      const problems = await walkShare([dir], me, threads, isServedFile, (f) => mine.push(f));
      assert.deepEqual(problems, []);
      if (threads > 1) assert.ok(mine.length < whole.files.length, `thread ${me} of ${threads} walks only its share`);
      seen.push(...mine);
    }
    assert.deepEqual(seen.sort(), whole.files, `${threads} threads`);
  }
}));

test('the byte search clears only files a full parse finds nothing in', withTree(async (dir) => {
  assert.ok(canSearchBytes(catalog), 'the shipped catalog allows the byte search');
  const { files } = await collectFiles([dir], dir, isServedFile);
  let withFindings = 0;
  for (const file of files) {
    const full = await fullParse(file);
    const screened = screenFile(file, defaultLintSettings.maxFileSizeKB, true);
    const rel = path.relative(dir, file);
    if (full.skipped) assert.equal(typeof screened === 'object' && screened.kind, 'skipped', `${rel} is left out by both`);
    else if (full.findings > 0) {
      withFindings++;
      assert.equal(screened, 'check', `${rel} has findings and must be parsed`);
    }
  }
  // client.py, mixed.ts, bom.ts, latin1.py, .env, service.yaml, app.properties, notes.md, open.ts and the padding.
  assert.ok(withFindings >= 9 + 5, `found ${withFindings}`);
}));

test('lint reports the same files and findings as a full parse of every file', withTree(async (dir) => {
  const io = { stdout: () => {}, stderr: () => {}, cwd: dir };
  const options = { catalog, at: AT, severity: defaultLintSettings.severity, maxFileSizeKB: defaultLintSettings.maxFileSizeKB, jobs: 1 };
  const linted = await lintPaths(['.'], io, options);
  const ignore = await loadIgnoreFile(dir);
  const files = (await collectFiles([dir], dir, isServedFile)).files.filter((f) => !ignore?.ignores(f));
  assert.equal(files.length + 1, (await collectFiles([dir], dir, isServedFile)).files.length, 'vendor/lib.py is in .deepseekcostignore');
  const expected: Record<string, number> = {};
  let parsed = 0;
  for (const file of files) {
    const full = await fullParse(file);
    if (full.skipped) continue;
    parsed++;
    if (full.findings) expected[path.relative(dir, file)] = full.findings;
  }
  const got: Record<string, number> = {};
  for (const f of linted.findings) got[f.file] = (got[f.file] ?? 0) + 1;
  assert.deepEqual(got, expected);
  assert.equal(linted.scanned, parsed);
  for (const upper of ['app/upper.py', 'app/comment-only.go']) assert.ok(!(upper in got), `${upper}: no model ID as written`);
  for (const rel of ['config/.env', 'config/service.yaml', 'app/bom.ts', 'app/latin1.py']) assert.ok(rel in got, rel);
}));
