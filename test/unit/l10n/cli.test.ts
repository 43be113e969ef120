// The CLI speaks the language of --lang or the environment; JSON and SARIF keep their codes and
// fields, only message texts change.
import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main } from '../../../src/cli/cli';
import { useLocale } from '../../../src/core/locale';

async function run(argv: string[], cwd: string, locale?: string) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd, locale });
  return { code, stdout, stderr };
}

test('lint in Chinese by --lang or LANG, English by default; JSON and SARIF differ only in message texts', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'l10n-cli-'));
  try {
    writeFileSync(path.join(dir, 'app.py'), 'client.chat.completions.create(model="deepseek-chat", messages=[])\n');
    const at = ['--at', '2026-08-01T00:00:00Z'];
    const en = await run(['lint', 'app.py', ...at], dir);
    assert.equal(en.code, 1);
    assert.match(en.stdout, /^app\.py:1:39: error retired-model: deepseek-chat was retired on 2026-07-24 — use deepseek-v4-flash/m);
    assert.match(en.stdout, /1 finding \(1 errors, 0 warnings\) in 1 file scanned/);

    for (const zh of [await run(['lint', 'app.py', ...at, '--lang', 'zh-cn'], dir), await run(['lint', 'app.py', ...at], dir, 'zh_CN.UTF-8')]) {
      assert.equal(zh.code, 1);
      // Location, severity and code stay machine-readable; the sentence is Chinese.
      assert.match(zh.stdout, /^app\.py:1:39: error retired-model: deepseek-chat 已于 2026-07-24 下线 — 请改用 deepseek-v4-flash/m);
      assert.match(zh.stdout, /（修复：deepseek-v4-flash 或 deepseek-v4-pro）/);
      assert.match(zh.stdout, /已扫描 1 个文件，发现 1 个问题（1 个错误，0 个警告）/);
    }

    for (const format of ['json', 'sarif']) {
      const a = JSON.parse((await run(['lint', 'app.py', ...at, '--format', format], dir)).stdout);
      const b = JSON.parse((await run(['lint', 'app.py', ...at, '--format', format, '--lang=zh-cn'], dir)).stdout);
      const neutral = (v: unknown): unknown =>
        Array.isArray(v) ? v.map(neutral) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'message' || k === 'text' ? '…' : neutral(x)])) : v;
      assert.deepEqual(neutral(b), neutral(a), `${format}: only messages may differ`);
      assert.notDeepEqual(b, a, `${format}: the messages are translated`);
    }
  } finally {
    useLocale('en');
    rmSync(dir, { recursive: true, force: true });
  }
});
