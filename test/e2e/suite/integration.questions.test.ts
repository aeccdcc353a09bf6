// A managed question file with a broken query, opened in a real VS Code: the J1QL error shows as a diagnostic on
// the query's own line inside the YAML block.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeApi, diagnosticsWhere, runningClient, workspaceFile } from './helpers';

const QUESTION_FILE = ['jupiterone', 'questions', 'questions.yaml'];
const BROKEN = `---
sourceId: managed:acme
integrationDefinitionId: '\${integration_definition_id}'
questions:
  - id: acme-users
    title: Which Acme users are there?
    description: Lists the users.
    queries:
      - query: |
          FIND acme_user
            WITH active = = true
    tags:
      - acme
`;

describe('Integration Lens question files', () => {
  before(async () => {
    await runningClient(await activeApi());
  });

  it('shows a J1QL syntax error of a question file where it is in the YAML', async () => {
    const uri = workspaceFile(...QUESTION_FILE);
    await vscode.workspace.fs.writeFile(uri, Buffer.from(BROKEN, 'utf8'));
    try {
      const editor = await vscode.window.showTextDocument(uri, { preview: false });
      assert.equal(editor.document.languageId, 'yaml');
      const diagnostics = await diagnosticsWhere(uri, (ds) => ds.some((d) => d.code === 'j1ql-syntax'));
      const [diagnostic] = diagnostics.filter((d) => d.code === 'j1ql-syntax');
      assert.equal(diagnostic!.severity, vscode.DiagnosticSeverity.Error);
      // The second `=` of `active = = true`, on line 11 (0-based 10) of the file.
      assert.equal(diagnostic!.range.start.line, 10);
      assert.equal(diagnostic!.range.start.character, BROKEN.split('\n')[10]!.lastIndexOf('='));
      assert.equal(editor.document.getText(diagnostic!.range), '=');
      assert.match(diagnostic!.message, /Error parsing query questions\[0\]\.queries\[0\] \(question "acme-users"\): Unexpected token/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(uri);
    }
  });
});
