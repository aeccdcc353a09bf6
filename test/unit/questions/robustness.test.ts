import * as assert from 'node:assert/strict';
import { onQueryError } from '../../../server/src/core/queries';
import { questionsKind } from '../../../server/src/core/questions';
import { context, oneQuestion, QUESTION_FILE } from './helpers';

const FILE = oneQuestion(
  [
    '      - name: good',
    '        resultsAre: GOOD',
    '        query: >-',
    "          FIND (User|acme_user) WITH email $= '@{{domain}}'",
    '            THAT HAS acme_group AS g',
    '          RETURN g.name',
    '      - query: "FIND acme_device WITH name = \\"x\\""',
  ].join('\n'),
);

describe('questions: half-typed and malformed files', () => {
  const errors: unknown[] = [];
  before(() => onQueryError((error) => errors.push(error)));
  after(() => onQueryError(undefined));

  it('never throws and never swallows an error, for every prefix of a file and every cursor in it', () => {
    const ctx = context();
    for (let cut = 0; cut <= FILE.length; cut++) {
      const text = FILE.slice(0, cut);
      const findings = questionsKind.check(QUESTION_FILE, text, ctx);
      for (const f of findings) assert.ok(f.range.start >= 0 && f.range.end <= text.length && f.range.start <= f.range.end, `bad range at cut ${cut}`);
      if (cut % 7 === 0) {
        for (let offset = 0; offset <= text.length; offset += 3) {
          questionsKind.hover!(QUESTION_FILE, text, offset, ctx);
          questionsKind.completion!(QUESTION_FILE, text, offset, ctx);
          questionsKind.definition!(QUESTION_FILE, text, offset, ctx);
        }
      }
    }
    assert.deepEqual(errors, []);
  });

  it('answers a file that is one huge line, or binary noise, with one finding and quickly', () => {
    const huge = 'questions: [' + 'x, '.repeat(200_000) + ']';
    const started = Date.now();
    const findings = questionsKind.check(QUESTION_FILE, huge, context());
    assert.ok(Date.now() - started < 5000);
    assert.equal(findings.length, 201, 'the schema findings are capped, with one that says so');
    assert.ok(findings.some((f) => /in more places than shown \(200002 schema errors/.test(f.message)));
    const noise = questionsKind.check(QUESTION_FILE, '\u0000\u0001{[:', context());
    assert.equal(noise.length, 1);
    assert.equal(noise[0].code, 'question-yaml-syntax');
  });
});
