// The language server process. It only wires LSP to the analysis core; no analysis happens in this file.
// VS Code starts it over IPC (--node-ipc); tests and other editors start it over stdio (--stdio).
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { version } from '../../package.json';
import { StatusRequest, type StatusResult } from './lsp/protocol';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

connection.onInitialize(
  (): InitializeResult => ({
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    },
    serverInfo: { name: 'integration-lens', version },
  }),
);

connection.onInitialized(() => {
  connection.console.info(`Integration Lens server ${version} running on Node ${process.version}`);
});

connection.onRequest(StatusRequest.method, (): StatusResult => ({ ok: true, version }));

// A closed document keeps no diagnostics.
documents.onDidClose(({ document }) => {
  void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
});

documents.listen(connection);
connection.listen();
