import { strict as assert } from 'node:assert';
import { documentFlavorForCliVersion, NEWEST_DOCUMENT_FLAVOR } from '../../../server/src/core/document/flavor';

describe('document/flavor', () => {
  // Each pair is the last release before a change and the first release with it.
  const cases: Array<[string, string]> = [
    ['3.2.0', '3.2.0'],
    ['6.13.0', '3.2.0'],
    ['6.14.0', '6.14.0'],
    ['6.17.0', '6.14.0'],
    ['6.18.0', '6.18.0'],
    ['6.19.0', '6.19.0'],
    ['8.28.1', '6.19.0'],
    ['8.29.0', '8.29.0'],
    ['8.31.0', '8.29.0'],
    ['8.31.1', '8.31.1'],
    ['11.0.1', '8.31.1'],
    ['11.0.2', '11.0.2'],
    ['17.4.0', '11.0.2'],
  ];
  for (const [version, since] of cases) {
    it(`CLI ${version} writes the flavor introduced in ${since}`, () => {
      const flavor = documentFlavorForCliVersion(version);
      assert.equal(flavor.since, since);
      assert.equal(flavor.exact, true);
    });
  }

  it('describes each range by its rules', () => {
    assert.deepEqual(pick('8.28.1'), ['by-type', 'by-type', true, 'created', 'main']);
    assert.deepEqual(pick('8.30.2'), ['none', 'by-type', true, 'created', 'main']);
    assert.deepEqual(pick('9.5.0'), ['by-identity', 'by-type', true, 'created', 'main']);
    assert.deepEqual(pick('12.3.1'), ['by-identity', 'by-endpoints', true, 'created', 'main']);
    assert.deepEqual(pick('6.18.0'), ['by-type', 'by-type', true, 'created/mapped', 'main']);
    assert.deepEqual(pick('6.16.0'), ['by-type', 'by-type', false, 'created/mapped', 'main']);
    assert.deepEqual(pick('5.12.0'), ['by-type', 'by-type', false, 'created/mapped', 'master']);
  });

  it('treats unknown or unparsable versions as the newest CLI', () => {
    assert.equal(documentFlavorForCliVersion(undefined), NEWEST_DOCUMENT_FLAVOR);
    assert.equal(documentFlavorForCliVersion('latest'), NEWEST_DOCUMENT_FLAVOR);
    assert.equal(NEWEST_DOCUMENT_FLAVOR.since, '11.0.2');
  });

  it('reads a leading v and ignores prerelease suffixes', () => {
    assert.equal(documentFlavorForCliVersion('v8.30.2').since, '8.29.0');
    assert.equal(documentFlavorForCliVersion('11.0.2-beta.1').since, '11.0.2');
  });

  it('marks versions older than 3.2.0 as approximate', () => {
    const flavor = documentFlavorForCliVersion('3.1.0');
    assert.equal(flavor.exact, false);
    assert.equal(flavor.since, '3.2.0');
  });
});

function pick(version: string): unknown[] {
  const f = documentFlavorForCliVersion(version);
  const intro = /created\/mapped/.test(f.relationshipsIntro) ? 'created/mapped' : 'created';
  return [f.dedupe, f.relationshipOrder, f.mappedRelationships, intro, f.docsBranch];
}
