import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { openFixture, retiredIdErrors, waitForDiagnostics } from './helpers';

describe('retired model IDs are errors', () => {
  const cases: { file: string; ids: RegExp[] }[] = [
    { file: 'app.py', ids: [/deepseek-chat/] },
    { file: 'src/client.ts', ids: [/deepseek-chat/, /deepseek-reasoner/] },
    { file: 'config/litellm.yaml', ids: [/deepseek-chat/] },
  ];
  for (const { file, ids } of cases) {
    it(`${file}: ${ids.map((r) => r.source).join(', ')}`, async () => {
      const { document } = await openFixture(file);
      const diagnostics = await waitForDiagnostics(document.uri, (all) => ids.every((id) => retiredIdErrors(document, all, id).length > 0));
      for (const id of ids) {
        // The wait found an error on the ID; what it says is checked here: the short message that
        // names the retirement first, and the code and source a user filters the Problems panel by.
        const [first] = retiredIdErrors(document, diagnostics, id);
        assert.match(first.message, new RegExp(`^(deepseek/)?${id.source} was retired on 2026-07-24 — use (deepseek/)?deepseek-flash$`));
        assert.strictEqual(typeof first.code === 'object' ? first.code.value : first.code, 'retired-model');
        assert.ok(first.source && first.source.length > 0, 'the finding names its source');
      }
      // The current IDs in the same files stay clean.
      const flagged = diagnostics.filter((d) => /deepseek-v4-pro/.test(document.getText(d.range)) && d.severity === vscode.DiagnosticSeverity.Error);
      assert.deepStrictEqual(flagged, []);
    });
  }
});
