// The server's features in process (startServer on an in-memory pipe), with the same LSP client as
// the over-stdio tests: the behaviour that needs a particular client, settings or timing.
import test from 'node:test';
import assert from 'node:assert/strict';
import { CancellationTokenSource, DiagnosticRefreshRequest, LSPErrorCodes, ResponseError } from 'vscode-languageserver-protocol';
import { capabilitiesFor } from '../../../src/server/server';
import { FIX_ALL_KIND, USER_SOURCE_HOSTS_KEY } from '../../../src/shared/protocol';
import { markdownShape } from '../../support/markdownShape';
import { vscodeLikeCapabilities } from '../lspClient.mjs';
import { startInProcess } from './inProcess';

const NOW = '2026-11-23T10:00:00Z';
const ERROR = 1;
const INFORMATION = 3;
const python = 'resp = client.chat.completions.create(model="deepseek-chat", messages=[])\n';

function positionOf(text: string, needle: string) {
  const before = text.slice(0, text.indexOf(needle));
  return { line: before.split('\n').length - 1, character: before.length - before.lastIndexOf('\n') - 1 };
}

test('in process: a retired ID is an error with its quick fixes, as over stdio', async () => {
  const server = await startInProcess({ now: NOW });
  try {
    const uri = await server.open('a.py', 'python', python);
    const report = await server.diagnostics(uri);
    assert.equal(report.kind, 'full');
    assert.deepEqual(report.items!.map((d) => [d.code, d.severity]), [['retired-model', ERROR]]);
    const actions = await server.codeActions(uri, report.items![0].range, report.items!, ['quickfix']);
    assert.deepEqual(actions!.map((a) => a.title), [
      'Use deepseek-flash and turn thinking off: extra_body={"thinking": {"type": "disabled"}}',
      'Use deepseek-v4-flash and turn thinking off: extra_body={"thinking": {"type": "disabled"}}',
      'Use deepseek-v4-pro',
      'Ignore deepseek-chat on this line',
      'Fix all DeepSeek model IDs in this file',
    ]);
  } finally {
    await server.stop();
  }
});

test('a cancelled diagnostics pull answers with the LSP cancellation error, not stale items', async () => {
  const server = await startInProcess({ now: NOW });
  try {
    const uri = await server.open('cancel.py', 'python', python);
    const source = new CancellationTokenSource();
    const pending = server.diagnostics(uri, undefined, source.token);
    source.cancel();
    await assert.rejects(pending, (err: unknown) => err instanceof ResponseError && err.code === LSPErrorCodes.RequestCancelled);
    // The next pull is answered in full.
    const report = await server.diagnostics(uri);
    assert.equal(report.items!.length, 1);
    assert.ok('resultId' in report && report.resultId);
  } finally {
    await server.stop();
  }
});

test('code actions are advertised only to clients that take CodeAction literals', async () => {
  assert.deepEqual(capabilitiesFor(vscodeLikeCapabilities).codeActionProvider, { codeActionKinds: ['quickfix', FIX_ALL_KIND], resolveProvider: false });
  const bare = { workspace: { configuration: true }, textDocument: { codeAction: { dynamicRegistration: false } } };
  const server = await startInProcess({ now: NOW, capabilities: bare });
  try {
    assert.equal(server.init.capabilities.codeActionProvider, undefined);
    assert.ok(server.init.capabilities.hoverProvider);
  } finally {
    await server.stop();
  }
});

test('a settings change asks for a refresh only when the client supports it, and a failed refresh is logged, not thrown', async () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  try {
    const noRefresh = await startInProcess({ now: NOW, capabilities: { ...vscodeLikeCapabilities, workspace: { configuration: true } } });
    let asked = 0;
    noRefresh.connection.onRequest(DiagnosticRefreshRequest.type, () => void asked++);
    const uri = await noRefresh.open('r.py', 'python', python);
    await noRefresh.setSettings({ severity: { retired: 'warning' } });
    assert.equal((await noRefresh.diagnostics(uri)).items![0].severity, 2);
    assert.equal(asked, 0);
    await noRefresh.stop();

    const failing = await startInProcess({ now: NOW });
    let failed!: () => void;
    const refreshed = new Promise<void>((resolve) => (failed = resolve));
    failing.connection.onRequest(DiagnosticRefreshRequest.type, () => {
      failed();
      throw new Error('this client cannot refresh today');
    });
    await failing.open('r.py', 'python', python);
    await failing.setSettings({ severity: { retired: 'warning' } });
    await refreshed;
    // Round trips until the server has seen the error answer.
    await failing.hover(failing.uri('r.py'), { line: 0, character: 0 });
    await failing.hover(failing.uri('r.py'), { line: 0, character: 0 });
    assert.ok(failing.logs.some((l) => l.includes('diagnostics refresh failed')), failing.logs.join('\n'));
    await failing.stop();
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(unhandled, []);
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
});

test('a client that never answers workspace/configuration: defaults after the timeout, with a log line', { timeout: 20_000 }, async () => {
  const server = await startInProcess({ now: NOW, answerConfiguration: false, server: { configurationTimeoutMs: 150 } });
  try {
    const uri = await server.open('t.py', 'python', python);
    const report = await server.diagnostics(uri);
    assert.deepEqual(report.items!.map((d) => [d.code, d.severity]), [['retired-model', ERROR]]);
    assert.equal(server.configurationRequests.length, 1);
    assert.ok(server.logs.some((l) => /did not answer workspace\/configuration .* within 150 ms; using the default settings/.test(l)), server.logs.join('\n'));
  } finally {
    await server.stop();
  }
});

function manyIds(n: number): string {
  return `[${Array.from({ length: n }, (_, i) => (i % 2 ? '"deepseek-chat"' : '"deepseek-reasoner"')).join(',\n')}]\n`;
}

test('diagnostics per file are capped, with one information diagnostic saying how many more', async () => {
  const server = await startInProcess({ now: NOW, settings: { maxDiagnosticsPerFile: 10 } });
  try {
    const uri = await server.open('many.json', 'json', manyIds(25));
    const items = (await server.diagnostics(uri)).items!;
    assert.equal(items.length, 11);
    assert.ok(items.slice(0, 10).every((d) => d.code === 'retired-model'));
    const more = items[10];
    assert.equal(more.code, 'more-findings');
    assert.equal(more.severity, INFORMATION);
    assert.match(more.message as string, /^15 more DeepSeek model ID findings are not shown from here on: deepseekCost\.maxDiagnosticsPerFile is 10\. Run deepseek-cost lint/);
    assert.deepEqual(more.range.start, { line: 10, character: 1 }, 'placed at the first finding not shown');

    await server.setSettings({});
    const byDefault = (await server.diagnostics(await server.open('more.json', 'json', manyIds(600)))).items!;
    assert.equal(byDefault.length, 501);
    assert.match(byDefault[500].message as string, /^100 more .* is 500\./);
  } finally {
    await server.stop();
  }
});

test('a hostile workspace override never reaches a quick fix or a hover', async () => {
  const retired = (replacement: string) => ({
    models: [{ id: 'deepseek-chat', displayName: 'Chat', lifecycle: [{ from: '2026-01-01T00:00:00Z', status: 'retired', source: 'ds-pricing', replacements: [{ id: replacement, title: 'Use it' }] }] }],
  });
  const server = await startInProcess({ now: NOW, settings: { catalogOverrides: retired('x"); __import__("os").system("id"); ("') } });
  try {
    const uri = await server.open('o.py', 'python', python);
    const [d] = (await server.diagnostics(uri)).items!;
    const actions = await server.codeActions(uri, d.range, [d], ['quickfix']);
    assert.deepEqual(actions!.map((a) => a.edit!.changes![uri][0].newText), ['deepseek-flash', 'deepseek-v4-flash', 'deepseek-v4-pro', '# deepseek-cost-ignore-next-line deepseek-chat\n', 'deepseek-flash'], 'the shipped catalog stays in force');
    assert.ok(actions!.every((a) => a.edit!.changes![uri].every((e) => !e.newText.includes('__import__'))), 'nothing from the override is written');
    assert.ok(server.messages.some((m) => /catalogOverrides .*shipped catalog stays in force.*model ID/.test(m.message)), JSON.stringify(server.messages));

    // Inherited names: every price lookup used to throw, leaving hovers empty.
    await server.setSettings({
      catalogOverrides: { pricePeriods: [{ from: '2026-09-10T04:00:00Z', family: 'flash', currency: 'USD', offPeak: { cacheHit: 1, cacheMiss: 1, output: 1 }, peakMultiplier: 2, peakRule: 'constructor', source: 'toString' }] },
    });
    const flash = 'resp = client.chat.completions.create(model="deepseek-v4-flash", messages=[])\n';
    const hoverUri = await server.open('h.py', 'python', flash);
    const hover = await server.hover(hoverUri, positionOf(flash, 'v4-flash'));
    assert.match((hover!.contents as { value: string }).value, /\| USD \| \$0\.(15|3) \| \$0\.00(3|6) \|/);
    assert.ok(server.messages.some((m) => /unknown peak rule "constructor"/.test(m.message)));
  } finally {
    await server.stop();
  }
});

test('hovers: a hostile default model is text; a source links only to a shipped or user-typed https host', async () => {
  const hostile = 'x`` [r](command:deepseekCost.spend.resetSession) ![i](https://example.invalid/i.png) ``';
  const prompt = `SYSTEM = """${'You are a careful assistant. '.repeat(10)}"""\n`;
  const override = {
    sources: { mine: { title: 'My [notes](command:x)', url: 'https://example.invalid/notes', date: '2026-11-01' } },
    models: [{ id: 'deepseek-mine', displayName: 'Mine', lifecycle: [{ from: '2026-01-01T00:00:00Z', status: 'current', source: 'mine' }] }],
  };
  const mine = 'm = call(model="deepseek-mine")\n';
  const server = await startInProcess({ now: NOW, settings: { defaultModel: hostile, catalogOverrides: override } });
  try {
    const uri = await server.open('p.py', 'python', prompt);
    const md = markdownShape(((await server.hover(uri, { line: 0, character: 20 }))!.contents as { value: string }).value);
    assert.deepEqual([md.links, md.images, md.html], [[], [], []]);
    assert.ok(md.text.includes(hostile));

    const mineUri = await server.open('m.py', 'python', mine);
    const fromWorkspace = markdownShape(((await server.hover(mineUri, positionOf(mine, 'mine')))!.contents as { value: string }).value);
    assert.deepEqual(fromWorkspace.links, []);
    assert.ok(fromWorkspace.text.includes('My [notes](command:x)'));

    await server.setSettings({ catalogOverrides: override, [USER_SOURCE_HOSTS_KEY]: ['example.invalid'] });
    const fromUser = markdownShape(((await server.hover(mineUri, positionOf(mine, 'mine')))!.contents as { value: string }).value);
    assert.deepEqual(fromUser.links, ['https://example.invalid/notes']);
  } finally {
    await server.stop();
  }
});
