import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  diskCollectedHost,
  DANGLING_CODE,
  DUPLICATE_KEY_CODE,
  ENTITY_SCHEMA_CODE,
  MALFORMED_CODE,
  UNKNOWN_CLASS_CODE,
  graphFileLocation,
  parseGraphFile,
  readCollection,
  redact,
  collectedObjectText,
  listGraphFiles,
  type CollectedHost,
} from '../../../server/src/core/collected';
import { bundledDataModel } from '../../../server/src/core/dataModel';
import { collectedGraphKind } from '../../../server/src/core/collected/documentKind';
import { DEFAULT_DOCUMENT_SETTINGS, diskFileHost } from '../../../server/src/core';
import type { Finding } from '../../../server/src/core/rules/types';

const FIXTURES = path.join(__dirname, '../../fixtures/collected');
const read = (name: string) => readCollection(path.join(FIXTURES, name), diskCollectedHost, { dataModel: bundledDataModel() });

/** The text a finding's range covers, read from its file. */
function covered(f: Finding): string {
  return fs.readFileSync(f.range.file, 'utf8').slice(f.range.start, f.range.end);
}
const codes = (findings: Finding[]) => findings.map((f) => f.code).sort();

describe('collected data (.j1-integration)', () => {
  it('reads a clean collection: records, summary, no findings', () => {
    const graph = read('clean');
    assert.deepEqual(graph.findings, []);
    assert.equal(graph.entities.length, 3);
    assert.equal(graph.relationships.length, 3);
    assert.equal(graph.files, 4);
    assert.deepEqual(graph.summary?.steps.map((s) => [s.id, s.status]), [
      ['fetch-account', 'success'],
      ['fetch-groups', 'success'],
    ]);
    const mapped = graph.relationships.find((r) => r.mapped)!;
    assert.equal(mapped.sourceEntityKey, 'acme-group-admins');
    assert.equal(mapped.mappedTargetType, 'acme_vendor');
    assert.equal(mapped.toKey, undefined);
    const group = graph.entities.find((e) => e.key === 'acme-group-devs')!;
    assert.equal(group.stepId, 'fetch-groups');
    assert.equal(covered({ range: group.keyRange! } as Finding), '"acme-group-devs"');
  });

  it('reports relationship endpoints that name no collected entity, direct and mapped, at the key', () => {
    const graph = read('missing-endpoint');
    assert.deepEqual(codes(graph.findings), [DANGLING_CODE, DANGLING_CODE]);
    const [direct, mapped] = graph.findings;
    assert.equal(covered(direct), '"acme-group-ghost"');
    assert.match(direct.message, /_toEntityKey "acme-group-ghost" of relationship "acme-account-1\|has\|acme-group-ghost" names no collected entity/);
    assert.equal(covered(mapped), '"acme-group-gone"');
    assert.match(mapped.message, /_mapping\.sourceEntityKey/);
  });

  it('reports duplicate _keys in the SDK wording, across steps and across entities and relationships', () => {
    const graph = read('duplicate-key');
    const dups = graph.findings.filter((f) => f.code === DUPLICATE_KEY_CODE);
    assert.equal(dups.length, 2);
    assert.ok(dups.every((f) => f.severity === 'error'));
    assert.match(dups[0].message, /^Duplicate _key detected \(_key=acme-group-admins\): this entity was collected by step "fetch-account" and again by "fetch-groups"/);
    assert.equal(covered(dups[0]), '"acme-group-admins"');
    assert.ok(dups[0].range.file.includes(`fetch-groups${path.sep}entities`));
    assert.equal(covered({ range: dups[0].related![0].range } as Finding), '"acme-group-admins"');
    assert.match(dups[1].message, /_key=acme-account-1\): this relationship/);
  });

  it('reports entities that fail their class schemas, at the property or the _class', () => {
    const graph = read('schema-failure');
    const schema = graph.findings.filter((f) => f.code === ENTITY_SCHEMA_CODE);
    const missing = schema.filter((f) => f.data?.keyword === 'required').map((f) => /must have required property '(\w+)'/.exec(f.message)?.[1]);
    assert.deepEqual(missing.sort(), ['email', 'firstName', 'lastName', 'shortLoginId', 'username']);
    assert.ok(schema.filter((f) => f.data?.keyword === 'required').every((f) => covered(f) === '[\n        "User"\n      ]'));
    const uri = schema.find((f) => f.data?.keyword === 'format')!;
    assert.equal(covered(uri), '"not a uri"');
    assert.match(uri.message, /^Entity fails to validate as class 'Account': webLink must match format "uri"/);
    const unknown = graph.findings.find((f) => f.code === UNKNOWN_CLASS_CODE)!;
    assert.match(unknown.message, /^Could not find schema for class Gizmo!/);
  });

  it('reports malformed graph files and keeps reading the others; skips the endpoint check when entities are unreadable', () => {
    const graph = read('malformed-file');
    assert.deepEqual(codes(graph.findings), [MALFORMED_CODE, MALFORMED_CODE]);
    assert.equal(graph.unreadableFiles, 2);
    assert.equal(graph.entities.length, 1);
    assert.match(graph.findings.find((f) => f.range.file.endsWith('22222222-bbbb.json'))!.message, /not valid JSON/);
    assert.match(graph.findings.find((f) => f.range.file.endsWith('33333333-cccc.json'))!.message, /holds \{"relationships": \[\.\.\.\]\}/);
  });

  it('reports a summary.json that cannot be read, and reads nothing when the folder is missing', () => {
    const graph = read('malformed-summary');
    assert.equal(graph.summary, undefined);
    assert.deepEqual(codes(graph.findings), [MALFORMED_CODE]);
    const none = read('no-such-folder');
    assert.deepEqual([none.findings, none.entities, none.summary], [[], [], undefined]);
  });

  it('never throws on odd content: non-object elements, strings as _class, empty text', () => {
    const parsed = parseGraphFile('/x/graph/s/entities/f.json', 's', 'entities', '{"entities":[1,{"_key":"k","_class":"Account"},null]}');
    assert.equal(parsed.entities.length, 1);
    assert.deepEqual(parsed.entities[0].classes, ['Account']);
    assert.equal(parsed.findings.length, 2);
    assert.equal(parseGraphFile('/x/graph/s/entities/f.json', 's', 'entities', '').findings.length, 1);
  });

  it('locates graph files by path', () => {
    assert.deepEqual(graphFileLocation('/p/.j1-integration/graph/fetch-users/entities/a.json'), {
      root: '/p/.j1-integration',
      stepId: 'fetch-users',
      collection: 'entities',
    });
    assert.equal(graphFileLocation('/p/.j1-integration/index/entities/acme_user/a.json'), undefined);
    assert.equal(graphFileLocation('/p/.j1-integration/summary.json'), undefined);
  });

  it('reads large collections file by file', () => {
    // 40 files of 500 entities, served from memory: every record is read, each file parsed on its own.
    const files = new Map<string, string>();
    for (let f = 0; f < 40; f++) {
      const entities = Array.from({ length: 500 }, (_, i) => ({ _key: `key-${f}-${i}-padding`, _type: 'acme_thing', _class: ['Record'], name: 'n', displayName: 'n' }));
      files.set(`/big/graph/step/entities/${String(f).padStart(3, '0')}.json`, JSON.stringify({ entities }));
    }
    let reads = 0;
    const host: CollectedHost = {
      readFile: (p) => (reads++, files.get(p)),
      listDirectory: (p) => (p === '/big/graph' ? ['step'] : p === '/big/graph/step/entities' ? [...files.keys()].map((k) => path.basename(k)) : undefined),
    };
    const graph = readCollection('/big', host, { dataModel: bundledDataModel() });
    assert.equal(graph.entities.length, 20000);
    assert.deepEqual(graph.findings, []);
    assert.equal(reads, 41); // summary.json + 40 files
  });

  it('shows an object as JSON with masked values replaced', () => {
    const graph = read('clean');
    const account = graph.entities.find((e) => e.key === 'acme-account-1')!;
    const text = collectedObjectText(account, diskCollectedHost, ['Acme'])!;
    assert.equal(JSON.parse(text).vendor, '********');
    assert.equal(redact('a "s3cr\\"et" b', ['s3cr"et']), 'a "********" b');
    assert.equal(redact('abc', ['ab']), 'abc');
  });
});

describe('collected graph files as a document kind', () => {
  it('reads a collection once per pass, whatever the number of its files (check passes one context)', () => {
    // The kind knows graph files by their place: <project>/.j1-integration/graph/<step>/...
    const root = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'il-collected-')), '.j1-integration');
    fs.cpSync(path.join(FIXTURES, 'duplicate-key'), root, { recursive: true });
    let versions = 0;
    const host = { ...diskFileHost, version: (p: string) => (versions++, diskFileHost.version(p)) };
    const context = { root, settings: DEFAULT_DOCUMENT_SETTINGS, host };
    const files = listGraphFiles(root, diskCollectedHost).map((f) => f.file);
    assert.ok(files.length >= 2, 'the fixture needs several graph files');
    const once = files.flatMap((file) => collectedGraphKind.check(file, fs.readFileSync(file, 'utf8'), context));
    // One listing: each graph file and the summary versioned once, not once per file checked.
    assert.equal(versions, files.length + 1);
    assert.deepEqual(codes(once), codes(read('duplicate-key').findings));
    assert.ok(once.some((f) => f.code === DUPLICATE_KEY_CODE));
    // A new context (the editor's, after a change) looks at the files again.
    collectedGraphKind.check(files[0], fs.readFileSync(files[0], 'utf8'), { ...context });
    assert.equal(versions, 2 * (files.length + 1));
    fs.rmSync(path.dirname(root), { recursive: true, force: true });
  });
});
