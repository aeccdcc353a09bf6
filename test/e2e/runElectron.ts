// The same end-to-end suite in desktop VS Code (Electron), through @vscode/test-electron, for machines that can
// download VS Code. Not used here (no route to the VS Code update service): test/e2e/run.mjs runs the suite in
// code-server instead. Both load the same test module, dist/test/e2e/suite/index.js, once per scenario (a fresh copy
// of test/e2e/workspaces/<scenario>, INTEGRATION_LENS_E2E_SCENARIO naming the test files to run).
//   node scripts/build.mjs client server && node scripts/e2e/build-suite.mjs && npx tsx test/e2e/runElectron.ts
// VSCODE_VERSION picks the version: `stable` by default; 1.91.0 is the oldest the manifest supports.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

const SCENARIOS = ['integration', 'idle'];

async function main(): Promise<number> {
  const root = resolve(__dirname, '../..');
  let failed = 0;
  for (const scenario of SCENARIOS) {
    // Fresh profile, extensions and workspace, under a short path: VS Code's IPC socket paths must stay under 107 chars.
    const scratch = mkdtempSync('/tmp/il-e2e-');
    const workspace = join(scratch, scenario);
    cpSync(resolve(root, 'test/e2e/workspaces', scenario), workspace, { recursive: true });
    try {
      await runTests({
        version: process.env.VSCODE_VERSION ?? 'stable',
        extensionDevelopmentPath: root,
        extensionTestsPath: resolve(root, 'dist/test/e2e/suite/index.js'),
        extensionTestsEnv: { INTEGRATION_LENS_E2E_SCENARIO: scenario },
        launchArgs: [
          workspace,
          '--disable-extensions', // built-ins and the extension under development only
          '--disable-workspace-trust',
          '--skip-welcome',
          '--skip-release-notes',
          `--user-data-dir=${resolve(scratch, 'user-data')}`,
          `--extensions-dir=${resolve(scratch, 'extensions')}`,
        ],
      });
    } catch (error) {
      console.error(`end-to-end tests (${scenario}) failed: ${error instanceof Error ? error.message : error}`);
      failed++;
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
  return failed ? 1 : 0;
}

void main().then((code) => process.exit(code));
