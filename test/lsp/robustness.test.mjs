// dist/server.js over stdio against clients that misbehave: a broken header, a configuration
// request never answered, a request cancelled while it runs.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { CancellationTokenSource, LSPErrorCodes } from 'vscode-languageserver-protocol';
import { serverPath, startServer } from './lspClient.mjs';

const NOW = '2026-11-23T10:00:00Z';
const python = 'resp = client.chat.completions.create(model="deepseek-chat", messages=[])\n';

function frame(message) {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
}

test('a header without Content-Length closes the connection with a message, never leaves a deaf server', async () => {
  const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = once(child, 'exit');
  const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
  child.stdin.write(`Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n${body}`);
  // A well-formed request after it: a deaf server would swallow it and keep running.
  child.stdin.write(frame({ jsonrpc: '2.0', id: 2, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  const [code, signal] = await exited;
  clearTimeout(timer);
  assert.equal(signal, null, `the server did not exit by itself; stderr:\n${stderr}`);
  assert.equal(code, 1);
  assert.match(stderr, /unreadable message from the client, closing the connection: Header must provide a Content-Length/);
});

test('over stdio: an unanswered workspace/configuration request times out to the defaults, with a log line', { timeout: 30_000 }, async () => {
  const server = await startServer({ now: NOW, answerConfiguration: false, initializationOptions: { configurationTimeoutMs: 300 } });
  try {
    const uri = await server.open('t.py', 'python', python);
    const report = await server.diagnostics(uri);
    assert.deepEqual(report.items.map((d) => d.code), ['retired-model']);
    assert.ok(server.logs.some((l) => /did not answer workspace\/configuration .* within 300 ms/.test(l)), server.logs.join('\n'));
  } finally {
    await server.stop();
  }
});

test('over stdio: a cancelled diagnostics pull is answered with RequestCancelled', async () => {
  const server = await startServer({ now: NOW });
  try {
    const uri = await server.open('c.py', 'python', python);
    const source = new CancellationTokenSource();
    const pending = server.diagnostics(uri, undefined, source.token);
    source.cancel();
    await assert.rejects(pending, (err) => err.code === LSPErrorCodes.RequestCancelled);
    assert.equal((await server.diagnostics(uri)).items.length, 1);
  } finally {
    await server.stop();
  }
});
