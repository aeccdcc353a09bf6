// The same end-to-end suite in desktop VS Code (Electron), through @vscode/test-electron, for machines that can
// download VS Code. Not used here (no route to the VS Code update service): test/e2e/run.mjs runs the suite in
// code-server instead. Both load the same test module, dist/test/e2e/suite/index.js.
//   node scripts/build.mjs client server && node scripts/e2e/build-suite.mjs && npx tsx test/e2e/runElectron.ts
// VSCODE_VERSION picks the version: `stable` by default; 1.91.0 is the oldest the manifest supports.
import { mkdtempSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<number> {
  const root = resolve(__dirname, '../..');
  // Fresh profile and extensions folders, under a short path: VS Code's IPC socket paths must stay under 107 chars.
  const scratch = mkdtempSync('/tmp/il-e2e-');
  try {
    await runTests({
      version: process.env.VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: root,
      extensionTestsPath: resolve(root, 'dist/test/e2e/suite/index.js'),
      launchArgs: [
        resolve(root, 'test/e2e/workspace'),
        '--disable-extensions', // built-ins and the extension under development only
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${resolve(scratch, 'user-data')}`,
        `--extensions-dir=${resolve(scratch, 'extensions')}`,
      ],
    });
    return 0;
  } catch (error) {
    console.error(`end-to-end tests failed: ${error instanceof Error ? error.message : error}`);
    return 1;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

void main().then((code) => process.exit(code));
