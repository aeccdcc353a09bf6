import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../../server/src/cli/main';

function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = run(args, { out: (t) => (stdout += t + '\n'), err: (t) => (stderr += t + '\n') });
  return { code, stdout, stderr };
}

function tempProject(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lens-check-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

const BROKEN = {
  'src/index.ts': `export const invocationConfig = {
  integrationSteps: [
    { id: 'fetch-account', name: 'A', entities: [], relationships: [], executionHandler: async () => {} },
    { id: 'fetch-users', name: 'U', entities: [], relationships: [], dependsOn: ['fetch-acount'], executionHandler: async () => {} },
  ],
};
`,
};

describe('integration-lens check', () => {
  it('prints file:line:col severity code message and exits 1 on an error', () => {
    const r = cli('check', '-p', tempProject(BROKEN));
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^src\/index\.ts:4:82 error unknown-dependency Step "fetch-users" depends on "fetch-acount"/m);
    assert.match(r.stderr, /1 error, 0 warnings in 2 steps/);
  });

  it('exits 0 on a clean project', () => {
    const clean = { 'src/index.ts': BROKEN['src/index.ts'].replace('fetch-acount', 'fetch-account') };
    const r = cli('check', '-p', tempProject(clean));
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.stdout, '');
  });

  it('prints the JSON form with 1-based positions relative to the project', () => {
    const r = cli('check', '-p', tempProject(BROKEN), '--format', 'json');
    assert.equal(r.code, 1);
    const { diagnostics } = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(diagnostics[0]), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message']);
    assert.deepEqual([diagnostics[0].file, diagnostics[0].line, diagnostics[0].column, diagnostics[0].endLine, diagnostics[0].endColumn], ['src/index.ts', 4, 82, 4, 96]);
    assert.equal(diagnostics[0].severity, 'error');
  });

  it('prints SARIF 2.1.0 with rules, results, regions and fixes', () => {
    const dir = tempProject(BROKEN);
    const r = cli('check', '-p', dir, '--format', 'sarif');
    const sarif = JSON.parse(r.stdout);
    assert.equal(sarif.version, '2.1.0');
    const runObj = sarif.runs[0];
    assert.equal(runObj.tool.driver.name, 'integration-lens');
    assert.deepEqual(runObj.tool.driver.rules.map((x: { id: string }) => x.id), ['unknown-dependency']);
    const result = runObj.results[0];
    assert.equal(result.ruleId, 'unknown-dependency');
    assert.equal(result.level, 'error');
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 4, startColumn: 82, endLine: 4, endColumn: 96 });
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'src/index.ts');
    assert.equal(runObj.originalUriBaseIds.PROJECTROOT.uri, `file://${dir}/`);
    assert.equal(result.fixes[0].artifactChanges[0].replacements[0].insertedContent.text, "'fetch-account'");
  });

  it('reports a syntax error as an error finding, and still checks the rest', () => {
    const r = cli('check', '-p', tempProject({ ...BROKEN, 'src/index.ts': BROKEN['src/index.ts'] + 'const x = ;\n' }));
    assert.equal(r.code, 1);
    assert.match(r.stdout, /src\/index\.ts:7:\d+ error syntax-error/);
    assert.match(r.stdout, /unknown-dependency/);
  });

  it('exits 2 on bad input', () => {
    assert.equal(cli('check', '-p', tempProject({ 'README.md': '' })).code, 2);
    assert.equal(cli('check', '--format', 'xml').code, 2);
  });
});
