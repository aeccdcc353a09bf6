import * as assert from 'node:assert/strict';
import { check, checkLocated, located, oneQuestion } from './helpers';

const SDK_HEADER = "---\nsourceId: managed:acme\nintegrationDefinitionId: '${integration_definition_id}'\n";

describe('questions: YAML syntax', () => {
  it('reports the SDK fixture invalid-yaml.yaml at the line js-yaml stops', () => {
    const text = SDK_HEADER + '### The following is invalid!\nquestions\n- id: x\n  title: t\n';
    const findings = check(text);
    assert.equal(findings.length, 1);
    assert.equal(findings[0].code, 'question-yaml-syntax');
    assert.match(findings[0].message, /not valid YAML: .+\. Fix the YAML/);
    assert.deepEqual(located(text, findings[0]), '6:5 question-yaml-syntax ":"');
    assert.match(findings[0].message, /a multiline key may not be an implicit key/);
  });

  it('reports a duplicated key where the second one is', () => {
    const text = oneQuestion('      - query: FIND acme_user\n        query: FIND acme_group');
    assert.deepEqual(checkLocated(text), ['10:9 question-yaml-syntax "query:"']);
    assert.match(check(text)[0].message, /duplicated mapping key/);
  });

  it('reports a second document like the SDK’s yaml.load, and an empty file as not a question file', () => {
    const text = oneQuestion('      - query: FIND acme_user') + '---\nother: 1\n';
    assert.deepEqual(checkLocated(text), ['12:1 question-yaml-syntax "---"']);
    assert.deepEqual(checkLocated(''), ['1:1 question-schema ""']);
    assert.match(check('')[0].message, /The question file is empty/);
  });
});

describe('questions: the SDK schema', () => {
  it('accepts the SDK fixtures basic, compliance and results-are shapes', () => {
    const text = oneQuestion(
      [
        '      - name: good',
        '        resultsAre: GOOD',
        '        query: find acme_user with email $="@{{domain}}"',
        '      - name: none',
        '        resultsAre:',
        '        query: |',
        "          FIND acme_user WITH projectId = '{{projectId}}'",
      ].join('\n'),
    ).replace('    tags:\n      - acme\n', "    tags:\n      - acme\n    compliance:\n      - standard: CIS\n        requirements:\n          - '1.6'\n");
    assert.deepEqual(checkLocated(text), []);
  });

  it('reports an invalid resultsAre on its value, with a fix for the wrong case', () => {
    const text = oneQuestion('      - query: FIND acme_user\n        resultsAre: bad');
    assert.deepEqual(checkLocated(text), ['10:21 question-schema "bad"']);
    const [finding] = check(text);
    assert.match(finding.message, /"questions\[0\]\.queries\[0\]\.resultsAre \(question "acme-question"\)" must be one of BAD, GOOD, INFORMATIVE, UNKNOWN/);
    assert.equal(finding.fixes?.[0].edits[0].newText, 'BAD');
  });

  it('reports a missing required property on the mapping that lacks it', () => {
    const text = oneQuestion('      - query: FIND acme_user').replace('    description: Lists the users.\n', '');
    assert.deepEqual(checkLocated(text), ['5:5 question-schema "id"']);
    assert.match(check(text)[0].message, /"questions\[0\]" has no "description": the SDK's schema check requires it\. Every question has an id, a title, a description/);
  });

  it('reports a number where a string is required, with a quoting fix', () => {
    const text = oneQuestion('      - query: FIND acme_user').replace('id: acme-question', 'id: 1234');
    assert.deepEqual(checkLocated(text), ['5:9 question-schema "1234"']);
    const [finding] = check(text);
    assert.match(finding.message, /must be a string, but is the number 1234 .*Expected string, but was number.*quote it \('1234'\)/);
    assert.deepEqual(finding.fixes?.[0].edits[0].newText, "'1234'");
  });

  it('reads an unquoted date as a timestamp, as the SDK’s js-yaml 4 does', () => {
    const text = oneQuestion('      - query: FIND acme_user').replace("      - acme\n", '      - 2021-01-01\n');
    assert.deepEqual(checkLocated(text), ['11:9 question-schema "2021-01-01"']);
    assert.match(check(text)[0].message, /a timestamp/);
  });

  it('reports queries written as a mapping on its key, and an empty name on the key', () => {
    const asMapping = oneQuestion('      query: FIND acme_user');
    assert.deepEqual(checkLocated(asMapping), ['8:5 question-schema "queries"']);
    assert.match(check(asMapping)[0].message, /must be a list, but is a mapping/);
    const emptyName = oneQuestion('      - name:\n        query: FIND acme_user');
    assert.deepEqual(checkLocated(emptyName), ['9:9 question-schema "name"']);
    assert.match(check(emptyName)[0].message, /must be a string, but is empty \(null\)/);
  });

  it('points at the dash of an empty list item', () => {
    const text = oneQuestion('      -');
    assert.deepEqual(checkLocated(text), ['9:7 question-schema "-"']);
  });
});

describe('questions: uniqueness, with the SDK’s messages', () => {
  const two = (a: string, b: string) =>
    SDK_HEADER +
    `questions:\n  - id: ${a}\n    title: Title ${a}\n    description: d\n    queries:\n      - query: FIND acme_user\n    tags: []\n` +
    `  - id: ${b}\n    title: Title ${b}\n    description: d\n    queries:\n      - query: FIND acme_user\n    tags: []\n`;

  it('reports a repeated question id on the second, with the first as related', () => {
    const text = two('q-1', 'q-1').replace('Title q-1\n', 'First\n');
    const findings = check(text);
    assert.deepEqual(findings.map((f) => located(text, f)), ['11:9 question-duplicate-id "q-1"']);
    assert.match(findings[0].message, /^Non-unique question ID found in file \(questionId=q-1\)\. /);
    assert.equal(findings[0].related?.[0].range.start, text.indexOf('q-1'));
  });

  it('reports a repeated title', () => {
    const text = two('q-1', 'q-2').replace('Title q-2', 'Title q-1');
    assert.deepEqual(checkLocated(text), ['12:12 question-duplicate-title "Title q-1"']);
    assert.match(check(text)[0].message, /^Non-unique question title found in file \(questionId=q-2, questionTitle=Title q-1\)\. /);
  });

  it('reports a repeated tag and a repeated query name within a question', () => {
    const text = oneQuestion('      - name: good\n        query: FIND acme_user\n      - name: good\n        query: FIND acme_group').replace('      - acme\n', '      - acme\n      - acme\n');
    assert.deepEqual(checkLocated(text), ['11:15 question-duplicate-query-name "good"', '15:9 question-duplicate-tag "acme"']);
    const [name, tag] = check(text);
    assert.match(name.message, /^Duplicate query name in question detected \(questionId=acme-question, queryName=good\)\. /);
    assert.match(tag.message, /^Non-unique question tag found \(questionId=acme-question, tag=acme\)\. /);
  });
});

describe('questions: J1QL syntax inside the YAML', () => {
  it('places an error in a plain query at its column', () => {
    const text = oneQuestion('      - query: FIND acme_user WITH = 1');
    assert.deepEqual(checkLocated(text), ['9:36 j1ql-syntax "="']);
    assert.match(check(text)[0].message, /^Error parsing query questions\[0\]\.queries\[0\] \(question "acme-question"\): Unexpected token/);
  });

  it('places an error in a folded block on its own line and column', () => {
    const text = oneQuestion('      - query: >-\n          FIND acme_user\n            THAT HAS acme_group\n          RETURN acme_user.name,, x');
    assert.deepEqual(checkLocated(text), ['12:33 j1ql-syntax ","']);
  });

  it('places an error in a literal block after an empty line', () => {
    const text = oneQuestion("      - query: |\n          FIND acme_user\n\n          WITH name = 'x' AND AND y = 1");
    assert.deepEqual(checkLocated(text), ['12:31 j1ql-syntax "AND"']);
  });

  it('places an error after escapes in a double-quoted query', () => {
    const text = oneQuestion('      - query: "FIND acme_user WITH name = \\"a\\" RETURN"');
    const findings = checkLocated(text);
    assert.equal(findings.length, 1);
    assert.match(findings[0], /^9:5[0-9] j1ql-syntax /);
    assert.equal(text.split('\n')[8].length, Number(findings[0].split(/[: ]/)[1]));
  });

  it('ends an unterminated string at its line end, and an unexpected end at the last character', () => {
    assert.deepEqual(checkLocated(oneQuestion("      - query: |\n          FIND acme_user WITH x = 'abc\n")), [`10:35 j1ql-syntax "'abc"`]);
    assert.deepEqual(checkLocated(oneQuestion('      - query: |\n          FIND acme_user THAT HAS\n')), ['10:34 j1ql-syntax ""']);
  });

  it('accepts template placeholders', () => {
    const text = oneQuestion("      - query: FIND acme_user WITH domain = '{{domain}}' AND _integrationDefinitionId = '${integration_definition_id}'");
    assert.deepEqual(checkLocated(text), []);
  });
});
