import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { lockedDataModelVersions } from '../../../server/src/core/dataModel/lockfile';
import { detectSdkCliVersion } from '../../../server/src/core/document/cliVersion';
import { parsePackageKey, parsePnpmLock } from '../../../server/src/core/document/pnpmLock';
import type { FileHost } from '../../../server/src/core/project/fileHost';
import { PNPM_V5, PNPM_V6, PNPM_V9, PNPM_V9_WORKSPACE, pnpmLockOfSize } from './pnpmLocks';

function host(files: Record<string, string>): FileHost {
  const abs = new Map(Object.entries(files).map(([p, text]) => [path.resolve('/repo', p), text]));
  return { readFile: (p) => abs.get(p), fileExists: (p) => abs.has(p), directoryExists: () => true, version: (p) => (abs.has(p) ? '1' : undefined) };
}

const pkg = (devDependencies: Record<string, string>) => JSON.stringify({ name: 'graph-acme', devDependencies });
const CLI = '@jupiterone/integration-sdk-cli';

describe('pnpm-lock.yaml', () => {
  describe('parsePnpmLock', () => {
    it('reads direct dependencies and package dependencies of v5, v6 and v9 lockfiles, without peer suffixes', () => {
      for (const [label, text] of [['v5', PNPM_V5], ['v6', PNPM_V6], ['v9', PNPM_V9]] as const) {
        const lock = parsePnpmLock(text);
        assert.equal(lock.importers.get('.')?.get(CLI), '8.22.0', label);
        assert.equal(lock.importers.get('.')?.get('@jupiterone/integration-sdk-core'), '8.22.0', label);
        const core = lock.packages.find((p) => p.name === '@jupiterone/integration-sdk-core');
        assert.equal(core?.version, '8.22.0', label);
        assert.equal(core?.dependencies.get('@jupiterone/data-model'), '0.51.0', label);
        assert.deepEqual(lock.packages.filter((p) => p.name === '@jupiterone/data-model').map((p) => p.version), ['0.51.0'], label);
      }
    });

    it('parses package keys of every format, registry-prefixed v5 keys included', () => {
      assert.deepEqual(parsePackageKey('/@jupiterone/integration-sdk-cli/8.22.0_typescript@4.7.4'), { name: CLI, version: '8.22.0' });
      assert.deepEqual(parsePackageKey('/@jupiterone/integration-sdk-cli@8.22.0(typescript@5.0.4)'), { name: CLI, version: '8.22.0' });
      assert.deepEqual(parsePackageKey('@jupiterone/integration-sdk-cli@8.22.0(@types/node@18.0.0)'), { name: CLI, version: '8.22.0' });
      assert.deepEqual(parsePackageKey('/lodash/4.17.21'), { name: 'lodash', version: '4.17.21' });
      assert.deepEqual(parsePackageKey('lodash@4.17.21'), { name: 'lodash', version: '4.17.21' });
      assert.deepEqual(parsePackageKey('registry.example.com/@jupiterone/data-model/0.51.0'), { name: '@jupiterone/data-model', version: '0.51.0' });
      assert.equal(parsePackageKey('github.com/acme/thing/abc123'), undefined);
    });

    it('never throws on text that is not a lockfile', () => {
      for (const text of ['', '{ not yaml', '- a\n- b', "'unclosed: x", ':\n  :\n', '\r\n\r\n']) {
        const lock = parsePnpmLock(text);
        assert.equal(lock.packages.length, 0);
      }
    });
  });

  describe('detectSdkCliVersion', () => {
    it('reads the CLI of pnpm lockfiles v5, v6 and v9', () => {
      for (const text of [PNPM_V5, PNPM_V6, PNPM_V9]) {
        const files = { 'package.json': pkg({ [CLI]: '^8.0.0' }), 'pnpm-lock.yaml': text };
        assert.deepEqual(detectSdkCliVersion('/repo', host(files)), { version: '8.22.0', source: 'pnpm-lock.yaml' });
      }
    });

    it("takes a workspace project's own importer, and follows dev-tools to its CLI", () => {
      const files = { 'packages/acme/package.json': pkg({}), 'packages/other/package.json': pkg({}), 'pnpm-lock.yaml': PNPM_V9_WORKSPACE };
      assert.deepEqual(detectSdkCliVersion('/repo/packages/acme', host(files)), { version: '9.1.0', source: '../../pnpm-lock.yaml' });
      // `other` depends on dev-tools 12.3.1, which depends on CLI 12.3.1.
      assert.deepEqual(detectSdkCliVersion('/repo/packages/other', host(files)), { version: '12.3.1', source: '../../pnpm-lock.yaml' });
    });

    it('prefers the installed package, and falls back to package.json when the lockfile names no CLI', () => {
      const installed = {
        'package.json': pkg({ [CLI]: '^8.0.0' }),
        'pnpm-lock.yaml': PNPM_V9,
        'node_modules/@jupiterone/integration-sdk-cli/package.json': '{"version":"8.23.1"}',
      };
      assert.equal(detectSdkCliVersion('/repo', host(installed))?.version, '8.23.1');
      const empty = { 'package.json': pkg({ [CLI]: '~8.5.0' }), 'pnpm-lock.yaml': "lockfileVersion: '9.0'\n\nimporters:\n\n  .: {}\n" };
      assert.equal(detectSdkCliVersion('/repo', host(empty))?.source.startsWith('package.json'), true);
    });
  });

  describe('lockedDataModelVersions', () => {
    it("follows integration-sdk-core's dependency in v5, v6 and v9", () => {
      for (const text of [PNPM_V5, PNPM_V6, PNPM_V9]) {
        assert.deepEqual(lockedDataModelVersions('/repo', host({ 'pnpm-lock.yaml': text })), ['0.51.0']);
      }
    });

    it('gives every locked data-model when no core entry says which', () => {
      const text = "lockfileVersion: '9.0'\n\npackages:\n\n  '@jupiterone/data-model@0.40.0':\n    resolution: {integrity: sha512-x}\n\n  '@jupiterone/data-model@0.54.0':\n    resolution: {integrity: sha512-y}\n";
      assert.deepEqual(lockedDataModelVersions('/repo/sub', host({ 'pnpm-lock.yaml': text })), ['0.40.0', '0.54.0']);
    });
  });

  it('reads a 5 MB lockfile quickly', () => {
    const text = pnpmLockOfSize(5_000_000);
    const started = process.hrtime.bigint();
    const lock = parsePnpmLock(text);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    assert.equal(lock.packages.find((p) => p.name === '@jupiterone/integration-sdk-core')?.dependencies.get('@jupiterone/data-model'), '0.51.0');
    // Measured about 60 ms; generous for a loaded machine.
    assert.ok(ms < 2000, `${ms} ms`);
  });
});
