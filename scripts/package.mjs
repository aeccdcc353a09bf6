// `npm run package`: the production bundles (minified, no sourcemaps), then the .vsix with @vscode/vsce 3.x (4.x needs
// Node 22), then a check that it holds only what ships: the files `vsce ls` lists must be exactly SHIPPED.
// Prints the path, the size and the time taken. Usage: node scripts/package.mjs [--out FILE]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const outArg = process.argv.indexOf('--out');
const out = resolve(root, outArg > 0 ? process.argv[outArg + 1] : `dist/${name}-${version}.vsix`);
/** What the extension needs at run time; .vscodeignore whitelists exactly these. */
const SHIPPED = [
  'LICENSE',
  'README.md',
  'dist/client.js',
  'dist/server.js',
  'dist/server-main.js',
  'dist/webview/contextGraph.css',
  'dist/webview/contextGraph.js',
  'dist/webview/graph.css',
  'dist/webview/graph.js',
  'package.json',
  'syntaxes/j1ql.language-configuration.json',
  'syntaxes/j1ql.markdown-injection.tmLanguage.json',
  'syntaxes/j1ql.tmLanguage.json',
  'syntaxes/j1ql.yaml-injection.tmLanguage.json',
];

const started = Date.now();
const seconds = (from) => `${((Date.now() - from) / 1000).toFixed(1)} s`;

function run(command, args, capture = false) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit' });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    console.error(`[package] ${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
    process.exit(1);
  }
  return result.stdout;
}

const vsce = join(root, 'node_modules', '.bin', 'vsce');
run(process.execPath, [join(root, 'scripts/build.mjs'), 'client', 'server', 'webview/contextGraph', 'webview/graph', '--production']);

const listed = run(vsce, ['ls', '--no-dependencies'], true)
  .split('\n')
  .map((line) => line.trim())
  .filter(Boolean)
  .sort();
const extra = listed.filter((file) => !SHIPPED.includes(file));
const missing = SHIPPED.filter((file) => !listed.includes(file));
if (extra.length || missing.length) {
  console.error(`[package] the package would not hold exactly what ships (see .vscodeignore):`);
  if (extra.length) console.error(`  not meant to ship: ${extra.join(', ')}`);
  if (missing.length) console.error(`  missing: ${missing.join(', ')}`);
  process.exit(1);
}

mkdirSync(dirname(out), { recursive: true });
const packing = Date.now();
run(vsce, ['package', '--no-dependencies', '--allow-missing-repository', '--out', out]);
console.log(
  `[package] ${relative(root, out)}: ${(statSync(out).size / 1024 / 1024).toFixed(2)} MiB holding ${listed.join(', ')}; ` +
    `vsce ${seconds(packing)}, all ${seconds(started)}`,
);
