import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { diskCollectedHost, readCollection } from '../../../server/src/core/collected';
import { collectedGraphData, stepGraph, stepsView, typesGraph } from '../../../server/src/core/views';
import { model as buildModel } from '../helpers/inMemoryModel';
const inMemoryModel = (files: Record<string, string>) => ({ model: buildModel(files) });

const SOURCE = `
export const invocationConfig = {
  integrationSteps: [
    {
      id: 'fetch-groups',
      name: 'Fetch Groups',
      entities: [{ resourceName: 'Group', _type: 'acme_group', _class: 'Group' }],
      relationships: [{ _type: 'acme_account_has_group', _class: 'HAS', sourceType: 'acme_account', targetType: 'acme_group' }],
      mappedRelationships: [{ _type: 'acme_group_uses_vendor', _class: 'USES', sourceType: 'acme_group', targetType: 'acme_vendor', direction: 'REVERSE' }],
      dependsOn: ['fetch-account'],
      executionHandler: async () => {},
    },
    {
      id: 'fetch-account',
      name: 'Fetch Account',
      entities: [{ resourceName: 'Account', _type: 'acme_account', _class: ['Account'] }],
      relationships: [],
      executionHandler: async () => {},
    },
  ],
};
`;

describe('views of the static model and the collection', () => {
  it('lists steps in the runtime order with their declared types and where they are written', () => {
    const { model } = inMemoryModel({ 'src/index.ts': SOURCE });
    const view = stepsView(model);
    assert.deepEqual(view.steps.map((s) => s.id), ['fetch-account', 'fetch-groups']);
    const groups = view.steps[1];
    assert.deepEqual(groups.declaredTypes, ['acme_group', 'acme_account_has_group', 'acme_group_uses_vendor']);
    assert.deepEqual(groups.dependsOn, ['fetch-account']);
    assert.equal(groups.complete, true);
    assert.equal(SOURCE.slice(groups.idRange.start, groups.idRange.end), "'fetch-groups'");
  });

  it('falls back to declaration order with the runtime message on a cycle', () => {
    const { model } = inMemoryModel({ 'src/index.ts': SOURCE.replace("relationships: [],\n      executionHandler", "relationships: [],\n      dependsOn: ['fetch-groups'],\n      executionHandler") });
    const view = stepsView(model);
    assert.deepEqual(view.steps.map((s) => s.id), ['fetch-groups', 'fetch-account']);
    assert.match(view.orderProblem!, /Dependency Cycle Found: fetch-groups -> fetch-account -> fetch-groups/);
    assert.match(stepGraph(view).note!, /Dependency Cycle Found/);
  });

  it('draws the declared types like visualize-types: mapped targets as dashed placeholders, reversed when REVERSE', () => {
    const { model } = inMemoryModel({ 'src/index.ts': SOURCE });
    const graph = typesGraph(stepsView(model));
    assert.deepEqual(graph.nodes.map((n) => [n.id, !!n.placeholder]), [
      ['acme_account', false],
      ['acme_group', false],
      ['acme_vendor', true],
    ]);
    assert.deepEqual(graph.edges, [
      { from: 'acme_account', to: 'acme_group', label: 'HAS' },
      { from: 'acme_vendor', to: 'acme_group', label: 'USES', dashes: true },
    ]);
  });

  it('draws the step graph numbered in run order with dependsOn edges', () => {
    const { model } = inMemoryModel({ 'src/index.ts': SOURCE });
    const graph = stepGraph(stepsView(model));
    assert.deepEqual(graph.nodes.map((n) => n.label), ['1. Fetch Account', '2. Fetch Groups']);
    assert.deepEqual(graph.edges, [{ from: 'fetch-account', to: 'fetch-groups' }]);
  });

  it('draws the collected graph: entities by _type, relationships between collected entities, mapped targets', () => {
    const graph = collectedGraphData(readCollection(path.join(__dirname, '../../fixtures/collected/clean'), diskCollectedHost));
    assert.equal(graph.nodes.filter((n) => !n.placeholder).length, 3);
    assert.deepEqual(new Set(graph.nodes.map((n) => n.group)), new Set(['acme_account', 'acme_group', 'mapped target']));
    assert.equal(graph.edges.length, 3);
    assert.equal(graph.note, undefined);
    const missing = collectedGraphData(readCollection(path.join(__dirname, '../../fixtures/collected/missing-endpoint'), diskCollectedHost));
    assert.match(missing.note!, /2 relationship\(s\) not drawn/);
  });
});
