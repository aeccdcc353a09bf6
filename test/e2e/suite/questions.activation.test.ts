// A repository of managed questions, with no package.json and no integration (test/e2e/workspaces/questions): the
// extension activates on the question file, starts the server, and checks the queries offline.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeApi, diagnosticsWhere, getExtension, runningClient, workspaceFile } from './helpers';

// Read when mocha loads this file: see integration.server.test.ts.
const activatedByWorkspace = getExtension().isActive;

describe('Integration Lens in a repository of question files', () => {
  it('activates on jupiterone/questions/questions.yaml and starts the server for it', async () => {
    assert.equal(activatedByWorkspace, true, 'a folder with a question file did not activate the extension');
    const api = await activeApi();
    const { evidence } = await api.detection;
    assert.equal(evidence?.reason, 'question-file');
    assert.equal(vscode.workspace.asRelativePath(evidence!.file), 'jupiterone/questions/questions.yaml');
    await runningClient(api);
  });

  it('shows the J1QL error of the question file at its place in the YAML block', async () => {
    const uri = workspaceFile('jupiterone', 'questions', 'questions.yaml');
    const editor = await vscode.window.showTextDocument(uri, { preview: false });
    const diagnostics = await diagnosticsWhere(uri, (ds) => ds.some((d) => d.code === 'j1ql-syntax'));
    const syntax = diagnostics.find((d) => d.code === 'j1ql-syntax')!;
    const line = editor.document.lineAt(syntax.range.start.line).text;
    assert.equal(line.trim(), 'WITH admin = = true');
    assert.equal(syntax.range.start.character, line.lastIndexOf('='));
    // No integration here: the undeclared-type cross-check has nothing to compare with and stays silent.
    assert.deepEqual(diagnostics.map((d) => d.code).filter((c) => c !== 'j1ql-syntax'), []);
  });
});
