import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildModel, type IntegrationModel, type Resolved } from '../../../server/src/core';
import { compare, project, resolvePath } from '../helpers/projection';

const FIXTURES = path.resolve(__dirname, '../../fixtures/model');

interface Expected {
  entry?: string;
  steps?: unknown[];
  ranges?: Array<{ path: string; use: string; origin?: string }>;
  problems?: Array<{ code: string; file: string; line?: number }>;
  [key: string]: unknown;
}

function textAt(file: string, start: number, end: number): string {
  return fs.readFileSync(file, 'utf8').slice(start, end);
}

function lineOf(file: string, offset: number): number {
  return fs.readFileSync(file, 'utf8').slice(0, offset).split('\n').length;
}

describe('model of fixture integrations (ground truth from running them with the real SDK)', () => {
  const names = fs.existsSync(FIXTURES) ? fs.readdirSync(FIXTURES).filter((n) => fs.existsSync(path.join(FIXTURES, n, 'expected.json'))) : [];

  it('has fixtures to check', () => {
    assert.ok(names.length >= 10, `only ${names.length} fixtures found in ${FIXTURES}`);
  });

  for (const name of names) {
    describe(name, () => {
      const dir = path.join(FIXTURES, name);
      const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Expected;
      let model: IntegrationModel;

      before(() => {
        const result = buildModel({ projectPath: dir });
        if ('kind' in result) assert.fail(`no model: ${result.message}`);
        model = result;
      });

      it('extracts the same steps, config fields and hooks as the running integration', () => {
        const { ranges: _ranges, problems: _problems, ...rest } = expected;
        const actual = project(model);
        const relevant = Object.fromEntries(Object.keys(rest).map((k) => [k, actual[k]]));
        const diffs = compare(relevant, rest);
        assert.deepEqual(diffs, [], diffs.join('\n'));
      });

      if (expected.ranges?.length) {
        it('points at where each value is used and where it is written', () => {
          for (const r of expected.ranges ?? []) {
            const resolved = resolvePath(model, r.path) as Resolved<unknown> | undefined;
            assert.ok(resolved && 'kind' in resolved, `${r.path}: no value in the model`);
            const { file, start, end } = resolved.range;
            assert.equal(textAt(file, start, end), r.use, `${r.path}: use range`);
            if (r.origin !== undefined) {
              assert.ok(resolved.kind === 'known' && resolved.origin, `${r.path}: no origin`);
              const o = resolved.origin;
              assert.equal(textAt(o.file, o.start, o.end), r.origin, `${r.path}: origin range`);
            }
          }
        });
      }

      if (expected.problems?.length) {
        it('reports the problems that limited the analysis, with their location', () => {
          for (const p of expected.problems ?? []) {
            const found = model.problems.find(
              (q) =>
                q.code === p.code &&
                q.range &&
                path.relative(dir, q.range.file).split(path.sep).join('/') === p.file &&
                (p.line === undefined || lineOf(q.range.file, q.range.start) === p.line),
            );
            assert.ok(found, `problem ${JSON.stringify(p)} not reported; got ${JSON.stringify(model.problems.map((q) => [q.code, q.message]))}`);
          }
        });
      }
    });
  }
});
