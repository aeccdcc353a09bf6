import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../../server/src/cli/main';

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(...args: string[]): Result {
  let stdout = '';
  let stderr = '';
  const code = run(args, { out: (t) => (stdout += t.endsWith('\n') ? t : t + '\n'), err: (t) => (stderr += t.endsWith('\n') ? t : t + '\n') });
  return { code, stdout, stderr };
}

function tempProject(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lens-cli-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

const INTEGRATION = {
  'package.json': JSON.stringify({ devDependencies: { '@jupiterone/integration-sdk-dev-tools': '12.0.0' } }),
  'src/constants.ts': `import { RelationshipClass, generateRelationshipType } from '@jupiterone/integration-sdk-core';
export const Steps = { ACCOUNT: 'fetch-account', USERS: 'fetch-users' };
export const Entities = {
  ACCOUNT: { resourceName: 'Account', _type: 'acme_account', _class: ['Account'] },
  USER: { resourceName: 'User', _type: 'acme_user', _class: ['User'] },
};
export const Relationships = {
  ACCOUNT_HAS_USER: {
    _type: generateRelationshipType(RelationshipClass.HAS, Entities.ACCOUNT, Entities.USER),
    _class: RelationshipClass.HAS,
    sourceType: Entities.ACCOUNT._type,
    targetType: Entities.USER._type,
  },
};
`,
  'src/index.ts': `import { Steps, Entities, Relationships } from './constants';
export const invocationConfig = {
  integrationSteps: [
    { id: Steps.ACCOUNT, name: 'Fetch Account', entities: [Entities.ACCOUNT], relationships: [], executionHandler: async () => {} },
    { id: Steps.USERS, name: 'Fetch Users', entities: [Entities.USER], relationships: [Relationships.ACCOUNT_HAS_USER], dependsOn: [Steps.ACCOUNT], executionHandler: async () => {} },
  ],
};
`,
  'docs/jupiterone.md': '# Acme\n\nHand-written introduction.\n',
};

describe('integration-lens CLI', () => {
  describe('model', () => {
    it('prints the model as JSON with 1-based locations relative to the project', () => {
      const dir = tempProject(INTEGRATION);
      const r = cli('model', '-p', dir);
      assert.equal(r.code, 0, r.stderr);
      const model = JSON.parse(r.stdout);
      assert.equal(model.entryFile, 'src/index.ts');
      assert.equal(model.steps.items.length, 2);
      const dep = model.steps.items[1].dependsOn.items[0];
      assert.equal(dep.value, 'fetch-account');
      assert.equal(dep.range.file, 'src/index.ts');
      assert.deepEqual([dep.origin.file, dep.origin.line, dep.origin.column], ['src/constants.ts', 2, 33]);
      assert.equal(model.steps.items[1].relationships.items[0]._type.value, 'acme_account_has_user');
    });

    it('exits 2 with a clear message when no integration is found', () => {
      const dir = tempProject({ 'README.md': 'nothing here' });
      const r = cli('model', '-p', dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /No integration found .*index\.js, index\.ts, src\/index\.js, src\/index\.ts/);
    });

    it('exits 2 when the project directory does not exist', () => {
      const r = cli('model', '-p', path.join(os.tmpdir(), 'does-not-exist-lens'));
      assert.equal(r.code, 2);
      assert.match(r.stderr, /Project directory not found/);
    });

    it('exits 2 when the entry does not export invocationConfig, naming the file', () => {
      const dir = tempProject({ 'src/index.ts': 'export const somethingElse = 1;\n' });
      const r = cli('model', '-p', dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /src\/index\.ts does not export "invocationConfig"/);
    });

    it('says so when a folder without an invocationConfig does not depend on the SDK at all', () => {
      const dir = tempProject({ 'package.json': JSON.stringify({ dependencies: { request: '^2.88.0' } }), 'src/index.js': 'module.exports = {};\n' });
      const r = cli('check', '-p', dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /src\/index\.js does not export "invocationConfig"\. .* does not depend on any @jupiterone\/integration-sdk-\* package either: is .* an integration\?/);
    });

    it('does not add the hint when the project depends on the SDK', () => {
      const dir = tempProject({ 'package.json': INTEGRATION['package.json'], 'src/index.ts': 'export const somethingElse = 1;\n' });
      const r = cli('check', '-p', dir);
      assert.equal(r.code, 2);
      assert.doesNotMatch(r.stderr, /is .* an integration\?/);
    });

    it('uses an explicit module with -m', () => {
      const dir = tempProject({ ...INTEGRATION, 'src/index.ts': 'export {};\n', 'src/other.ts': INTEGRATION['src/index.ts'] });
      const r = cli('model', '-p', dir, '-m', 'src/other.ts');
      assert.equal(r.code, 0, r.stderr);
      assert.equal(JSON.parse(r.stdout).entryFile, 'src/other.ts');
    });

    it('reports a syntax error with file and line, and still models the rest', () => {
      const dir = tempProject({
        ...INTEGRATION,
        'src/broken.ts': 'export const x = {\n  a: 1,\n  b: ;\n',
        'src/index.ts': `import './broken';\n${INTEGRATION['src/index.ts']}`,
      });
      const r = cli('model', '-p', dir);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, /^src\/broken\.ts:3:\d+ error syntax-error /m);
      assert.equal(JSON.parse(r.stdout).steps.items.length, 2);
    });

    it('exits 2 on an unknown option', () => {
      assert.equal(cli('model', '--nope').code, 2);
    });
  });

  describe('document', () => {
    it('writes the section after the existing text, then --check finds it up to date', () => {
      const dir = tempProject(INTEGRATION);
      const write = cli('document', '-p', dir);
      assert.equal(write.code, 0, write.stderr);
      const text = fs.readFileSync(path.join(dir, 'docs/jupiterone.md'), 'utf8');
      assert.ok(text.startsWith('# Acme\n\nHand-written introduction.\n\n\n<!-- {J1_DOCUMENTATION_MARKER_START} -->'), text);
      assert.match(text, /\| `acme_account`\s+\| \*\*HAS\*\*\s+\| `acme_user`\s+\|/);
      const check = cli('document', '-p', dir, '--check');
      assert.equal(check.code, 0, check.stderr);
      assert.match(check.stderr, /up to date \(rules of j1-integration 12\.0\.0 \(from package\.json/);
    });

    it('--check exits 1 with a diff when the section is out of date, and writes nothing', () => {
      const dir = tempProject(INTEGRATION);
      cli('document', '-p', dir);
      const constants = path.join(dir, 'src/constants.ts');
      fs.writeFileSync(constants, fs.readFileSync(constants, 'utf8').replace("resourceName: 'User'", "resourceName: 'Person'"));
      const before = fs.readFileSync(path.join(dir, 'docs/jupiterone.md'), 'utf8');
      const r = cli('document', '-p', dir, '--check');
      assert.equal(r.code, 1);
      assert.match(r.stdout, /^-\| User +\| `acme_user`/m);
      assert.match(r.stdout, /^\+\| Person +\| `acme_user`/m);
      assert.equal(fs.readFileSync(path.join(dir, 'docs/jupiterone.md'), 'utf8'), before);
    });

    it('resolves -o against the project path unless absolute', () => {
      const dir = tempProject({ ...INTEGRATION, 'other/doc.md': 'x\n' });
      assert.equal(cli('document', '-p', dir, '-o', 'other/doc.md').code, 0);
      assert.match(fs.readFileSync(path.join(dir, 'other/doc.md'), 'utf8'), /J1_DOCUMENTATION_MARKER_END/);
      const abs = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lens-abs-')), 'abs.md');
      fs.writeFileSync(abs, '');
      assert.equal(cli('document', '-p', dir, '-o', abs).code, 0);
      assert.match(fs.readFileSync(abs, 'utf8'), /J1_DOCUMENTATION_MARKER_START/);
    });

    it('refuses to guess: exits 2 naming each value known only at run time', () => {
      const dir = tempProject({
        ...INTEGRATION,
        'src/index.ts': INTEGRATION['src/index.ts'].replace('id: Steps.USERS', 'id: process.env.USERS_STEP'),
      });
      const r = cli('document', '-p', dir, '--check');
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^src\/index\.ts:\d+:\d+ error unresolved process\.env is only known at run time/m);
    });

    it('exits 2 on a start marker without an end marker, with the SDK message, and keeps the file', () => {
      const dir = tempProject({ ...INTEGRATION, 'docs/jupiterone.md': 'a\n<!-- {J1_DOCUMENTATION_MARKER_START} -->\nb\n' });
      const r = cli('document', '-p', dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /ending marker not found/);
      assert.equal(fs.readFileSync(path.join(dir, 'docs/jupiterone.md'), 'utf8'), 'a\n<!-- {J1_DOCUMENTATION_MARKER_START} -->\nb\n');
    });

    it('exits 2 when a dependsOn names no step, as j1-integration document would fail', () => {
      const dir = tempProject({ ...INTEGRATION, 'src/index.ts': INTEGRATION['src/index.ts'].replace('dependsOn: [Steps.ACCOUNT]', "dependsOn: ['fetch-nothing']") });
      const r = cli('document', '-p', dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /fetch-nothing/);
    });
  });
});
