// Bundles each entry point with esbuild. `vscode` stays external: the editor provides it.
// `node scripts/build.mjs [name...] [--production]`: no names builds every entry.
import * as esbuild from 'esbuild';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const production = process.argv.includes('--production');
const allEntries = [
  // dist/cli.js and dist/server.js are small entries that tune the heap, then load the bundles that hold
  // everything else (dist/cli-main.js, dist/server-main.js) through V8's code cache (server/src/runtime).
  { name: 'cli', entry: 'server/src/cli/bin.ts', banner: '#!/usr/bin/env node' },
  { name: 'cli-main', entry: 'server/src/cli/main.ts' },
  { name: 'core', entry: 'server/src/core/index.ts' },
  { name: 'client', entry: 'client/src/extension.ts' },
  { name: 'server', entry: 'server/src/serverBin.ts' },
  { name: 'server-main', entry: 'server/src/server.ts' },
  // Webview pages run in the browser of the webview: vis-network is bundled in, never loaded from a CDN.
  { name: 'webview/contextGraph', entry: 'webview/contextGraph/main.ts', browser: true },
  // The collected, declared-types and step graphs and the sync preview: one page, dist/webview/graph.{js,css}.
  { name: 'webview/graph', entry: 'webview/graph.ts', browser: true },
];
const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const unknown = wanted.filter((name) => !allEntries.some((e) => e.name === name));
if (unknown.length > 0) {
  console.error(`unknown entries: ${unknown.join(', ')} (known: ${allEntries.map((e) => e.name).join(', ')})`);
  process.exit(1);
}
// An entry and the bundle it loads are built together: `cli` is nothing without `cli-main`.
for (const name of [...wanted]) if (allEntries.some((e) => e.name === `${name}-main`)) wanted.push(`${name}-main`);
const entries = wanted.length > 0 ? allEntries.filter((e) => wanted.includes(e.name)) : allEntries;

/**
 * The analysis core dispatches on `node.kind` in switches written `case SK.CallExpression:` (with
 * `const SK = ts.SyntaxKind`). Run by V8's interpreter (most of `check` runs before V8 optimises it),
 * each case is a property load through an inline cache; a number literal is compared directly. This
 * plugin writes the number of the TypeScript that is bundled for each `SK.Name` of such files (the
 * values are read from that same package at build time, so they cannot drift from it).
 */
const require = createRequire(import.meta.url);
// The compiler the bundles hold (scripts/shims/ts-morph-common.cjs).
const syntaxKinds = require('./shims/ts-morph-common.cjs').ts.SyntaxKind;
const inlineSyntaxKinds = {
  name: 'inline-syntax-kinds',
  setup(build) {
    build.onLoad({ filter: /server[\\/]src[\\/]core[\\/].*\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('const SK = ts.SyntaxKind;')) return undefined;
      const contents = text.replace(/\bSK\.([A-Za-z]+)\b/g, (whole, name) =>
        typeof syntaxKinds[name] === 'number' ? `${syntaxKinds[name]} /* ${whole} */` : whole,
      );
      return { contents, loader: 'ts' };
    });
  },
};

const started = Date.now();
await Promise.all(
  entries.map(({ name, entry, banner, browser }) =>
    esbuild.build(browser ? {
      entryPoints: [entry],
      outfile: `dist/${name}.js`,
      bundle: true,
      platform: 'browser',
      target: 'es2020',
      format: 'iife',
      sourcemap: production ? false : 'linked',
      minify: true,
      logLevel: 'warning',
    } : {
      entryPoints: [entry],
      outfile: `dist/${name}.js`,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      sourcemap: production ? false : 'linked',
      minify: production,
      external: ['vscode'],
      plugins: [inlineSyntaxKinds],
      // jsonc-parser's `main` is a UMD build whose requires esbuild cannot follow: bundle its ES module build.
      alias: { '@ts-morph/common': './scripts/shims/ts-morph-common.cjs', 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
      define: { INTEGRATION_LENS_VERSION: JSON.stringify(version) },
      banner: banner ? { js: banner } : undefined,
      logLevel: 'warning',
    }),
  ),
);
for (const { name } of entries) {
  const size = statSync(`dist/${name}.js`).size;
  console.log(`dist/${name}.js ${(size / 1024).toFixed(0)} KiB`);
}
console.log(`built in ${Date.now() - started} ms`);
