import * as assert from 'node:assert/strict';
import { documentSymbols, workspaceSymbols } from '../../../server/src/core/queries';
import { acme, cursorProject, type CursorProject } from './project';

// The marker sits in a comment of the entry, where it changes nothing.
const project = (overrides: Record<string, string> = {}): CursorProject => {
  const files = acme(overrides);
  return cursorProject({ ...files, 'src/index.ts': `// |\n${files['src/index.ts']}` });
};

describe('queries: symbols', () => {
  it('lists the steps of a file in source order, with id, name, ranges and declared types', () => {
    const p = project();
    const symbols = documentSymbols(p.analysis, p.abs('src/steps/users.ts'));
    assert.deepEqual(
      symbols.map((s) => ({ name: s.name, detail: s.detail, stepId: s.stepId, selection: p.text(s.selectionRange), children: s.children.map((c) => [c.kind, c.name, c.detail, p.text(c.range)]) })),
      [
        {
          name: 'fetch-users',
          detail: 'Fetch Users',
          stepId: 'fetch-users',
          selection: 'Steps.USERS',
          children: [
            ['entity', 'acme_user', 'User', 'Entities.USER'],
            ['relationship', 'acme_account_has_user', 'acme_account HAS acme_user', 'Relationships.ACCOUNT_HAS_USER'],
          ],
        },
        { name: 'fetch-devices', detail: 'Fetch Devices', stepId: 'fetch-devices', selection: "'fetch-devices'", children: [['entity', 'acme_device', 'Device, Host', 'Entities.DEVICE']] },
      ],
    );
    for (const s of symbols) {
      assert.match(p.text(s.range)!, /^\{[\s\S]*\}$/);
      for (const c of s.children) assert.ok(c.range.start >= s.range.start && c.range.end <= s.range.end, 'children lie inside their step');
    }
  });
  it('lists nothing for a file without steps', () => {
    const p = project();
    assert.deepEqual(documentSymbols(p.analysis, p.abs('src/constants.ts')), []);
    assert.deepEqual(documentSymbols(p.analysis, p.abs('src/missing.ts')), []);
  });
  it('names a step whose id is known only at run time by its name', () => {
    const p = project({ 'src/steps/account.ts': acme()['src/steps/account.ts'].replace('id: Steps.ACCOUNT', 'id: process.env.STEP_ID') });
    const [s] = documentSymbols(p.analysis, p.abs('src/steps/account.ts'));
    assert.equal(s.name, 'Fetch Account');
    assert.equal(s.stepId, undefined);
  });
  it('finds steps across the workspace by id or name, characters in order, ids first', () => {
    const p = project();
    assert.deepEqual(workspaceSymbols(p.analysis, 'fusr').map((s) => s.name), ['fetch-users']);
    assert.deepEqual(workspaceSymbols(p.analysis, 'Fetch Dev').map((s) => s.name), ['fetch-devices']);
    assert.deepEqual(workspaceSymbols(p.analysis, '').map((s) => s.name), ['fetch-account', 'fetch-users', 'fetch-devices']);
    assert.deepEqual(workspaceSymbols(p.analysis, 'fetch', 2).length, 2);
    assert.deepEqual(workspaceSymbols(p.analysis, 'zzz'), []);
  });
});
