import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyzeIntegration, diskFileHost, type IntegrationAnalysis, type SourceRange } from '../../../server/src/core';
import { codeLenses, definition, references } from '../../../server/src/core/queries';

// The bundled sample, read from disk: constants in one module, steps in three, start states in their own file.
const SAMPLE = path.resolve(__dirname, '../../../samples/acme-integration');

describe('queries: on the bundled sample integration', () => {
  let analysis: IntegrationAnalysis;
  const text = (r: SourceRange) => diskFileHost.readFile(r.file)!.slice(r.start, r.end);
  const offsetOf = (rel: string, needle: string) => {
    const file = path.join(SAMPLE, rel);
    const at = diskFileHost.readFile(file)!.indexOf(needle);
    assert.ok(at >= 0, needle);
    return { file, offset: at + 1 };
  };

  before(() => {
    const result = analyzeIntegration({ projectPath: SAMPLE, host: diskFileHost });
    if ('kind' in result) throw new Error(result.message);
    analysis = result;
  });

  it('finds every use of fetch-users across the step files and getStepStartStates', () => {
    const { file, offset } = offsetOf('src/steps/constants.ts', "'fetch-users'");
    const r = references(analysis, file, offset)!;
    const where = r.references.map((x) => `${path.relative(SAMPLE, x.range.file)}:${x.role}:${text(x.range)}`);
    assert.ok(where.includes("src/steps/constants.ts:step-id:'fetch-users'"));
    assert.ok(where.includes('src/steps/access/index.ts:step-id:Steps.USERS'));
    assert.ok(where.includes('src/steps/access/index.ts:depends-on:Steps.USERS'));
    assert.ok(where.includes('src/steps/devices/index.ts:depends-on:Steps.USERS'));
    assert.ok(where.includes('src/getStepStartStates.ts:start-state:Steps.USERS'));
    assert.equal(new Set(where).size, where.length, 'each place once');
  });

  it('goes from a getStepStartStates key to its step', () => {
    const { file, offset } = offsetOf('src/getStepStartStates.ts', 'Steps.GROUPS]');
    const d = definition(analysis, file, offset)!;
    assert.equal(path.relative(SAMPLE, d.targets[0].selectionRange.file), 'src/steps/access/index.ts');
    assert.equal(text(d.targets[0].selectionRange), 'Steps.GROUPS');
  });

  it('runs fetch-vulnerabilities after its whole dependency chain', () => {
    const lens = codeLenses(analysis, path.join(SAMPLE, 'src/steps/devices/index.ts')).find((l) => l.stepId === 'fetch-vulnerabilities');
    assert.deepEqual(lens?.withDependencies, ['fetch-account', 'fetch-users', 'fetch-devices', 'fetch-vulnerabilities']);
    assert.equal(lens?.complete, true);
  });
});
