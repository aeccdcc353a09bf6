// Runs the end-to-end suite in a real VS Code, headless: a throwaway code-server (Code-OSS with a Node extension
// host) on 127.0.0.1, its workbench in Debian's Chromium driven by playwright-core, and the suite's mocha run inside
// the extension host. Each scenario is one workbench window on a fresh copy of its workspace (test/e2e/workspaces/*),
// all windows at once in the same code-server:
//   integration  a small integration with one misspelled dependsOn: activation, server, diagnostics, quick fix,
//                hover, status item, restart;
//   idle         a TypeScript project that is not an integration: the extension stays idle until it becomes one;
//   run          the fixture integration test/fixtures/run-integration with its real j1-integration CLI: the task
//                provider's collect and sync (against servers the suite starts on 127.0.0.1), the API key command;
//   canopsis     a folder of Canopsis context-graph imports with no integration;
//   views        the Steps view and the graph webviews;
//   questions    a folder of managed question files with no package.json: activation on them, J1QL diagnostics.
// Two ways to load the extension:
//   (default)         this repository as the extension under development (dist/client.js, dist/server.js);
//   --vsix [FILE]     the packaged VSIX (default dist/<name>-<version>.vsix, from `npm run package`) installed with
//                     `code-server --install-extension` into a fresh extensions folder; the suite is copied out too,
//                     so nothing is loaded from the repository.
// Prints each scenario's mocha report, saves screenshots and logs under .e2e/, exits non-zero if any scenario failed.
// Whatever it started is stopped at the end, also on failure, Ctrl-C or the overall timeout (E2E_TIMEOUT_MS, 5 min,
// counted from when the tools are installed: a first install of code-server alone can take minutes).
// Build first (`npm run test:e2e` and `npm run test:e2e:vsix` do).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { dirname, join, relative, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { cacheDir, ensureE2eTools, node24Env, repoRoot } from '../../scripts/e2e/setup.mjs';
import { ensureRunFixture, runFixtureDir } from '../support/runFixture.mjs';

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;
const timeoutMs = Number(process.env.E2E_TIMEOUT_MS ?? 5 * 60_000);
const verbose = process.env.E2E_VERBOSE === '1'; // also print the workbench's own log lines
const vsixIndex = process.argv.indexOf('--vsix');
const vsix =
  vsixIndex < 0
    ? undefined
    : resolve(process.argv[vsixIndex + 1] && !process.argv[vsixIndex + 1].startsWith('-') ? process.argv[vsixIndex + 1] : join(repoRoot, `dist/${manifest.name}-${manifest.version}.vsix`));
const suiteDir = join(repoRoot, 'dist/test/e2e/suite');
/**
 * Scenarios whose workspace is a copy of a fixture with test/e2e/workspaces/<name> laid over it; the fixture's
 * node_modules is linked, not copied (the real j1-integration CLI and the SDK, installed by ensureRunFixture).
 */
const fixtureBases = { run: runFixtureDir };
const scenarios = (process.env.E2E_SCENARIOS ?? 'integration,idle,run,canopsis,views,questions').split(',').map((name) => ({
  name,
  workspace: join(repoRoot, 'test/e2e/workspaces', name),
  base: fixtureBases[name],
}));
const screenshotsDir = join(cacheDir, 'screenshots');
const logsDir = join(cacheDir, 'logs');
const REPORT_PREFIX = 'mocha| ';

const started = Date.now();
const elapsed = (from = started) => `${((Date.now() - from) / 1000).toFixed(1)} s`;
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
let overall;
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
  const needed = [join(suiteDir, 'index.js'), ...scenarios.map((s) => s.workspace)];
  if (vsix) needed.push(vsix);
  else needed.push(join(repoRoot, 'dist/client.js'), join(repoRoot, 'dist/server.js'));
  const missing = needed.filter((file) => !existsSync(file)).map((file) => relative(repoRoot, file));
  if (missing.length > 0) {
    throw new Error(`missing: ${missing.join(', ')} (${vsix ? 'npm run test:e2e:vsix' : 'npm run test:e2e'} builds them)`);
  }
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
    workspaces: join(root, 'ws'),
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
        'typescript.disableAutomaticTypeAcquisition': true,
      },
      null,
      2,
    ),
  );
  return dirs;
}

/** code-server's environment: Node 24 first on PATH, every folder it writes to inside the scratch root. */
function codeServerEnv(dirs) {
  const env = {
    ...node24Env(),
    TMPDIR: dirs.root,
    XDG_CONFIG_HOME: dirs.config,
    XDG_DATA_HOME: dirs.data,
    XDG_CACHE_HOME: dirs.cache,
  };
  delete env.npm_config_nodedir;
  return env;
}

/**
 * `code-server --install-extension FILE` into the fresh extensions folder, as a user would; returns the folder the
 * extension was installed to.
 */
function installVsix(tools, dirs) {
  const begun = Date.now();
  const result = spawnSync(
    tools.node,
    [tools.codeServerEntry, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--install-extension', vsix],
    { cwd: dirs.root, env: codeServerEnv(dirs), encoding: 'utf8' },
  );
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  writeFileSync(join(logsDir, 'install-extension.log'), `${output}\n`);
  if (result.status !== 0) throw new Error(`code-server --install-extension exited with ${result.status ?? result.signal}:\n${output}`);
  const installed = readdirSync(dirs.extensions).filter((name) => name.startsWith(`${EXTENSION_ID}-`));
  if (installed.length !== 1) throw new Error(`expected one ${EXTENSION_ID}-* in ${dirs.extensions}, found: ${installed.join(', ') || 'none'}`);
  const dir = join(dirs.extensions, installed[0]);
  const files = listFiles(dir);
  say(`installed ${relative(repoRoot, vsix)} with code-server --install-extension in ${elapsed(begun)}: ${files.join(', ')}`);
  return dir;
}

function listFiles(dir, prefix = '') {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

/**
 * VS Code runs extension tests only for an extension under development. With the VSIX installed, that is a manifest
 * with no code (another id, so the real extension is the installed one) next to a copy of the suite.
 */
function testHarness(dirs) {
  const dir = join(dirs.root, 'harness');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'e2e-harness', publisher: 'integration-lens', version: '0.0.0', engines: { vscode: '*' } }, null, 2),
  );
  cpSync(suiteDir, join(dir, 'suite'), { recursive: true });
  return { developmentPath: dir, testsModule: join(dir, 'suite', 'index.js') };
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
  // detached: setsid(), so the server, its extension hosts, file watcher and our language servers share a process
  // group that we can stop as one.
  const child = spawn(tools.node, args, { cwd: dirs.root, env: codeServerEnv(dirs), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
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
  // Whatever outlived the leader (extension hosts, language servers) goes too.
  signalGroup('SIGKILL');
}

/**
 * A loopback endpoint the suite calls (INTEGRATION_LENS_E2E_CONTROL, one base URL per scenario) for what only the
 * workbench's page can do:
 *   POST <base>/screenshot?name=N[&selector=S&text=T]  a screenshot, once an element matching S shows T if given;
 *   GET  <base>/text?selector=S&text=T                 the innerText of the first element matching S that shows T,
 *                                                      waiting for it (404 if none does within 10 s).
 *   GET  <base>/frameText?selector=S&text=T            the same in any frame (webviews are nested iframes);
 *   GET  <base>/frameAttribute?selector=S&attribute=A  attribute A of the first element matching S in any frame.
 *   GET  <base>/webview?selector=S                     inside the visible webview's page: the first element matching
 *                                                      S, as JSON {text, data (its data-* attributes), canvases},
 *                                                      waiting for it (404 if none does within 10 s).
 */
async function startControlServer(pages) {
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const [, scenario, action] = url.pathname.split('/');
    const page = pages.get(scenario);
    const selector = url.searchParams.get('selector');
    const text = url.searchParams.get('text') ?? '';
    try {
      if (!page) {
        response.writeHead(404).end(`no page for scenario ${scenario}`);
      } else if (request.method === 'POST' && action === 'screenshot') {
        if (selector) await findText(page, selector, text);
        const file = await screenshot(page, `${scenario}-${url.searchParams.get('name') ?? 'screenshot'}`);
        response.writeHead(200).end(file);
      } else if (request.method === 'GET' && action === 'text' && selector) {
        response.writeHead(200).end(await findText(page, selector, text));
      } else if (request.method === 'GET' && action === 'webview' && selector) {
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(await webviewElement(page, selector)));
      } else if (request.method === 'GET' && action === 'frameText' && selector) {
        response.writeHead(200).end(await findInFrames(page, selector, (e) => e.innerText, text));
      } else if (request.method === 'GET' && action === 'frameAttribute' && selector) {
        response.writeHead(200).end(await findInFrames(page, selector, null, '', url.searchParams.get('attribute') ?? ''));
      } else {
        response.writeHead(404).end();
      }
    } catch (error) {
      response.writeHead(error?.name === 'TimeoutError' ? 404 : 500).end(String(error?.message ?? error));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${server.address().port}`;
}

/** Waits (in the page, on its own rendering) for an element matching `selector` whose text includes `text`. */
async function findText(page, selector, text) {
  const handle = await page.waitForFunction(
    ([selector, text]) => [...document.querySelectorAll(selector)].find((e) => e.innerText.includes(text))?.innerText,
    [selector, text],
    { timeout: 10_000 },
  );
  return String(await handle.jsonValue());
}

/**
 * An element of the page inside the visible webview (VS Code nests it: iframe.webview > iframe#active-frame), once it
 * exists. Hidden webviews have no frame (the extension does not retain them), so the last ready one is the visible one.
 */
async function webviewElement(page, selector) {
  const element = page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame').locator(selector).first();
  await element.waitFor({ state: 'attached', timeout: 10_000 });
  return element.evaluate((e) => ({ text: e.innerText.slice(0, 5000), data: { ...e.dataset }, canvases: document.querySelectorAll('canvas').length }));
}

/**
 * Looks in every frame of the page (webview iframes come and go) for an element matching `selector` whose innerText
 * includes `text` (or, with `attribute`, which has it), until one does or 10 s pass. Frames are polled: a webview's
 * inner document loads without an event the page exposes.
 */
async function findInFrames(page, selector, _read, text, attribute) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    for (const frame of page.frames()) {
      const found = await frame
        .evaluate(
          ([selector, text, attribute]) => {
            const element = [...document.querySelectorAll(selector)].find((e) => (attribute ? e.hasAttribute(attribute) : (e.innerText ?? '').includes(text)));
            if (!element) return undefined;
            return attribute ? element.getAttribute(attribute) : element.innerText;
          },
          [selector, text, attribute],
        )
        .catch(() => undefined);
      if (found !== undefined && found !== null) return String(found);
    }
    if (Date.now() > deadline) {
      const error = new Error(`no frame shows ${selector}`);
      error.name = 'TimeoutError';
      throw error;
    }
    await page.waitForTimeout(100);
  }
}

async function screenshot(page, name) {
  const slug = name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 120) || 'screenshot';
  const file = join(screenshotsDir, `${slug}.png`);
  await page.screenshot({ path: file });
  say(`screenshot ${relative(repoRoot, file)}`);
  return file;
}

function saveWorkbenchLogs(scenario, logs) {
  const dir = join(logsDir, 'vscode', scenario);
  for (const { relativePath, contents } of logs ?? []) {
    const file = join(dir, relativePath);
    if (!file.startsWith(dir)) continue;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, contents);
  }
}

/**
 * One scenario: a window on a fresh copy of its workspace, the suite run in its extension host. Resolves with the
 * suite's exit code; the report is printed as a block once the scenario ends (windows run concurrently).
 */
async function runScenario({ browser, port, control, pages, dirs, extension, scenario, codeServer }) {
  const folder = join(dirs.workspaces, scenario.name);
  if (scenario.base) {
    const skip = new Set(['node_modules', '.j1-integration', '.j1-integration-cache', '.env']);
    cpSync(scenario.base, folder, { recursive: true, filter: (source) => !skip.has(relative(scenario.base, source).split('/')[0]) });
    symlinkSync(join(scenario.base, 'node_modules'), join(folder, 'node_modules'), 'dir');
  }
  cpSync(scenario.workspace, folder, { recursive: true });
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
  const page = await context.newPage();
  pages.set(scenario.name, page);

  const browserLog = createWriteStream(join(logsDir, `browser-console-${scenario.name}.log`));
  cleanups.push(() => new Promise((resolve) => browserLog.end(resolve)));
  page.on('console', (message) => browserLog.write(`[${message.type()}] ${message.text()}\n`));
  page.on('pageerror', (error) => browserLog.write(`[pageerror] ${error.stack ?? error}\n`));

  const report = [];
  const workbenchErrors = [];
  let exitWith;
  const suiteExited = new Promise((resolve) => (exitWith = resolve));
  // The workbench forwards its log here, and through it the extension host's console, where the suite prints mocha's
  // report with the `mocha| ` prefix (test/e2e/suite/index.ts). The rest is printed only with E2E_VERBOSE=1 (it is
  // also in .e2e/logs/), or, for errors, when the suite fails without a report.
  await page.exposeFunction('codeAutomationLog', (type, message) => {
    const text = String(message);
    if (text.startsWith(REPORT_PREFIX)) report.push(text.slice(REPORT_PREFIX.length));
    else if (verbose) console.log(`  [${scenario.name} workbench ${type}] ${text}`);
    else if (type === 'error') workbenchErrors.push(text);
  });
  await page.exposeFunction('codeAutomationExit', (code, logs) => exitWith({ code, logs }));

  const remote = (path) => `vscode-remote://127.0.0.1:${port}${path}`;
  const environment = {
    INTEGRATION_LENS_E2E_CONTROL: `${control}/${scenario.name}`,
    INTEGRATION_LENS_E2E_SCENARIO: scenario.name,
    INTEGRATION_LENS_E2E_EXTENSION_PATH: extension.path,
  };
  const payload = [
    ['extensionDevelopmentPath', remote(extension.developmentPath)],
    ['extensionTestsPath', remote(extension.testsModule)],
    ['extensionEnvironment', JSON.stringify(environment)],
    // Built-ins plus the extension under development only; an installed VSIX must stay enabled.
    ...(vsix ? [] : [['disableExtensions', 'true']]),
    ['skipWelcome', 'true'],
  ];
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  const begun = Date.now();
  await page.goto(url);

  const result = await Promise.race([
    suiteExited,
    codeServer.exited.then((how) => ({ code: 1, crashed: `code-server exited (${how}) during the tests` })),
  ]);
  console.log(`\n[e2e] ── scenario ${scenario.name} (${relative(repoRoot, scenario.workspace)}): exit ${result.code} in ${elapsed(begun)}`);
  for (const line of report) console.log(line);
  if (result.crashed) say(result.crashed);
  if (result.code !== 0 && report.length === 0) {
    say(`scenario ${scenario.name} failed without a report; the workbench logged these errors:`);
    for (const text of workbenchErrors) console.log(`  ${text}`);
  }
  saveWorkbenchLogs(scenario.name, result.logs);
  if (!existsSync(join(screenshotsDir, `${scenario.name}-end.png`))) {
    // The suite did not get to its own last screenshot (it broke or never started): take one now.
    await screenshot(page, `${scenario.name}-exit`).catch((error) => say(`no exit screenshot: ${error.message}`));
  }
  return result.code;
}

async function main() {
  assertBuilt();
  const tools = await ensureE2eTools();
  if (scenarios.some((s) => s.base === runFixtureDir)) ensureRunFixture({ log: say });
  overall = setTimeout(() => void finish(1, `timed out after ${timeoutMs / 1000} s`), timeoutMs);
  for (const dir of [screenshotsDir, logsDir]) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  }
  const dirs = scratchDirs();
  const extension = vsix
    ? { path: installVsix(tools, dirs), ...testHarness(dirs) }
    : { path: repoRoot, developmentPath: repoRoot, testsModule: join(suiteDir, 'index.js') };
  const port = await freePort();
  const pages = new Map();
  const control = await startControlServer(pages);
  const codeServer = startCodeServer(tools, port, dirs);
  await codeServer.listening;
  say(`code-server listening on 127.0.0.1:${port} (${elapsed()}); scenarios ${scenarios.map((s) => s.name).join(', ')}${vsix ? `, extension from ${relative(repoRoot, vsix)}` : ''}`);

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

  const codes = await Promise.all(
    scenarios.map((scenario) => runScenario({ browser, port, control, pages, dirs, extension, scenario, codeServer })),
  );
  return codes.find((code) => code !== 0) ?? 0;
}

main().then(
  (code) => finish(code, code === 0 ? 'suite passed' : 'suite failed'),
  (error) => finish(1, `error: ${error instanceof Error ? error.stack : error}`),
);
