// Where a project's own j1-integration is, and how to install it when it is not. Node only.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const CLI_PACKAGE = '@jupiterone/integration-sdk-cli';

export function cliPath(projectPath: string, platform: NodeJS.Platform = process.platform): string {
  return path.join(projectPath, 'node_modules', '.bin', platform === 'win32' ? 'j1-integration.cmd' : 'j1-integration');
}

export function findCli(projectPath: string): string | undefined {
  const cli = cliPath(projectPath);
  return fs.existsSync(cli) ? cli : undefined;
}

/**
 * The command that makes `node_modules/.bin/j1-integration` appear, for the package manager the lockfile names:
 * a plain install when package.json already lists the CLI, otherwise adding it as a dev dependency.
 */
export function installCommand(projectPath: string): string {
  const has = (file: string) => fs.existsSync(path.join(projectPath, file));
  const manager = has('yarn.lock') ? 'yarn' : has('pnpm-lock.yaml') ? 'pnpm' : 'npm';
  let listed = false;
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(projectPath, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    listed = ['dependencies', 'devDependencies'].some((field) => !!manifest[field]?.[CLI_PACKAGE]);
  } catch {
    // no readable package.json: suggest adding the CLI
  }
  if (listed) return manager === 'npm' ? (has('package-lock.json') ? 'npm ci' : 'npm install') : `${manager} install`;
  if (manager === 'yarn') return `yarn add --dev ${CLI_PACKAGE}`;
  if (manager === 'pnpm') return `pnpm add --save-dev ${CLI_PACKAGE}`;
  return `npm install --save-dev ${CLI_PACKAGE}`;
}

export function missingCliMessage(projectPath: string): string {
  return `j1-integration is not installed in ${projectPath}: run "${installCommand(projectPath)}" there, then run the task again.`;
}
