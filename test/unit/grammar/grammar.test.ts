import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONTRIBUTED, registry, render, scopesAt, tokenize, type Token } from './tokenize';

/**
 * Grammar snapshots: each fixture tokenised with our grammars (and stand-in YAML/Markdown host grammars), rendered
 * as text and compared to the committed snapshot. A missing or different snapshot fails;
 * `UPDATE_GRAMMAR_SNAPSHOTS=1 npm run test:unit` rewrites them (review the diff before committing).
 */
const ROOT = path.join(__dirname, '../../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/grammar');
const SNAPSHOTS = path.join(__dirname, '__snapshots__');
const UPDATE = process.env.UPDATE_GRAMMAR_SNAPSHOTS === '1';

const CASES: Array<{ fixture: string; scope: string }> = [
  { fixture: 'constructs.j1ql', scope: 'source.j1ql' },
  { fixture: 'questions.yaml', scope: 'source.yaml' },
  { fixture: 'readme.md', scope: 'text.html.markdown' },
];

/** VS Code's own YAML and Markdown grammars, when a VS Code (the e2e tests' code-server) is at hand. */
function vscodeExtensionsDir(): string | undefined {
  const fromEnv = process.env.VSCODE_EXTENSIONS_DIR;
  if (fromEnv) return fs.existsSync(fromEnv) ? fromEnv : undefined;
  for (const base of [path.join(ROOT, '.e2e'), '/work/main/.e2e']) {
    if (!fs.existsSync(base)) continue;
    for (const d of fs.readdirSync(base)) {
      const dir = path.join(base, d, 'node_modules/code-server/lib/vscode/extensions');
      if (d.startsWith('code-server') && fs.existsSync(dir)) return dir;
    }
  }
  return undefined;
}

const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const last = (scopes: string[]) => scopes[scopes.length - 1];

describe('grammar: snapshots', () => {
  const reg = registry();
  for (const { fixture: name, scope } of CASES) {
    it(`${name} tokenises as in its snapshot`, async () => {
      const text = fixture(name);
      const actual = render(text, await tokenize(reg, scope, text));
      const file = path.join(SNAPSHOTS, `${name}.snap`);
      if (UPDATE) {
        fs.mkdirSync(SNAPSHOTS, { recursive: true });
        fs.writeFileSync(file, actual);
        return;
      }
      assert.ok(fs.existsSync(file), `no snapshot ${path.relative(ROOT, file)}: run with UPDATE_GRAMMAR_SNAPSHOTS=1`);
      assert.equal(actual, fs.readFileSync(file, 'utf8'), `${name} differs from its snapshot (UPDATE_GRAMMAR_SNAPSHOTS=1 rewrites it)`);
    });
  }
});

describe('grammar: J1QL scopes', () => {
  const reg = registry();
  const text = fixture('constructs.j1ql');
  let tokens: Token[];
  before(async () => {
    tokens = await tokenize(reg, 'source.j1ql', text);
  });
  const at = (line: string, needle: string) => last(scopesAt(tokens, text, line, needle));

  it('classes and types get distinct scopes, in FIND, THAT and alternatives', () => {
    assert.equal(at('find UNIQUE Host', 'Host'), 'support.class.j1ql');
    assert.equal(at('FIND aws_instance WITH', 'aws_instance'), 'entity.name.type.j1ql');
    assert.equal(at('FIND (aws_s3_bucket', 'DataStore'), 'support.class.j1ql');
    assert.equal(at('FIND (aws_s3_bucket', 'aws_s3_bucket'), 'entity.name.type.j1ql');
    assert.equal(at('FIND * AS any', 'acme_group'), 'entity.name.type.j1ql');
    assert.equal(at('FIND User THAT ALLOWS AS perms', 'acme_user'), 'entity.name.type.j1ql');
  });
  it('verbs, negation, direction, smart classes, placeholders, parameters', () => {
    assert.equal(at('find UNIQUE Host', 'HAS'), 'entity.name.function.relationship.j1ql');
    assert.equal(at('find UNIQUE Host', '>>'), 'keyword.operator.direction.j1ql');
    assert.equal(at('THAT !RELATES TO', '!'), 'keyword.operator.negation.j1ql');
    assert.equal(at('THAT (HAS|uses)', 'uses'), 'entity.name.function.relationship.j1ql');
    assert.equal(at('#CriticalAsset', 'CriticalAsset'), 'entity.name.type.smart-class.j1ql');
    assert.equal(at('AND d = {{domain}}', 'domain'), 'variable.other.placeholder.j1ql');
    assert.equal(at('AND d = {{domain}}', 'ipAddress'), 'variable.parameter.j1ql');
  });
  it('keywords case-insensitively, aliases, properties, literals, comments', () => {
    assert.equal(at('find UNIQUE Host', 'find'), 'keyword.control.find.j1ql');
    assert.equal(at('find UNIQUE Host', 'that'), 'keyword.control.that.j1ql');
    assert.equal(at('FIND Firewall', 'rule'), 'variable.other.alias.j1ql');
    assert.equal(at('FIND Firewall', 'fromPort'), 'variable.other.property.j1ql');
    assert.equal(at('FIND aws_instance WITH', 'undefined'), 'constant.language.undefined.j1ql');
    assert.equal(at('FIND x WITH updatedOn', 'days'), 'keyword.other.unit.j1ql');
    assert.equal(at('FIND x WITH updatedOn', 'now'), 'support.constant.now.j1ql');
    assert.equal(at('FIND x WITH a = ', 'a comment'), 'comment.block.j1ql');
    assert.equal(at('FIND x WITH a ~=', '!$='), 'keyword.operator.comparison.j1ql');
  });
});

describe('grammar: manifest', () => {
  it('package.json contributes the j1ql language and the three grammars with their embedded languages', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      contributes: { languages: Array<{ id: string; extensions: string[]; configuration: string }> };
    };
    const lang = pkg.contributes.languages.find((l) => l.id === 'j1ql');
    assert.deepEqual(lang?.extensions, ['.j1ql']);
    assert.ok(fs.existsSync(path.join(ROOT, lang!.configuration)));
    assert.deepEqual(
      CONTRIBUTED.map((g) => [g.scopeName, g.injectTo ?? g.language]),
      [
        ['source.j1ql', 'j1ql'],
        ['source.yaml.j1ql-injection', ['source.yaml']],
        ['text.html.markdown.j1ql-injection', ['text.html.markdown']],
      ],
    );
    for (const g of CONTRIBUTED) {
      const grammar = JSON.parse(fs.readFileSync(path.join(ROOT, g.path), 'utf8')) as { scopeName: string };
      assert.equal(grammar.scopeName, g.scopeName);
      for (const scope of Object.keys(g.embeddedLanguages ?? {})) {
        assert.ok(fs.readFileSync(path.join(ROOT, g.path), 'utf8').includes(`"${scope}"`), `${g.path} never names ${scope}`);
      }
    }
  });
});

describe("grammar: inside VS Code's own YAML and Markdown grammars", () => {
  const dir = vscodeExtensionsDir();
  const real = dir ? registry([path.join(dir, 'yaml/syntaxes'), path.join(dir, 'markdown-basics/syntaxes')]) : undefined;

  it('question-file query values are J1QL; the YAML around them stays YAML', async function () {
    if (!real) this.skip();
    const text = fixture('questions.yaml');
    const tokens = await tokenize(real!, 'source.yaml', text);
    const at = (line: string, needle: string) => scopesAt(tokens, text, line, needle);
    assert.equal(last(at('FIND acme_user WITH active', 'acme_user')), 'entity.name.type.j1ql');
    assert.ok(at('THAT HAS Device', 'Device').includes('meta.embedded.block.j1ql'));
    assert.equal(last(at('resultsAre: GOOD', 'resultsAre')), 'entity.name.tag.yaml');
    assert.equal(last(at('FIND acme_repo AS r', 'AS')), 'keyword.other.as.j1ql');
    assert.equal(last(at('tags:', 'tags')), 'entity.name.tag.yaml');
    assert.equal(last(at('query: find acme_user', 'with')), 'keyword.control.j1ql');
    assert.equal(last(at(`query: "FIND`, 'AND')), 'keyword.operator.logical.j1ql');
    assert.equal(last(at(`query: 'FIND Host`, 'Host')), 'support.class.j1ql');
    assert.ok(!at('description:', 'FIND').some((s) => s.includes('j1ql')));
    assert.equal(last(at('FIND #CriticalAsset', 'acme_backup')), 'entity.name.type.j1ql');
    assert.equal(last(at('name: second key', 'name')), 'entity.name.tag.yaml');
    assert.ok(!at('# query: FIND', 'FIND').some((s) => s.includes('j1ql')));
  });

  it('```j1ql fences are J1QL, other fences are not', async function () {
    if (!real) this.skip();
    const text = fixture('readme.md');
    const tokens = await tokenize(real!, 'text.html.markdown', text);
    const at = (line: string, needle: string) => scopesAt(tokens, text, line, needle);
    assert.equal(last(at('FIND acme_user', 'acme_user')), 'entity.name.type.j1ql');
    assert.equal(last(at('find Host', 'Host')), 'support.class.j1ql');
    assert.ok(!at('SELECT', 'not_j1ql').some((s) => s.includes('j1ql')));
    assert.ok(!at('Inline', 'not_highlighted').some((s) => s.includes('j1ql')));
    assert.ok(!at('After the fences', 'After').some((s) => s.includes('j1ql')));
  });
});
