import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

const ROOT = path.join(__dirname, '../../..');
/** Minimal stand-ins for VS Code's YAML and Markdown grammars, so that the injections can be tested anywhere. */
export const STUB_HOSTS = path.join(ROOT, 'test/fixtures/grammar/hosts');

interface GrammarContribution {
  language?: string;
  scopeName: string;
  path: string;
  injectTo?: string[];
  embeddedLanguages?: Record<string, string>;
}

/** Our grammars exactly as package.json contributes them, so that the tests exercise the manifest too. */
export const CONTRIBUTED: GrammarContribution[] = (
  JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { grammars: GrammarContribution[] } }
).contributes.grammars;
const OWN = new Map(CONTRIBUTED.map((g) => [g.scopeName, path.join(ROOT, g.path)]));
const INJECTIONS = new Map<string, string[]>();
for (const g of CONTRIBUTED) for (const host of g.injectTo ?? []) INJECTIONS.set(host, [...(INJECTIONS.get(host) ?? []), g.scopeName]);

let onig: Promise<vsctm.IOnigLib> | undefined;
function onigLib(): Promise<vsctm.IOnigLib> {
  onig ??= (async () => {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
    return { createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p), createOnigString: (s: string) => new oniguruma.OnigString(s) };
  })();
  return onig;
}

/** scopeName -> grammar file for every *.tmLanguage.json in `dirs` (the first one found wins). */
function scopesIn(dirs: string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const dir of dirs) {
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir)) {
      if (!f.endsWith('.tmLanguage.json')) continue;
      const file = path.join(dir, f);
      const { scopeName } = JSON.parse(fs.readFileSync(file, 'utf8')) as { scopeName?: string };
      if (scopeName && !map.has(scopeName)) map.set(scopeName, file);
    }
  }
  return map;
}

/** A registry holding our grammars and the host grammars found in `hostDirs` (stubs by default). */
export function registry(hostDirs: string[] = [STUB_HOSTS]): vsctm.Registry {
  const hosts = scopesIn(hostDirs);
  return new vsctm.Registry({
    onigLib: onigLib(),
    loadGrammar: async (scopeName) => {
      const file = OWN.get(scopeName) ?? hosts.get(scopeName);
      if (!file) return null;
      return vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
    },
    getInjections: (scopeName) => INJECTIONS.get(scopeName),
  });
}

export interface Token {
  line: number;
  startIndex: number;
  endIndex: number;
  text: string;
  scopes: string[];
}

export async function tokenize(reg: vsctm.Registry, scopeName: string, text: string): Promise<Token[]> {
  const grammar = await reg.loadGrammar(scopeName);
  if (!grammar) throw new Error(`no grammar for ${scopeName}`);
  const tokens: Token[] = [];
  let state = vsctm.INITIAL;
  text.split(/\r?\n/).forEach((lineText, line) => {
    const r = grammar.tokenizeLine(lineText, state);
    for (const t of r.tokens) {
      const end = Math.min(t.endIndex, lineText.length);
      if (end <= t.startIndex) continue;
      tokens.push({ line, startIndex: t.startIndex, endIndex: end, text: lineText.slice(t.startIndex, end), scopes: t.scopes });
    }
    state = r.ruleStack;
  });
  return tokens;
}

/**
 * A readable snapshot: each source line, then one row per token that has a scope beyond the root (whitespace-only
 * tokens left out), `^` under its characters and its scopes after the root.
 */
export function render(text: string, tokens: Token[]): string {
  const lines = text.split(/\r?\n/);
  const out: string[] = [];
  lines.forEach((lineText, line) => {
    out.push(`>${lineText}`);
    for (const t of tokens) {
      if (t.line !== line || t.text.trim() === '' || t.scopes.length <= 1) continue;
      out.push(`${' '.repeat(t.startIndex + 1)}${'^'.repeat(t.endIndex - t.startIndex)} ${t.scopes.slice(1).join(' ')}`);
    }
  });
  return out.join('\n') + '\n';
}

/** The scopes of the first token covering `needle` on the line that contains `lineMarker`. */
export function scopesAt(tokens: Token[], text: string, lineMarker: string, needle: string): string[] {
  const lines = text.split(/\r?\n/);
  const line = lines.findIndex((l) => l.includes(lineMarker));
  if (line < 0) throw new Error(`no line with ${lineMarker}`);
  const col = lines[line]!.indexOf(needle, lines[line]!.indexOf(lineMarker));
  if (col < 0) throw new Error(`no ${needle} on line ${line}`);
  const t = tokens.find((x) => x.line === line && x.startIndex <= col && col < x.endIndex);
  return t?.scopes ?? [];
}
