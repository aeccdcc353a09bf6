import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { bundledDataModel, projectDataModel } from '../../../server/src/core/dataModel';
import { historicDataModel } from '../../../server/src/core/dataModel/history';
import { lockedDataModelVersions } from '../../../server/src/core/dataModel/lockfile';
import { dataModelPackage, yarnLock } from '../helpers/dataModelPackage';
import { memoryHost } from '../helpers/memoryHost';

const ROOT = '/virtual/data-model';
const view = (files: Record<string, string>, at = ROOT) => projectDataModel(at, memoryHost(ROOT, files));

describe('the data model a project uses', () => {
  it('bundles 0.64.2: class schemas with their base schemas, and RelationshipClass keys', () => {
    const dm = bundledDataModel();
    assert.equal(dm.version, '0.64.2');
    assert.deepEqual(dm.requiredProperties('Account'), ['_class', '_key', '_type', 'displayName', 'name', 'vendor']);
    assert.deepEqual(dm.requiredProperties('GraphObject'), ['_class', '_key', '_type']);
    assert.equal(dm.isEntityClass('NHI'), true);
    assert.equal(dm.isRelationshipClass('LINKS'), true);
    assert.equal(dm.isRelationshipClass('BUILDS'), false);
  });

  it('reads an installed package in either dist layout, from the project or a parent folder', () => {
    for (const layout of ['old', 'new'] as const) {
      const files = dataModelPackage({ version: '0.30.0', classes: { Widget: ['size'] }, relationshipClasses: ['HAS', 'USES'], layout });
      const dm = view(files, `${ROOT}/packages/one`);
      assert.equal(dm.version, '0.30.0', layout);
      assert.deepEqual(dm.requiredProperties('Widget'), ['_class', '_key', '_type', 'displayName', 'name', 'size']);
      assert.equal(dm.isRelationshipClass('USES'), true);
      assert.equal(dm.isRelationshipClass('OWNS'), false);
    }
  });

  it('knows nothing from an installed package it cannot read, rather than judging by another version', () => {
    const dm = view({ 'node_modules/@jupiterone/data-model/package.json': '{"version":"9.9.9"}' });
    assert.equal(dm.isEntityClass('Anything'), undefined);
    assert.equal(dm.requiredProperties('User'), undefined);
  });

  it('reads the schemas of an installed package when first asked for, only the ones a class needs', () => {
    const files = dataModelPackage({ version: '0.60.0', classes: { Widget: ['size'], Gadget: ['weight'], Gizmo: [] }, relationshipClasses: ['HAS'] });
    const host = memoryHost(ROOT, files);
    const read: string[] = [];
    const counting = { ...host, readFile: (p: string) => (read.push(path.basename(p)), host.readFile(p)) };
    const dm = projectDataModel(ROOT, counting);
    assert.deepEqual(read.filter((f) => f.endsWith('.json') && f !== 'package.json'), []);
    assert.deepEqual(dm.requiredProperties('Widget'), ['_class', '_key', '_type', 'displayName', 'name', 'size']);
    assert.deepEqual(read.filter((f) => f.endsWith('.json') && f !== 'package.json').sort(), ['Entity.json', 'GraphObject.json', 'Widget.json']);
    // A name with no file of its own is looked for in every schema before it is called unknown.
    assert.equal(dm.isEntityClass('Doohickey'), false);
    assert.deepEqual(dm.entityClasses().slice().sort(), ['Entity', 'Gadget', 'Gizmo', 'GraphObject', 'Widget']);
    assert.equal(dm.classSchemas?.length, 5);
  });

  it('finds a class whose schema file is named otherwise, and knows nothing of a class whose schema is broken', () => {
    const files = dataModelPackage({ version: '0.60.0', classes: { Widget: ['size'], Gadget: ['weight'] }, relationshipClasses: ['HAS'] });
    const folder = 'node_modules/@jupiterone/data-model/dist/class_schemas';
    // Gadget's schema moved to Other.json (the index requires it there); Widget's file is not JSON.
    files[`${folder}/Other.json`] = files[`${folder}/Gadget.json`];
    delete files[`${folder}/Gadget.json`];
    files[`${folder}/index.js`] = files[`${folder}/index.js`].replace('./Gadget.json', './Other.json');
    files[`${folder}/Widget.json`] = '{ "$id": "#Widget", ';
    const dm = view(files);
    assert.equal(dm.isEntityClass('Widget'), undefined);
    assert.equal(dm.requiredProperties('Widget'), undefined);
    assert.equal(dm.isEntityClass('Gadget'), undefined, 'with one schema unreadable, no class outside its own file is certain');
    const fixed = view({ ...files, [`${folder}/Widget.json`]: JSON.stringify({ $id: '#Widget', allOf: [{ $ref: '#Entity' }] }) });
    assert.equal(fixed.isEntityClass('Gadget'), true);
    assert.deepEqual(fixed.requiredProperties('Gadget'), ['_class', '_key', '_type', 'displayName', 'name', 'weight']);
    assert.equal(fixed.isEntityClass('Other'), false);
  });

  it("follows integration-sdk-core's dependency in yarn 1 and yarn 2+ lockfiles", () => {
    const host = (text: string) => memoryHost(ROOT, { 'yarn.lock': text });
    assert.deepEqual(lockedDataModelVersions(ROOT, host(yarnLock('0.54.0'))), ['0.54.0']);
    const berry = `__metadata:\n  version: 6\n\n"@jupiterone/data-model@npm:^0.40.0":\n  version: 0.40.0\n  resolution: "@jupiterone/data-model@npm:0.40.0"\n\n"@jupiterone/data-model@npm:^0.54.0":\n  version: 0.54.1\n\n"@jupiterone/integration-sdk-core@npm:^8.0.0":\n  version: 8.1.0\n  dependencies:\n    "@jupiterone/data-model": ^0.54.0\n`;
    assert.deepEqual(lockedDataModelVersions(ROOT, host(berry)), ['0.54.1']);
  });

  it('reads package-lock.json v1 and v2+', () => {
    const v3 = JSON.stringify({ lockfileVersion: 3, packages: { 'node_modules/@jupiterone/data-model': { version: '0.61.9' }, 'node_modules/@jupiterone/integration-sdk-core/node_modules/@jupiterone/data-model': { version: '0.44.0' } } });
    assert.deepEqual(lockedDataModelVersions(`${ROOT}/sub`, memoryHost(ROOT, { 'package-lock.json': v3 })), ['0.44.0']);
    const v1 = JSON.stringify({ lockfileVersion: 1, dependencies: { '@jupiterone/data-model': { version: '0.51.0' } } });
    assert.deepEqual(lockedDataModelVersions(ROOT, memoryHost(ROOT, { 'package-lock.json': v1 })), ['0.51.0']);
  });

  it('answers from the recorded history for locked versions up to 0.55.0', () => {
    assert.deepEqual(historicDataModel('0.41.0')!.requiredProperties('User'), ['_class', '_key', '_type', 'active', 'displayName', 'name', 'username']);
    assert.deepEqual(historicDataModel('0.54.0')!.requiredProperties('User'), ['_class', '_key', '_type', 'displayName', 'name']);
    assert.equal(historicDataModel('0.54.0')!.isRelationshipClass('KNOWS'), false);
    assert.equal(historicDataModel('0.55.0')!.isRelationshipClass('KNOWS'), true);
    assert.equal(historicDataModel('0.56.0'), undefined);
  });

  it('answers only what every locked version agrees on', () => {
    const lock = `${yarnLock('0.54.0')}\n"@jupiterone/integration-sdk-core@^12.0.0":\n  version "12.0.0"\n  dependencies:\n    "@jupiterone/data-model" "^0.55.0"\n\n"@jupiterone/data-model@^0.55.0":\n  version "0.55.0"\n`;
    const dm = view({ 'yarn.lock': lock });
    assert.equal(dm.isRelationshipClass('HAS'), true);
    assert.equal(dm.isRelationshipClass('KNOWS'), undefined);
    assert.equal(dm.isRelationshipClass('LINKS'), false);
  });

  it('falls back to the bundled version without an installed package or a lockfile', () => {
    assert.equal(view({}).version, '0.64.2');
  });
});
