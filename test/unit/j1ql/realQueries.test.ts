import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as yaml from 'js-yaml';
import { entityExpectedAt, parseJ1ql } from '../../../server/src/core/j1ql';

/** Public integrations cloned next to the project (absent on a fresh clone: those tests skip). */
const EXT = process.env.J1QL_REAL_QUESTIONS_ROOT ?? '/work/ext';
const SHAPES = path.join(__dirname, '../../fixtures/j1ql/query-shapes.j1ql');

interface RealQuery {
  file: string;
  query: string;
}

/** Question files: `<repo>/jupiterone/questions/*.y(a)ml`, a level deeper for archives, and the SDK's fixtures. */
function questionFiles(root: string): string[] {
  const files: string[] = [];
  const visit = (dir: string, depth: number) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (!e.isDirectory() || e.name === 'node_modules' || e.name.startsWith('.')) continue;
      const full = path.join(dir, e.name);
      if (e.name === 'questions' && (path.basename(dir) === 'jupiterone' || path.basename(dir) === '__fixtures__')) {
        for (const f of fs.readdirSync(full)) if (/\.ya?ml$/.test(f)) files.push(path.join(full, f));
      } else if (depth < 8) {
        visit(full, depth + 1);
      }
    }
  };
  visit(root, 0);
  return files.sort();
}

function realQueries(): RealQuery[] {
  const out: RealQuery[] = [];
  for (const file of questionFiles(EXT)) {
    let doc: unknown;
    try {
      doc = yaml.load(fs.readFileSync(file, 'utf8'));
    } catch {
      continue; // The SDK's invalid-yaml fixture: a YAML problem, not a J1QL one.
    }
    const questions = (doc as { questions?: unknown })?.questions;
    if (!Array.isArray(questions)) continue;
    for (const q of questions) {
      const queries = (q as { queries?: unknown })?.queries;
      if (!Array.isArray(queries)) continue;
      for (const entry of queries) {
        const query = (entry as { query?: unknown })?.query;
        if (typeof query === 'string') out.push({ file: path.relative(EXT, file), query });
      }
    }
  }
  return out;
}

/** The fixture's queries: one per paragraph, the header comment left out. */
function shapeQueries(): string[] {
  return fs
    .readFileSync(SHAPES, 'utf8')
    .split(/\n\s*\n/)
    .map((s) => s.trim())
    .filter((s) => s && !(s.startsWith('/*') && s.endsWith('*/')));
}

/** A small deterministic PRNG (mulberry32) so that fuzz failures reproduce. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Parses `query` and checks the result is well-formed: never a throw, offsets inside the query. */
function parseSafely(query: string): ReturnType<typeof parseJ1ql> {
  const r = parseJ1ql(query);
  assert.ok(Array.isArray(r.errors) && Array.isArray(r.references));
  assert.equal(r.ast === undefined, r.errors.length > 0, query);
  for (const e of r.errors) {
    assert.ok(0 <= e.start && e.start <= e.end && e.end <= query.length, `${JSON.stringify(query)}: ${JSON.stringify(e)}`);
    assert.ok(!e.message.startsWith('J1QL parser error'), `${JSON.stringify(query)}: ${e.message}`);
  }
  return r;
}

describe('j1ql: real queries', () => {
  it('parses every query shape of the fixture without error', () => {
    const shapes = shapeQueries();
    assert.ok(shapes.length >= 50);
    for (const q of shapes) assert.deepEqual(parseJ1ql(q).errors, [], q);
  });

  it('parses every query of every real question file under /work/ext without error', function () {
    const queries = realQueries();
    if (queries.length === 0) this.skip();
    const failures = queries
      .map((q) => ({ ...q, errors: parseJ1ql(q.query).errors }))
      .filter((q) => q.errors.length > 0)
      .map((q) => `${q.file}: ${q.errors[0]!.message} in ${JSON.stringify(q.query)}`);
    assert.deepEqual(failures, []);
  });

  it('random truncations and edits of every query terminate fast with errors, never exceptions', function () {
    const queries = [...shapeQueries(), ...realQueries().map((q) => q.query)];
    const random = rng(0x1ee7);
    const pieces = ['(', ')', '|', '!', '>>', "'", '"', '/*', '{{', '${', '[', 'THAT ', 'WITH ', 'AS ', '= ', ' AND', ',', '.', '?', '#', '-'];
    const started = Date.now();
    let parsed = 0;
    for (const q of queries) {
      for (let k = 0; k < 8; k++) {
        const cut = Math.floor(random() * (q.length + 1));
        parseSafely(q.slice(0, cut));
        // Delete a random span, insert a random piece.
        const a = Math.floor(random() * q.length);
        const b = Math.min(q.length, a + Math.floor(random() * 6));
        const piece = pieces[Math.floor(random() * pieces.length)]!;
        parseSafely(q.slice(0, a) + piece + q.slice(b));
        const offset = Math.floor(random() * (q.length + 1));
        const e = entityExpectedAt(q, offset);
        if (e) assert.ok(e.start <= offset && offset <= e.end);
        parsed += 2;
      }
    }
    const ms = Date.now() - started;
    // A generous bound on a shared, noisy machine; a hang or exponential case would blow it by orders of magnitude.
    assert.ok(ms < 15000, `${parsed} parses took ${ms} ms`);
  });

  it('every prefix of a long query is handled', () => {
    const q = shapeQueries().find((s) => s.includes('(THAT ASSIGNED << AccessPolicy)?'))!;
    for (let i = 0; i <= q.length; i++) parseSafely(q.slice(0, i));
  });
});
