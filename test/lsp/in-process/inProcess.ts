// The server's features in this process: startServer() on one end of an in-memory pipe, the same
// test client as the stdio tests on the other. No bundle, no child process, a debugger-friendly stack.
import { PassThrough } from 'node:stream';
import { createProtocolConnection, ShutdownRequest, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { type StartServerOptions, startServer } from '../../../src/server/server';
import { attachClient } from '../lspClient.mjs';

type ClientOptions = NonNullable<Parameters<typeof attachClient>[1]>;

export async function startInProcess(options: ClientOptions & { server?: StartServerOptions } = {}) {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  // Message readers, not raw streams: given a stream, the library would exit the process when it ends.
  const serverConnection = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  startServer(serverConnection, options.server);
  const connection = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  // processId stays null: the server would otherwise poll for this process and keep the test alive.
  const client = await attachClient(connection, { ...options, processId: null });
  return Object.assign(client, {
    async stop() {
      await Promise.race([connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
      connection.dispose();
      serverConnection.dispose();
      toServer.end();
      toClient.end();
    },
  });
}
