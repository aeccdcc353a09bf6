import * as assert from 'node:assert/strict';
import { hover } from '../../../server/src/core/queries';
import { acme, acmeAt, cursorProject, fakeFacts, type CursorProject } from './project';

function hoverAt(p: CursorProject, facts?: Parameters<typeof hover>[3]) {
  const h = hover(p.analysis, p.file, p.offset, facts);
  return h && { markdown: h.markdown, text: p.text(h.range) };
}

describe('queries: hover', () => {
  describe('a step id', () => {
    it('shows name, file:line, dependsOn and declared types of the step a dependsOn names', () => {
      const h = hoverAt(acmeAt('src/steps/users.ts', "dependsOn: ['fetch-|users']"));
      assert.equal(h?.text, "'fetch-users'");
      assert.equal(
        h?.markdown,
        [
          '**Step** `fetch-users`: Fetch Users',
          '',
          '- defined at `src/steps/users.ts:10`',
          '- depends on: `fetch-account`',
          '- entities: `acme_user` (User)',
          '- relationships: `acme_account_has_user` (`acme_account` HAS `acme_user`)',
        ].join('\n'),
      );
    });
    it('shows the step from the literal its id constant is written as', () => {
      const h = hoverAt(acmeAt('src/constants.ts', "ACCOUNT: 'fetch-acc|ount'"));
      assert.match(h!.markdown, /^\*\*Step\*\* `fetch-account`: Fetch Account/);
      assert.match(h!.markdown, /defined at `src\/steps\/account\.ts:6`/);
    });
    it('says when no step has the id', () => {
      const p = cursorProject(acme({ 'src/steps/users.ts': acme()['src/steps/users.ts'].replace("dependsOn: ['fetch-users']", "dependsOn: ['fetch-usr|s']") }));
      assert.equal(hoverAt(p)?.markdown, 'No step has the id `fetch-usrs`.');
    });
    it('notes a second definition of the same id, which the runtime drops', () => {
      const p = cursorProject(acme({ 'src/steps/users.ts': acme()['src/steps/users.ts'].replace("id: 'fetch-devices'", "id: 'fetch-us|ers'") }));
      assert.match(hoverAt(p)!.markdown, /defined again at `src\/steps\/users\.ts:18`: the runtime keeps only the first/);
    });
  });

  describe('a _type', () => {
    it('shows the declaring step, with producers and readers from handler effects', () => {
      const p = acmeAt('src/constants.ts', "ACCOUNT: { resourceName: 'Account', _type: 'acme_acc|ount'");
      const facts = fakeFacts(p.analysis, {
        'fetch-account': { produces: [{ type: 'acme_account', at: p.find('src/steps/account.ts', 'fetchAccount') }] },
        'fetch-users': { reads: [{ type: 'acme_account', at: p.find('src/steps/users.ts', 'Entities.ACCOUNT._type') }] },
      });
      assert.equal(
        hoverAt(p, facts)?.markdown,
        [
          '**Entity type** `acme_account`',
          '',
          '- class: Account',
          '- resource name: Account',
          '- declared by: `fetch-account` (Fetch Account)',
          '- in relationships: `acme_account_has_user`',
          '- produced by: `fetch-account` (Fetch Account)',
          '- read by: `fetch-users` (Fetch Users)',
        ].join('\n'),
      );
    });
    it('says the lists may be partial when a handler could not be followed', () => {
      const p = acmeAt('src/constants.ts', "_type: 'acme_us|er'");
      const facts = fakeFacts(p.analysis, { 'fetch-users': { complete: false } });
      assert.match(hoverAt(p, facts)!.markdown, /produced by: no step found\n- read by: no step found\n\n_Some handlers could not be followed completely/);
    });
    it('shows a relationship type with its ends', () => {
      const h = hoverAt(acmeAt('src/constants.ts', "_type: 'acme_account_has|_user'"));
      assert.match(h!.markdown, /^\*\*Relationship type\*\* `acme_account_has_user`\n\n- `acme_account` HAS `acme_user`\n- declared by: `fetch-users`/);
    });
    it('without facts, shows only what the model declares', () => {
      const h = hoverAt(acmeAt('src/constants.ts', "_type: 'acme_us|er'"));
      assert.doesNotMatch(h!.markdown, /produced by|read by/);
    });
  });

  describe('a _class', () => {
    it('shows the data-model description and required properties, own and inherited', () => {
      const h = hoverAt(acmeAt('src/constants.ts', "_class: ['Us|er']"));
      assert.equal(h?.text, "'User'");
      assert.match(h!.markdown, /^\*\*Entity class\*\* `User` \(@jupiterone\/data-model\)\n\nA user account\/login to access certain systems/);
      assert.match(h!.markdown, /- required properties: `firstName`, `lastName`, `email`, `shortLoginId`, `username`/);
      assert.match(h!.markdown, /- required from Entity: `name`, `displayName`\n- required from GraphObject: `_key`, `_class`, `_type`/);
    });
    it('shows a relationship class', () => {
      const h = hoverAt(acmeAt('src/constants.ts', 'RelationshipClass.|HAS'));
      assert.equal(h?.markdown, '**Relationship class** `HAS`\n\n`RelationshipClass.HAS` of @jupiterone/data-model.');
    });
    it('says when a class is not in the data model', () => {
      const p = cursorProject(acme({ 'src/constants.ts': acme()['src/constants.ts'].replace("_class: ['User']", "_class: ['Usr|']") }));
      assert.equal(hoverAt(p)?.markdown, '**Entity class** `Usr`\n\n`Usr` is not a class of @jupiterone/data-model.');
    });
  });

  it('is undefined where nothing is named', () => {
    assert.equal(hoverAt(acmeAt('src/steps/users.ts', "name: 'Fetch U|sers'")), undefined);
    assert.equal(hoverAt(acmeAt('src/index.ts', 'getStep|StartStates,')), undefined);
  });
});
