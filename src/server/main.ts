// The language server's bundle entry (dist/server.js): makes the connection the client chose (IPC
// from the extension, --stdio for tests and other editors) and starts the features on it.
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { startServer } from './server';

function stdioConnection() {
  const reader = new StreamMessageReader(process.stdin);
  const writer = new StreamMessageWriter(process.stdout);
  let shutdownRequested = false;
  // A header without a usable Content-Length leaves the stream unframed: nothing after it can be
  // read reliably. Say why and end the connection, so the client sees a closed server, not a deaf one.
  reader.onError((err) => {
    process.stderr.write(`DeepSeek Cost Lens server: unreadable message from the client, closing the connection: ${err.message}\n`);
    process.exit(1);
  });
  reader.onClose(() => process.exit(shutdownRequested ? 0 : 1));
  // stdout carries the protocol: anything else printed goes to stderr.
  for (const name of ['log', 'info', 'warn', 'debug'] as const) console[name] = console.error;
  const connection = createConnection(ProposedFeatures.all, reader, writer);
  connection.onShutdown(() => {
    shutdownRequested = true;
  });
  return connection;
}

const connection = process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);

process.on('uncaughtException', (err) => connection.console.error(`uncaught: ${err.stack ?? err.message}`));
process.on('unhandledRejection', (err) => connection.console.error(`unhandled rejection: ${String(err)}`));

startServer(connection);
