// The test module VS Code loads into the extension host (`extensionTestsPath`). It keeps @vscode/test-electron's
// contract: `run()` runs mocha there and settles when mocha is done, rejecting if a test failed. Built by
// scripts/e2e/build-suite.mjs into dist/test/e2e/suite/, each `*.test.ts` compiled next to it. Mocha is bundled in:
// mocha 12's CommonJS entry require()s ES modules, which older VS Code's Electron Node cannot do.
// Test files are named `<scenario>.<topic>.test.ts`; INTEGRATION_LENS_E2E_SCENARIO (default `integration`) picks the
// files for the workspace this window has open (test/e2e/workspaces/<scenario>).
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { workbench } from './workbench';

const scenario = process.env.INTEGRATION_LENS_E2E_SCENARIO ?? 'integration';
/** Marks mocha's lines for test/e2e/run.mjs, which prints them and hides the workbench's own log. */
const REPORT_PREFIX = workbench.available ? 'mocha| ' : '';

async function screenshot(name: string): Promise<void> {
  try {
    await workbench.screenshot(name);
  } catch (error) {
    console.error(`screenshot ${name} failed:`, error);
  }
}

export async function run(): Promise<void> {
  // Reporters print with Base.consoleLog(format, ...args); the browser workbench forwards the extension host's
  // console with the arguments joined by commas, unformatted. Hand it whole lines.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(REPORT_PREFIX + format(...args));
  try {
    await runMocha();
  } catch (error) {
    Mocha.reporters.Base.consoleLog(error);
    throw error;
  }
}

async function runMocha(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: 'spec' });
  const files = readdirSync(__dirname)
    .filter((name) => name.startsWith(`${scenario}.`) && name.endsWith('.test.js'))
    .sort();
  if (files.length === 0) throw new Error(`no ${scenario}.*.test.js next to ${__filename}`);
  for (const name of files) mocha.addFile(join(__dirname, name));

  // The workbench as it is when a test fails, before anything else changes it.
  mocha.suite.afterEach(async function () {
    if (this.currentTest?.state === 'failed') await screenshot(`failed ${this.currentTest.fullTitle()}`);
  });

  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  // The last look, while the extension host (and the extension's status item) is still up.
  await screenshot('end');
  if (failures > 0) throw new Error(`${failures} end-to-end test(s) failed`);
}
