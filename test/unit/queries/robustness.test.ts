import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyzeIntegration } from '../../../server/src/core';
import { codeLenses, completion, definition, documentSymbols, hover, onQueryError, references, whatIsAt } from '../../../server/src/core/queries';
import { memoryHost } from '../helpers/memoryHost';
import { acme, acmeAt, fakeFacts, ROOT } from './project';

describe('queries: robustness and cost', () => {
  // Queries swallow errors (answering "nothing here"); here every swallowed error fails the test.
  let errors: Array<{ query: string; error: unknown }>;
  beforeEach(() => {
    errors = [];
    onQueryError((error, query) => errors.push({ query, error }));
  });
  afterEach(() => onQueryError(undefined));
  const noErrors = () => assert.deepEqual(errors.map((e) => `${e.query}: ${(e.error as Error).stack}`), []);

  it('answers at every offset of every file without throwing', () => {
    const files = acme();
    const host = memoryHost(ROOT, files);
    const analysis = analyzeIntegration({ projectPath: ROOT, host });
    if ('kind' in analysis) throw new Error(analysis.message);
    const facts = fakeFacts(analysis, {});
    for (const [rel, text] of Object.entries(files)) {
      const file = path.join(ROOT, rel);
      for (let offset = 0; offset <= text.length; offset++) {
        whatIsAt(analysis, file, offset, facts);
        hover(analysis, file, offset, facts);
        definition(analysis, file, offset, facts);
        references(analysis, file, offset, facts);
        assert.ok(Array.isArray(completion(analysis, file, offset)));
      }
    }
    noErrors();
  });

  it('answers in every prefix of a step file being typed (half-typed code)', () => {
    const full = acme()['src/steps/users.ts'];
    for (let cut = 0; cut <= full.length; cut += 5) {
      const files = acme({ 'src/steps/users.ts': full.slice(0, cut) });
      const analysis = analyzeIntegration({ projectPath: ROOT, host: memoryHost(ROOT, files) });
      if ('kind' in analysis) continue;
      const file = path.join(ROOT, 'src/steps/users.ts');
      for (const offset of [cut, Math.max(0, cut - 1)]) {
        assert.ok(Array.isArray(completion(analysis, file, offset)));
        hover(analysis, file, offset);
        definition(analysis, file, offset);
        references(analysis, file, offset);
      }
      assert.ok(Array.isArray(documentSymbols(analysis, file)));
      assert.ok(Array.isArray(codeLenses(analysis, file)));
    }
    noErrors();
  });

  it('computes handler effects once per analysis and facts, however many queries ask', () => {
    const p = acmeAt('src/constants.ts', "_type: 'acme_us|er'");
    const facts = fakeFacts(p.analysis, {});
    for (let i = 0; i < 20; i++) {
      hover(p.analysis, p.file, p.offset, facts);
      references(p.analysis, p.file, p.offset, facts);
    }
    assert.equal(facts.calls, p.analysis.model.steps.items.length);
  });

  it('indexes effects once per effects function, so facts rebuilt per request reuse them', () => {
    const p = acmeAt('src/constants.ts', "_type: 'acme_us|er'");
    const facts = fakeFacts(p.analysis, {});
    for (let i = 0; i < 5; i++) hover(p.analysis, p.file, p.offset, { effects: facts.effects, dataModel: undefined });
    assert.equal(facts.calls, p.analysis.model.steps.items.length);
  });

  it('asks for no handler effects where the model already names the thing', () => {
    const p = acmeAt('src/steps/users.ts', 'dependsOn: [Steps.ACC|OUNT]');
    const facts = fakeFacts(p.analysis, {});
    whatIsAt(p.analysis, p.file, p.offset, facts);
    definition(p.analysis, p.file, p.offset, facts);
    hover(p.analysis, p.file, p.offset, facts);
    references(p.analysis, p.file, p.offset, facts);
    assert.equal(facts.calls, 0);
  });

  it('stays silent when the handler analysis throws', () => {
    const p = acmeAt('src/steps/users.ts', '_type: Entities.ACC|OUNT._type }');
    const facts = {
      effects(): never {
        throw new Error('boom');
      },
    };
    assert.equal(whatIsAt(p.analysis, p.file, p.offset, facts), undefined);
    assert.deepEqual([...new Set(errors.map((e) => `${e.query}: ${(e.error as Error).message}`))], ['effects: boom']);
  });
});
