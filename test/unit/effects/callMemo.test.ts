import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyzeIntegration } from '../../../server/src/core';
import { analyzeStepEffects, type StepEffects } from '../../../server/src/core/effects';
import { CallMemo, plainInputs } from '../../../server/src/core/effects/callMemo';
import type { FunctionValue, Value } from '../../../server/src/core/evaluator/values';
import { memoryHost } from '../helpers/memoryHost';

const ROOT = path.resolve('/virtual/memo');

function effectsOf(steps: string): { effects: StepEffects; text: string } {
  const files = { 'src/index.ts': `import { integrationSteps } from './steps';\nexport const invocationConfig = { integrationSteps };`, 'src/steps.ts': steps };
  const host = memoryHost(ROOT, files);
  const analysis = analyzeIntegration({ projectPath: ROOT, host });
  if ('kind' in analysis) assert.fail(analysis.message);
  const step = analysis.model.steps.items[0];
  return { effects: analyzeStepEffects(analysis.evaluator, analysis.handlerOf(step), step.range), text: steps };
}

const step = (handler: string) => `export const integrationSteps = [{ id: 's', name: 's', entities: [], relationships: [], executionHandler: ${handler} }];`;

describe('reuse of walked calls (CallMemo)', () => {
  it('a reused call that returns its argument gives this call\'s argument, with its own range', () => {
    const { effects, text } = effectsOf(`
      function pick(value) { if (Math.random() > 0.5) return value; return value; }
      ${step(`async ({ jobState }) => {
        await jobState.addEntity({ _key: 'a', _type: pick(Date.now()), _class: 'User' });
        await jobState.addEntity({ _key: 'b', _type: pick(performance.now()), _class: 'User' });
      }`)}`);
    const ranges = effects.entities.map((e) => text.slice(e._type.range.start, e._type.range.end));
    assert.deepEqual(ranges, ['Date.now()', 'performance.now()']);
  });

  it('is not reused when it runs a callback that changes the handler\'s variables', () => {
    const { effects } = effectsOf(`
      function run(callback) { callback(); }
      ${step(`async ({ jobState }) => {
        let type = 'acme_a';
        const change = () => { type = 'acme_b'; };
        run(change);
        await jobState.addEntity({ _key: 'a', _type: type, _class: 'User' });
        type = 'acme_c';
        run(change);
        await jobState.addEntity({ _key: 'b', _type: type, _class: 'User' });
      }`)}`);
    assert.deepEqual(effects.entities.map((e) => (e._type.kind === 'known' ? e._type.value : '?')), ['acme_b', 'acme_b']);
  });

  it('is not reused where walking it again reaches the depth limit', () => {
    // The handler's walk enters f0 at depth 1, f37 at depth 38 and helper at 39: leaf would be the 41st call deep.
    const chain = Array.from({ length: 37 }, (_, i) => `function f${i}(x) { return f${i + 1}(x); }`).join('\n');
    const { effects } = effectsOf(`
      function leaf(x) { return x; }
      function helper(x) { return leaf(x); }
      ${chain}
      function f37(x) { return helper(x); }
      ${step(`async ({ jobState }) => {
        helper(Date.now());
        await jobState.addEntity({ _key: 'a', _type: f0(Date.now()), _class: 'User' });
      }`)}`);
    assert.ok(effects.gaps.some((g) => /nested deeper than 40/.test(g.reason)), JSON.stringify(effects.gaps));
  });

  it('keeps a call whose result is its argument or a value of its own, and rebuilds it for another plain input', () => {
    const memo = new CallMemo();
    const fn = { k: 'function', node: { pos: 0, end: 100 }, scope: { module: { path: '/p/a.ts' } }, at: undefined } as unknown as FunctionValue;
    const inside = { file: '/p/a.ts', start: 10, end: 20 };
    const site = { file: '/p/b.ts', start: 1, end: 5 };
    const errA: Value = { k: 'unknown', reason: 'the caught error', at: { file: '/p/b.ts', start: 30, end: 33 } };
    const errB: Value = { k: 'unknown', reason: 'the error of another request', at: { file: '/p/b.ts', start: 60, end: 63 } };
    const made: Value = { k: 'unknown', reason: "'new ApiError(...)' is only known at run time", at: inside };
    const choice = { k: 'unknown', reason: 'returns different values', at: site, alternatives: [errA, made] } as Value;
    memo.store(fn, [errA], undefined, site, choice, 1, () => [fn.node], () => false);
    const other = { file: '/p/c.ts', start: 7, end: 9 };
    const reused = memo.lookup(fn, [errB], undefined, other, 40, () => false)?.value as unknown as { at: unknown; alternatives: Value[] };
    assert.ok(reused);
    assert.equal(reused.alternatives[0], errB, 'the argument is this call\'s');
    assert.equal(reused.alternatives[1], made);
    assert.deepEqual(reused.at, other, 'stamped at this call site');
    assert.equal(memo.lookup(fn, [{ k: 'string', v: 'x' }], undefined, other, 40, () => false), undefined, 'a known argument is not a plain unknown');
    assert.equal(memo.lookup(fn, [errB], undefined, other, 0, () => false), undefined, 'no room for its depth');
    assert.equal(memo.lookup(fn, [errB], undefined, other, 40, () => true), undefined, 'a function its walk entered is running here');
  });

  it('does not keep a result that tells of its argument or was made elsewhere, nor take inputs the walk may change', () => {
    const memo = new CallMemo();
    const fn = { k: 'function', node: { pos: 0, end: 100 }, scope: { module: { path: '/p/a.ts' } } } as unknown as FunctionValue;
    const site = { file: '/p/b.ts', start: 1, end: 5 };
    const err: Value = { k: 'unknown', reason: 'the caught error', at: { file: '/p/b.ts', start: 30, end: 33 } };
    memo.store(fn, [err], undefined, site, { k: 'unknown', reason: 'the message of the caught error', at: { file: '/p/a.ts', start: 10, end: 20 } }, 1, () => [], () => false);
    memo.store(fn, [err], undefined, site, { k: 'string', v: 'x', at: { file: '/p/z.ts', start: 0, end: 3 } }, 1, () => [], () => false);
    assert.equal(memo.lookup(fn, [err], undefined, site, 40, () => false), undefined);
    const own: Value = { k: 'object', props: new Map() };
    assert.equal(plainInputs([own], undefined, (v) => v === own), false, 'an object the walker made');
    assert.equal(plainInputs([own], undefined, () => false), true, 'an object the walk cannot change');
    assert.equal(plainInputs([{ k: 'unknown', reason: 'x', alternatives: [] } as Value], undefined, () => false), false, 'a choice');
  });
});
