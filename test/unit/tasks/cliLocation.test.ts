import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cliPath, findCli, installCommand, missingCliMessage } from '../../../client/src/tasks/cliLocation';

describe('the project\'s j1-integration', () => {
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  function project(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'il-cli-'));
    dirs.push(dir);
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    return dir;
  }

  it('is node_modules/.bin/j1-integration (.cmd on Windows)', () => {
    assert.equal(cliPath('/p', 'linux'), path.join('/p', 'node_modules', '.bin', 'j1-integration'));
    assert.equal(cliPath('/p', 'win32'), path.join('/p', 'node_modules', '.bin', 'j1-integration.cmd'));
    assert.equal(findCli(project({})), undefined);
  });

  it('when missing, the install command follows the lockfile and whether package.json lists the CLI', () => {
    const listed = JSON.stringify({ devDependencies: { '@jupiterone/integration-sdk-cli': '^8' } });
    assert.equal(installCommand(project({ 'package.json': '{}' })), 'npm install --save-dev @jupiterone/integration-sdk-cli');
    assert.equal(installCommand(project({ 'package.json': '{}', 'yarn.lock': '' })), 'yarn add --dev @jupiterone/integration-sdk-cli');
    assert.equal(installCommand(project({ 'package.json': '{}', 'pnpm-lock.yaml': '' })), 'pnpm add --save-dev @jupiterone/integration-sdk-cli');
    assert.equal(installCommand(project({ 'package.json': listed, 'package-lock.json': '{}' })), 'npm ci');
    assert.equal(installCommand(project({ 'package.json': listed })), 'npm install');
    assert.equal(installCommand(project({ 'package.json': listed, 'yarn.lock': '' })), 'yarn install');
    const dir = project({ 'package.json': listed, 'yarn.lock': '' });
    assert.equal(missingCliMessage(dir), `j1-integration is not installed in ${dir}: run "yarn install" there, then run the task again.`);
  });
});
