import * as assert from 'node:assert/strict';
import type { GraphData } from '../../../server/src/core/views/graphData';
import { chooseDrawn, DRAW_LIMIT, neighbours, PINNED_NEIGHBOURS } from '../../../webview/drawn';

/** `count` entities of `acme_big` in a chain, plus a few of `acme_small` each linked to one of them. */
function graph(count: number): GraphData {
  const nodes = Array.from({ length: count }, (_, i) => ({ id: `big:${i}`, label: `big ${i}`, group: 'acme_big' }));
  nodes.push(...[0, 1, 2].map((i) => ({ id: `small:${i}`, label: `small ${i}`, group: 'acme_small' })));
  const edges = Array.from({ length: count - 1 }, (_, i) => ({ from: `big:${i}`, to: `big:${i + 1}`, label: 'NEXT' }));
  edges.push(...[0, 1, 2].map((i) => ({ from: `small:${i}`, to: `big:${10 + i}`, label: 'HAS' })));
  return { kind: 'collected', title: 'graph', nodes, edges };
}

describe('webview: what the graph page draws', () => {
  it('draws every node of a small graph one by one', () => {
    const drawn = chooseDrawn(graph(100), {});
    assert.equal(drawn.clustered, false);
    assert.equal(drawn.nodes.length, 103);
    assert.equal(drawn.edges.length, 102);
  });

  it('draws one node per group above the limit, with edges aggregated and counted', () => {
    const drawn = chooseDrawn(graph(DRAW_LIMIT + 10), {});
    assert.equal(drawn.clustered, true);
    assert.deepEqual(drawn.nodes.map((n) => n.id).sort(), ['group:acme_big', 'group:acme_small']);
    assert.deepEqual(drawn.edges.map((e) => e.label).sort(), ['HAS ×3', 'NEXT ×1509']);
  });

  it('draws pinned nodes one by one while the rest of their group stays one node', () => {
    const data = graph(DRAW_LIMIT + 10);
    const pinned = ['big:11', ...neighbours(data, 'big:11', new Set())];
    assert.deepEqual(pinned, ['big:11', 'big:10', 'big:12', 'small:1']);
    const drawn = chooseDrawn(data, { pinned });
    const ids = drawn.nodes.map((n) => n.id).sort();
    assert.deepEqual(ids, ['big:10', 'big:11', 'big:12', 'group:acme_big', 'group:acme_small', 'small:1']);
    assert.equal(drawn.nodes.find((n) => n.id === 'group:acme_big')!.label, `acme_big\n${DRAW_LIMIT + 7}`);
    // Edges between pinned nodes are drawn as they are; the others go to their group node.
    assert.ok(drawn.edges.some((e) => e.from === 'big:10' && e.to === 'big:11' && e.label === 'NEXT'));
    assert.ok(drawn.edges.some((e) => e.from === 'small:1' && e.to === 'big:11' && e.label === 'HAS'));
    assert.ok(drawn.edges.some((e) => e.from === 'big:12' && e.to === 'group:acme_big' && e.label === 'NEXT ×1'));
  });

  it('leaves out neighbours in hidden groups, and stops at the limit', () => {
    const data = graph(DRAW_LIMIT + 10);
    assert.deepEqual(neighbours(data, 'big:11', new Set(['acme_small'])), ['big:10', 'big:12']);
    const hub: GraphData = {
      kind: 'collected',
      title: 'hub',
      nodes: [{ id: 'hub', label: 'hub', group: 'a' }, ...Array.from({ length: 200 }, (_, i) => ({ id: `n${i}`, label: `n${i}`, group: 'b' }))],
      edges: Array.from({ length: 200 }, (_, i) => ({ from: 'hub', to: `n${i}` })),
    };
    assert.equal(neighbours(hub, 'hub', new Set()).length, PINNED_NEIGHBOURS);
  });
});
