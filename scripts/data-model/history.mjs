// Builds server/src/core/dataModel/history.json from a git clone of JupiterOne/data-model:
// for every release tag, which entity classes and relationship classes exist and which properties
// each entity class requires (its own `required` plus those of the schemas it references).
// Integration Lens needs it when a project locks a data-model version it has not installed.
// `node scripts/data-model/history.mjs <path to a data-model clone> [out]`
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const [repo, out = 'server/src/core/dataModel/history.json'] = process.argv.slice(2);
if (!repo) {
  console.error('usage: node scripts/data-model/history.mjs <data-model clone> [out]');
  process.exit(2);
}
const git = (...args) => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
const semver = (v) => v.split('.').map(Number);
const compare = (a, b) => {
  const [x, y] = [semver(a), semver(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
};

const tags = git('tag', '--list', 'v0.*')
  .split('\n')
  .filter((t) => /^v\d+\.\d+\.\d+$/.test(t))
  .sort((a, b) => compare(a.slice(1), b.slice(1)));

const entityClasses = {};
const relationshipClasses = {};
const versions = [];
const present = [];
for (const tag of tags) {
  const version = tag.slice(1);
  let dir = 'src/schemas';
  let files = [];
  for (const candidate of ['src/schemas', 'src/class_schemas']) {
    try {
      files = git('ls-tree', '--name-only', `${tag}:${candidate}`).split('\n').filter((f) => f.endsWith('.json'));
      dir = candidate;
      if (files.length) break;
    } catch {
      // the folder was renamed across releases
    }
  }
  let enumSource;
  try {
    enumSource = git('show', `${tag}:src/RelationshipClass.ts`);
  } catch {
    continue;
  }
  if (!files.length) continue;
  const schemas = new Map();
  for (const file of files) {
    const schema = JSON.parse(git('show', `${tag}:${dir}/${file}`));
    schemas.set(String(schema.$id ?? `#${file.slice(0, -5)}`).replace(/^#/, ''), schema);
  }
  const required = (name, seen = new Set()) => {
    const schema = schemas.get(name);
    if (!schema || seen.has(name)) return new Set();
    seen.add(name);
    const result = new Set(schema.required ?? []);
    const visit = (s) => {
      for (const r of s.required ?? []) result.add(r);
      if (s.$ref) for (const r of required(s.$ref.replace(/^#/, ''), seen)) result.add(r);
      for (const part of s.allOf ?? []) visit(part);
    };
    if (schema.$ref) for (const r of required(schema.$ref.replace(/^#/, ''), seen)) result.add(r);
    for (const part of schema.allOf ?? []) visit(part);
    return result;
  };
  versions.push(version);
  const rels = [...enumSource.matchAll(/^\s*[A-Z_]+\s*=\s*['"]([A-Za-z_]+)['"]/gm)].map((m) => m[1]);
  present.push(new Set([...schemas.keys(), ...rels.map((r) => `rel:${r}`)]));
  for (const name of schemas.keys()) {
    const list = [...required(name)].sort();
    const history = (entityClasses[name] ??= []);
    const last = history[history.length - 1];
    if (!last || JSON.stringify(last[1]) !== JSON.stringify(list)) history.push([version, list]);
  }
  for (const value of rels) relationshipClasses[value] ??= version;
}

// Classes were only ever added across these releases; the lookup relies on it, so check it here.
for (let i = 1; i < present.length; i++) {
  for (const name of present[i - 1]) {
    if (!present[i].has(name)) throw new Error(`${name} disappears in ${versions[i]}: history.json cannot encode removals`);
  }
}

const sorted = (o) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(
  out,
  JSON.stringify({ source: 'JupiterOne/data-model release tags', versions, entityClasses: sorted(entityClasses), relationshipClasses: sorted(relationshipClasses) }) + '\n',
);
console.log(`${versions.length} versions (${versions[0]}..${versions[versions.length - 1]}), ${Object.keys(entityClasses).length} entity classes, ${Object.keys(relationshipClasses).length} relationship classes -> ${out}`);
