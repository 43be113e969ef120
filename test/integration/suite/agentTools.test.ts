// The agent tools as agent mode calls them: through vscode.lm.invokeTool, in a real workbench,
// answered from the same engine as the diagnostics, the hover and the status bar.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { hoverText, openFixture, positionOf, revertActiveEditor, waitForDiagnostics, workspaceFile } from './helpers';

interface ToolInfo {
  name: string;
  description: string;
  inputSchema?: { required?: string[] };
}
interface LmWithTools {
  tools: readonly ToolInfo[];
  invokeTool(name: string, options: { input: object; toolInvocationToken: undefined }, token?: vscode.CancellationToken): Thenable<{ content: unknown[] }>;
}

const TOOLS = ['deepseek-cost_checkModelId', 'deepseek-cost_lintFile', 'deepseek-cost_lintWorkspace', 'deepseek-cost_estimatePrompt', 'deepseek-cost_spend'];

function lm(): LmWithTools {
  const api = (vscode as unknown as { lm?: Partial<LmWithTools> }).lm;
  assert.ok(api && typeof api.invokeTool === 'function' && api.tools, 'this VS Code has the language model tool API');
  return api as LmWithTools;
}

async function invoke(name: string, input: object): Promise<string> {
  const result = await lm().invokeTool(name, { input, toolInvocationToken: undefined }, new vscode.CancellationTokenSource().token);
  return result.content.map((part) => (part && typeof part === 'object' && 'value' in part ? String((part as { value: unknown }).value) : '')).join('');
}

describe('agent tools (vscode.lm)', () => {
  it('all five tools are registered with their descriptions and schemas', () => {
    const ours = lm().tools.filter((t) => t.name.startsWith('deepseek-cost_'));
    assert.deepStrictEqual(ours.map((t) => t.name).sort(), [...TOOLS].sort());
    const check = ours.find((t) => t.name === 'deepseek-cost_checkModelId')!;
    assert.deepStrictEqual(check.inputSchema?.required, ['modelId']);
    assert.match(check.description, /IDs from training data are often retired/);
  });

  it('checkModelId: a retired ID, its replacements and the source date', async () => {
    const text = await invoke('deepseek-cost_checkModelId', { modelId: 'deepseek-chat', at: '2026-11-23T03:00:00Z' });
    assert.match(text, /^deepseek-chat on DeepSeek API at 2026-11-23 03:00 UTC: RETIRED since 2026-07-24 15:59 UTC/);
    assert.match(text, /Replace with \(in preference order\): deepseek-v4-flash \(Use deepseek-v4-flash \(non-thinking\)\); deepseek-v4-pro/);
    assert.match(text, /Source: .*, 2026-04-24: https:\/\//);
    const current = await invoke('deepseek-cost_checkModelId', { modelId: 'deepseek-v4-pro' });
    assert.match(current, /CURRENT since/);
    assert.match(current, /Price \(USD per 1M tokens, .*\): cache hit \$[\d.]+, cache miss \$[\d.]+, output \$[\d.]+\. Period from .*dated \d{4}-\d{2}-\d{2}/);
  });

  it('lintFile reports exactly the positions the editor\'s diagnostics mark', async () => {
    const { document } = await openFixture('app.py');
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.some((x) => x.severity === vscode.DiagnosticSeverity.Error));
    const text = await invoke('deepseek-cost_lintFile', { path: 'app.py' });
    const findings = text.split('\n').filter((l) => /^app\.py:\d+:\d+: /.test(l));
    const ours = diagnostics.filter((d) => d.source === undefined || /deepseek/i.test(String(d.source)));
    assert.strictEqual(findings.length, ours.length, `${text}\nvs ${JSON.stringify(ours.map((d) => d.range.start))}`);
    for (const d of ours) {
      const at = `app.py:${d.range.start.line + 1}:${d.range.start.character + 1}: `;
      const line = findings.find((l) => l.startsWith(at));
      assert.ok(line, `no finding at ${at} in\n${text}`);
      assert.ok(line.includes(d.message), `${line}\nshould carry the diagnostic's message: ${d.message}`);
    }
    assert.match(text, /\(fix: deepseek-flash or deepseek-v4-flash or deepseek-v4-pro\)/);
    assert.match(text, /in 1 file scanned, at \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC \(catalog of \d{4}-\d{2}-\d{2}\)\./);
  });

  it('lintFile answers for the unsaved text in the editor, as the diagnostics do', async () => {
    const editor = await openFixture('app.py');
    const { document } = editor;
    try {
      const at = document.getText().indexOf('"deepseek-chat"');
      assert.ok(at >= 0);
      const range = new vscode.Range(document.positionAt(at + 1), document.positionAt(at + 1 + 'deepseek-chat'.length));
      assert.ok(await editor.edit((b) => b.replace(range, 'deepseek-v4-pro')));
      assert.ok(document.isDirty);
      await waitForDiagnostics(document.uri, (d) => !d.some((x) => x.severity === vscode.DiagnosticSeverity.Error));
      const text = await invoke('deepseek-cost_lintFile', { path: 'app.py' });
      assert.doesNotMatch(text, /retired-model/, text);
      assert.match(text, /0 errors/, text);
    } finally {
      await revertActiveEditor();
    }
    assert.match(await invoke('deepseek-cost_lintFile', { path: 'app.py' }), /error retired-model/);
  });

  it('lintWorkspace covers every file of the workspace that names a retired ID', async () => {
    const text = await invoke('deepseek-cost_lintWorkspace', {});
    for (const file of ['app.py', 'src/client.ts', 'config/litellm.yaml']) assert.match(text, new RegExp(`^${file.replace(/[./]/g, '\\$&')}:\\d+:\\d+: error retired-model`, 'm'), text);
    assert.match(text, /findings \(\d+ errors, \d+ warnings\) in \d+ files scanned/);
  });

  it('estimatePrompt gives the hover\'s exact token count for a prompt in a file, and prices a text', async () => {
    const { document } = await openFixture('app.py');
    const position = positionOf(document, 'You are a meticulous support analyst', 10);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
    const hoverTokens = /\*\*([\d,]+) tokens\*\*/.exec(hoverText(hovers ?? []))?.[1];
    assert.ok(hoverTokens, hoverText(hovers ?? []));
    const text = await invoke('deepseek-cost_estimatePrompt', { file: 'app.py', line: position.line + 1 });
    assert.match(text, new RegExp(`^app\\.py:${position.line + 1}:\\d+: ${hoverTokens} tokens → deepseek-chat: \\$`, 'm'), text);
    assert.match(text, /price source dated \d{4}-\d{2}-\d{2}/);
    const priced = await invoke('deepseek-cost_estimatePrompt', { text: 'Summarise this ticket in three sentences.', model: 'deepseek-v4-pro', maxTokens: 1024 });
    assert.match(priced, /^\d+ tokens \(DeepSeek-V4 tokenizer, exact\), 41 characters → deepseek-v4-pro \(from the "model" input\)/);
    assert.match(priced, /USD: input at cache miss \$[\d.]+ per call .*up to 1,024 output tokens/);
  });

  it('spend reports the status bar\'s tracker: the configured proxy log, today, by model', async () => {
    let text = '';
    // The tracker reads the log in a worker; ask until its first full read is in.
    const deadline = Date.now() + 30_000;
    do {
      text = await invoke('deepseek-cost_spend', {});
      if (/Today .*: \$[\d.]+ over [1-9]/.test(text) && !/still/.test(text)) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    } while (Date.now() < deadline);
    assert.match(text, /^DeepSeek spend in USD as of .* with the catalog of \d{4}-\d{2}-\d{2}\./, text);
    assert.match(text, /Today \(\d{4}-\d{2}-\d{2}, [^)]+\): \$[\d.]+ over [1-9]\d* requests?/, text);
    assert.match(text, /Log .*proxy-usage\.jsonl: read\./, text);
  });

  it('a bad input fails the call with a message the model can act on', async () => {
    await assert.rejects(invoke('deepseek-cost_checkModelId', { model: 'deepseek-chat' }), /Invalid input for deepseek-cost_checkModelId: .*modelId/);
    await assert.rejects(invoke('deepseek-cost_lintFile', { path: 'no/such/file.py' }), /no\/such\/file\.py/);
    assert.ok(workspaceFile('app.py'));
  });
});
