import * as assert from 'node:assert/strict';
import { parseFromPage, parseState, parseToPage } from '../../../webview/protocol';

describe('webview messages', () => {
  it('accepts the page commands and nothing else', () => {
    assert.deepEqual(parseFromPage({ command: 'ready' }), { command: 'ready' });
    assert.deepEqual(parseFromPage({ command: 'open', id: 'fetch-users', extra: 1 }), { command: 'open', id: 'fetch-users' });
    assert.equal(parseFromPage({ command: 'open', id: 42 }), undefined);
    assert.equal(parseFromPage({ command: 'openExternal', url: 'https://example.com' }), undefined);
    assert.equal(parseFromPage('ready'), undefined);
    assert.equal(parseFromPage(null), undefined);
    assert.equal(parseFromPage({ command: 'rendered', drawnNodes: 1, drawnEdges: 0, totalNodes: 1, totalEdges: 'x', ms: 3 }), undefined);
    assert.deepEqual(parseFromPage({ command: 'rendered', drawnNodes: 1, drawnEdges: 0, totalNodes: 1, totalEdges: 0, ms: 3, clustered: 'yes' }), {
      command: 'rendered', drawnNodes: 1, drawnEdges: 0, totalNodes: 1, totalEdges: 0, ms: 3, clustered: false,
    });
  });

  it('accepts the extension messages the page draws', () => {
    assert.equal(parseToPage({ command: 'show', view: 'graph' }), undefined);
    assert.equal(parseToPage({ command: 'show', view: 'message', text: 'x' })?.command, 'show');
    assert.equal(parseToPage({ command: 'details', id: 'k' }), undefined);
  });

  it('restores only a well-formed saved state', () => {
    assert.deepEqual(parseState({ panel: { kind: 'types', root: '/p' }, hiddenGroups: ['a', 1], search: 's', pinned: ['x', {}] }), {
      panel: { kind: 'types', root: '/p' }, search: 's', hiddenGroups: ['a'], expandedGroups: undefined, pinned: ['x'], selected: undefined,
    });
    assert.equal(parseState({ panel: { kind: 'shell', root: '/p' } }), undefined);
    assert.equal(parseState(undefined), undefined);
  });
});
