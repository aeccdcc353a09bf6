// Runs the end-to-end suite in a real VS Code, headless: a throwaway code-server (Code-OSS with a Node extension
// host) on 127.0.0.1, its workbench in Debian's Chromium driven by playwright-core, this repository loaded as the
// extension under development and dist/test/e2e/suite/index.js run in its extension host. Prints mocha's output,
// saves screenshots and logs under .e2e/, exits with the suite's code. Whatever it started is stopped at the end,
// also on failure, Ctrl-C or the overall timeout (E2E_TIMEOUT_MS, 5 minutes by default).
// Build first (`npm run test:e2e` does): dist/client.js, dist/server.js, dist/test/e2e/suite/.
import { spawn } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { dirname, join, relative } from 'node:path';
import { chromium } from 'playwright-core';
import { cacheDir, ensureE2eTools, node24Env, repoRoot } from '../../scripts/e2e/setup.mjs';

const timeoutMs = Number(process.env.E2E_TIMEOUT_MS ?? 5 * 60_000);
const verbose = process.env.E2E_VERBOSE === '1'; // also print the workbench's own log lines
const workspace = join(repoRoot, 'test/e2e/workspace');
const testsModule = join(repoRoot, 'dist/test/e2e/suite/index.js');
const screenshotsDir = join(cacheDir, 'screenshots');
const logsDir = join(cacheDir, 'logs');
const REPORT_PREFIX = 'mocha| ';

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
let finishing = false;
// Quiet once finishing: what the interrupted run still reports is only the echo of our own cleanup.
const say = (message) => finishing || console.log(`[e2e] ${message}`);

/** Everything to undo, newest first. */
const cleanups = [];
let cleaning;
function cleanup() {
  cleaning ??= (async () => {
    for (const undo of cleanups.reverse()) {
      try {
        await undo();
      } catch (error) {
        console.error(`[e2e] cleanup: ${error instanceof Error ? error.message : error}`);
      }
    }
  })();
  return cleaning;
}

async function finish(code, reason) {
  if (finishing) return;
  if (reason) say(reason);
  finishing = true;
  // A cleanup step that hangs must not keep the run alive.
  setTimeout(() => {
    console.error('[e2e] cleanup did not finish within 20 s; exiting anyway');
    process.exit(code || 1);
  }, 20_000).unref();
  await cleanup();
  console.log(`[e2e] done in ${elapsed()}, exit code ${code}`);
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => void finish(1, `interrupted by ${signal}`));
}
const overall = setTimeout(() => void finish(1, `timed out after ${timeoutMs / 1000} s`), timeoutMs);
cleanups.push(() => clearTimeout(overall));

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function assertBuilt() {
  const missing = ['dist/client.js', 'dist/server.js', relative(repoRoot, testsModule)].filter(
    (file) => !existsSync(join(repoRoot, file)),
  );
  if (missing.length > 0) throw new Error(`not built: ${missing.join(', ')} (npm run test:e2e builds them)`);
}

/** A fresh, short-pathed home for one code-server: VS Code's IPC socket paths must stay under 107 characters. */
function scratchDirs() {
  const root = mkdtempSync('/tmp/il-e2e-');
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  // Runs once code-server has stopped: keep its logs (extension host, the extension's output channels).
  cleanups.push(() => {
    const logs = join(root, 'user-data', 'logs');
    if (existsSync(logs)) cpSync(logs, join(logsDir, 'code-server'), { recursive: true });
  });
  const dirs = {
    root,
    userData: join(root, 'user-data'),
    extensions: join(root, 'extensions'),
    config: join(root, 'config'),
    data: join(root, 'data'),
    cache: join(root, 'cache'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(
    join(dirs.userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'chat.disableAIFeatures': true,
        'telemetry.telemetryLevel': 'off',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'update.mode': 'none',
        'security.workspace.trust.enabled': false,
        'git.enabled': false,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
      },
      null,
      2,
    ),
  );
  return dirs;
}

/** Starts code-server as the leader of its own process group; resolves once it listens. */
function startCodeServer(tools, port, dirs) {
  const log = createWriteStream(join(logsDir, 'code-server.log'));
  const args = [
    tools.codeServerEntry,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--reconnection-grace-time', '5',
    '--vscode-option', 'enable-smoke-test-driver',
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
  ];
  const env = {
    ...node24Env(),
    TMPDIR: dirs.root,
    XDG_CONFIG_HOME: dirs.config,
    XDG_DATA_HOME: dirs.data,
    XDG_CACHE_HOME: dirs.cache,
  };
  delete env.npm_config_nodedir;
  // detached: setsid(), so the server, its extension host, file watcher and our language server share a process
  // group that we can stop as one.
  const child = spawn(tools.node, args, { cwd: repoRoot, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  cleanups.push(() => stopProcessGroup(child.pid, exited));
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  cleanups.push(() => new Promise((resolve) => log.end(resolve)));

  const listening = new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk) => {
      seen += chunk;
      if (seen.includes(`HTTP server listening on http://127.0.0.1:${port}`)) {
        child.stdout.off('data', onData);
        resolve();
      }
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.once('error', reject);
    void exited.then((how) => reject(new Error(`code-server exited (${how}) before listening; see ${logsDir}/code-server.log`)));
  });
  return { child, exited, listening };
}

async function stopProcessGroup(pgid, exited) {
  const signalGroup = (signal) => {
    try {
      process.kill(-pgid, signal);
      return true;
    } catch {
      return false; // the group is empty
    }
  };
  if (!signalGroup('SIGTERM')) return;
  let timer;
  const grace = new Promise((resolve) => (timer = setTimeout(resolve, 5000)));
  await Promise.race([exited, grace]);
  clearTimeout(timer);
  // Whatever outlived the leader (extension host, language server) goes too.
  signalGroup('SIGKILL');
}

/** A loopback endpoint the suite calls (INTEGRATION_LENS_E2E_CONTROL) to get a screenshot while it waits. */
async function startControlServer(getPage) {
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method !== 'POST' || url.pathname !== '/screenshot') {
      response.writeHead(404).end();
      return;
    }
    try {
      const file = await screenshot(getPage(), url.searchParams.get('name') ?? 'screenshot');
      response.writeHead(200).end(file);
    } catch (error) {
      response.writeHead(500).end(String(error));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${server.address().port}`;
}

async function screenshot(page, name) {
  if (!page) throw new Error('no page yet');
  const slug = name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 120) || 'screenshot';
  const file = join(screenshotsDir, `${slug}.png`);
  await page.screenshot({ path: file });
  say(`screenshot ${relative(repoRoot, file)}`);
  return file;
}

function saveWorkbenchLogs(logs) {
  const dir = join(logsDir, 'vscode');
  for (const { relativePath, contents } of logs ?? []) {
    const file = join(dir, relativePath);
    if (!file.startsWith(dir)) continue;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, contents);
  }
  if (logs?.length) say(`VS Code logs in ${relative(repoRoot, dir)}/`);
}

async function main() {
  assertBuilt();
  const tools = await ensureE2eTools();
  for (const dir of [screenshotsDir, logsDir]) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  }
  const dirs = scratchDirs();
  const port = await freePort();

  let page;
  const control = await startControlServer(() => page);
  const codeServer = startCodeServer(tools, port, dirs);
  await codeServer.listening;
  say(`code-server listening on 127.0.0.1:${port} (${elapsed()})`);

  const browser = await chromium.launch({
    executablePath: tools.chromium,
    headless: true,
    chromiumSandbox: false,
    // Playwright's own handlers would close the browser and exit before our cleanup stops code-server.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: [
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  cleanups.push(() => browser.close());
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
  page = await context.newPage();

  const browserLog = createWriteStream(join(logsDir, 'browser-console.log'));
  cleanups.push(() => new Promise((resolve) => browserLog.end(resolve)));
  page.on('console', (message) => browserLog.write(`[${message.type()}] ${message.text()}\n`));
  page.on('pageerror', (error) => browserLog.write(`[pageerror] ${error.stack ?? error}\n`));

  let exitWith;
  const suiteExited = new Promise((resolve) => (exitWith = resolve));
  await page.exposeFunction('codeAutomationLog', (type, message) => printWorkbenchLog(type, message));
  await page.exposeFunction('codeAutomationExit', (code, logs) => exitWith({ code, logs }));

  const remote = (path) => `vscode-remote://127.0.0.1:${port}${path}`;
  const payload = [
    ['extensionDevelopmentPath', remote(repoRoot)],
    ['extensionTestsPath', remote(testsModule)],
    ['extensionEnvironment', JSON.stringify({ INTEGRATION_LENS_E2E_CONTROL: control })],
    ['disableExtensions', 'true'],
    ['skipWelcome', 'true'],
  ];
  const url =
    `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}` +
    `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  await page.goto(url);
  say(`workbench loading (${elapsed()})`);

  const result = await Promise.race([
    suiteExited,
    codeServer.exited.then((how) => ({ code: 1, crashed: `code-server exited (${how}) during the tests` })),
  ]);
  if (result.crashed) say(result.crashed);
  if (result.code !== 0 && !reported) {
    say('the suite failed without a report; the workbench logged these errors:');
    for (const text of workbenchErrors) console.log(`  ${text}`);
  }
  saveWorkbenchLogs(result.logs);
  if (!existsSync(join(screenshotsDir, 'end.png'))) {
    // The suite did not get to its own last screenshot (it broke or never started): take one now.
    await screenshot(page, 'exit').catch((error) => say(`no exit screenshot: ${error.message}`));
  }
  return result.code;
}

/**
 * The workbench forwards its log here, and through it the extension host's console, where the suite prints mocha's
 * report with the `mocha| ` prefix (test/e2e/suite/index.ts). The report is printed; the rest only with
 * E2E_VERBOSE=1 (it is also in .e2e/logs/), or, for errors, when the suite fails without a report.
 */
let reported = false;
const workbenchErrors = [];
function printWorkbenchLog(type, message) {
  const text = String(message);
  if (text.startsWith(REPORT_PREFIX)) {
    reported = true;
    console.log(text.slice(REPORT_PREFIX.length));
  } else if (verbose) {
    console.log(`  [workbench ${type}] ${text}`);
  } else if (type === 'error') {
    workbenchErrors.push(text);
  }
}

main().then(
  (code) => finish(code, code === 0 ? 'suite passed' : 'suite failed'),
  (error) => finish(1, `error: ${error instanceof Error ? error.stack : error}`),
);
