import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyzeIntegration, createRuleContext, type IntegrationAnalysis } from '../../../server/src/core';
import type { DataModelFacts } from '../../../server/src/core/queries/types';
import { questionsKind } from '../../../server/src/core/questions';
import { ownPrefixes } from '../../../server/src/core/questions/integrationTypes';
import { memoryHost } from '../helpers/memoryHost';
import { acme } from '../queries/project';
import { context, located, oneQuestion, QUESTION_FILE, ROOT } from './helpers';

function analyse(files: Record<string, string>): IntegrationAnalysis {
  const analysis = analyzeIntegration({ projectPath: ROOT, host: memoryHost(ROOT, files) });
  if ('kind' in analysis) throw new Error(analysis.message);
  return analysis;
}

const integration = analyse(acme());
const queryFile = (query: string) => oneQuestion(`      - query: |\n          ${query}`);
const at = (text: string, needle: string, n = 0) => {
  let i = -1;
  for (let k = 0; k <= n; k++) i = text.indexOf(needle, i + 1);
  assert.ok(i >= 0, needle);
  return i;
};

describe('questions: cross-checks with the integration model', () => {
  it('warns about a _type with the integration prefix that no step declares, with a did-you-mean fix', () => {
    const text = queryFile('FIND acme_usr THAT HAS acme_device');
    const findings = questionsKind.check(QUESTION_FILE, text, context(integration));
    assert.deepEqual(findings.map((f) => located(text, f)), ['10:16 j1ql-undeclared-type "acme_usr"']);
    assert.equal(findings[0].severity, 'warning');
    assert.match(findings[0].message, /No step of this integration declares the _type "acme_usr" .* Did you mean "acme_user"\?/);
    assert.equal(findings[0].fixes?.[0].edits[0].newText, 'acme_user');
  });

  it('is silent for other integrations’ types, relationship endpoints, and without an integration', () => {
    const text = queryFile('FIND acme_account THAT HAS aws_instance THAT RELATES TO github_user');
    assert.deepEqual(questionsKind.check(QUESTION_FILE, text, context(integration)), []);
    assert.deepEqual(questionsKind.check(QUESTION_FILE, queryFile('FIND acme_usr'), context()), []);
  });

  it('is silent when a step’s types are known only at run time', () => {
    const files = acme();
    const partial = analyse({ ...files, 'src/steps/account.ts': files['src/steps/account.ts'].replace('entities: [Entities.ACCOUNT]', 'entities: [Entities.ACCOUNT, ...process.env.EXTRA]') });
    assert.deepEqual(questionsKind.check(QUESTION_FILE, queryFile('FIND acme_usr'), context(partial)), []);
  });

  it('derives the prefix from the majority of declared types only', () => {
    assert.deepEqual(ownPrefixes(['github_repo', 'github_user', 'github_repo_has_user', 'mapped_thing']), ['github_']);
    assert.deepEqual(ownPrefixes(['a_x', 'b_y', 'c_z']), []);
  });

  it('warns about a class no data model defines, and trusts a class the project’s data model has', () => {
    const text = queryFile('FIND Usr THAT HAS (Device|Hots)');
    const findings = questionsKind.check(QUESTION_FILE, text, context());
    assert.deepEqual(findings.map((f) => located(text, f)), ['10:16 j1ql-unknown-class "Usr"', '10:37 j1ql-unknown-class "Hots"']);
    assert.match(findings[1].message, /"Hots" .* is not an entity class of the JupiterOne data model, .* Did you mean "Host"\?/);
    const custom: DataModelFacts = {
      label: 'test',
      isEntityClass: (n) => n === 'Usr',
      isRelationshipClass: () => undefined,
      requiredProperties: () => undefined,
      entityClasses: () => ['Usr'],
      relationshipClasses: () => [],
    };
    assert.deepEqual(questionsKind.check(QUESTION_FILE, text, context(undefined, { dataModel: custom })).map((f) => located(text, f)), ['10:37 j1ql-unknown-class "Hots"']);
  });
});

describe('questions: hover, definition and completion in queries', () => {
  const text = queryFile('FIND acme_user THAT HAS User');
  const file = QUESTION_FILE;

  it('hovers a _type with the same text as in TypeScript files', () => {
    const h = questionsKind.hover!(file, text, at(text, 'acme_user') + 3, context(integration));
    assert.equal(text.slice(h!.range.start, h!.range.end), 'acme_user');
    assert.match(h!.markdown, /^\*\*Entity type\*\* `acme_user`\n\n- class: User\n- resource name: User\n- declared by: `fetch-users` \(Fetch Users\)/);
  });

  it('hovers a class with its data-model description', () => {
    const h = questionsKind.hover!(file, text, at(text, 'User', 0) + 1, context(integration));
    assert.equal(text.slice(h!.range.start, h!.range.end), 'User');
    assert.match(h!.markdown, /^\*\*Entity class\*\* `User`/);
    const alone = questionsKind.hover!(file, text, at(text, 'User', 0) + 1, context());
    assert.match(alone!.markdown, /^\*\*Entity class\*\* `User` \(@jupiterone\/data-model\)/);
  });

  it('goes from a _type to the step metadata that declares it', () => {
    const d = questionsKind.definition!(file, text, at(text, 'acme_user') + 1, context(integration));
    assert.equal(text.slice(d!.origin.start, d!.origin.end), 'acme_user');
    assert.equal(d!.targets.length, 1);
    const target = d!.targets[0].selectionRange;
    assert.equal(path.relative(ROOT, target.file), path.join('src', 'constants.ts'));
    assert.equal(acme()['src/constants.ts'].slice(target.start, target.end), "'acme_user'");
  });

  it('completes declared _types and classes where an entity is expected', () => {
    const typing = queryFile('FIND acme_user THAT HAS acme_d');
    const items = questionsKind.completion!(file, typing, at(typing, 'acme_d') + 6, context(integration));
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('acme_device') && labels.includes('acme_account_has_user') && labels.includes('User'));
    assert.equal(typing.slice(items[0].range.start, items[0].range.end), 'acme_d');
    assert.equal(items.find((i) => i.label === 'acme_device')?.kind, 'entityType');
    // Not after WITH, where a property is expected.
    const property = queryFile('FIND acme_user WITH acme_d');
    assert.deepEqual(questionsKind.completion!(file, property, at(property, 'acme_d') + 6, context(integration)), []);
  });

  it('completes after FIND and a space at the end of a plain query (YAML drops the trailing blank)', () => {
    const typing = oneQuestion('      - query: FIND ');
    const offset = at(typing, 'FIND ') + 5;
    const items = questionsKind.completion!(file, typing, offset, context(integration));
    assert.ok(items.some((i) => i.label === 'acme_user'));
    assert.deepEqual([items[0].range.start, items[0].range.end], [offset, offset]);
  });
});

describe('questions: types handlers add without declaring them', () => {
  it('are not reported: the query finds them (the TypeScript undeclared-type finding is the one to fix)', () => {
    const files = acme();
    const adding = analyse({
      ...files,
      'src/steps/account.ts': files['src/steps/account.ts'].replace(
        'export async function fetchAccount() {}',
        "export async function fetchAccount({ jobState }) { await jobState.addEntity({ _key: 'k', _type: 'acme_usr', _class: 'User' }); }",
      ),
    });
    const text = queryFile('FIND acme_usr');
    const rules = createRuleContext(adding, memoryHost(ROOT, {}), {});
    assert.deepEqual(questionsKind.check(QUESTION_FILE, text, context(adding)).map((f) => f.code), ['j1ql-undeclared-type']);
    assert.deepEqual(questionsKind.check(QUESTION_FILE, text, context(adding, { effects: (step) => rules.effects(step) })), []);
  });
});
