import { strict as assert } from 'node:assert';
import { unifiedDiff } from '../../../server/src/core/document/diff';

describe('document/diff', () => {
  it('is empty for identical texts', () => {
    assert.equal(unifiedDiff('a\nb\n', 'a\nb\n', 'old', 'new'), '');
  });

  it('prints labels, an @@ hunk and three lines of context', () => {
    const old = ['1', '2', '3', '4', '5', '6', '7', '8', '9', ''].join('\n');
    const next = old.replace('5', 'five');
    assert.equal(
      unifiedDiff(old, next, 'docs/jupiterone.md', 'docs/jupiterone.md (generated)'),
      [
        '--- docs/jupiterone.md',
        '+++ docs/jupiterone.md (generated)',
        '@@ -2,7 +2,7 @@',
        ' 2',
        ' 3',
        ' 4',
        '-5',
        '+five',
        ' 6',
        ' 7',
        ' 8',
        '',
      ].join('\n'),
    );
  });

  it('splits distant changes into separate hunks and flags a missing final newline', () => {
    const old = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
    const next = old.replace('line 2\n', 'LINE 2\n').replace('line 20\n', 'line 20');
    const diff = unifiedDiff(old, next, 'a', 'b');
    assert.deepEqual(diff.match(/^@@ .* @@$/gm), ['@@ -1,5 +1,5 @@', '@@ -17,4 +17,4 @@']);
    assert.match(diff, /-line 20\n\+line 20\n\\ No newline at end of file\n$/);
  });
});
