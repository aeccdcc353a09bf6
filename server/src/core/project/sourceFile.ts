import { ts } from './ts';
import { bindParents } from './parents';
import { setWriteSites } from './writeSites';
import type { Problem } from '../model/types';

/** A parsed file of the integration, with the parser's own syntax errors. */
export interface ParsedFile {
  path: string;
  text: string;
  version: string;
  sourceFile: ts.SourceFile;
  syntaxErrors: Problem[];
}

function scriptKindFor(path: string): ts.ScriptKind {
  if (path.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (path.endsWith('.jsx')) return ts.ScriptKind.JSX;
  if (/\.[cm]?js$/.test(path)) return ts.ScriptKind.JS;
  if (path.endsWith('.json')) return ts.ScriptKind.JSON;
  return ts.ScriptKind.TS;
}

export function parseFile(path: string, text: string, version: string): ParsedFile {
  // The evaluator walks up from identifiers and reports ranges, both need parents: set by bindParents,
  // cheaper than the parser's setParentNodes option.
  const sourceFile = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, scriptKindFor(path));
  setWriteSites(sourceFile, bindParents(sourceFile));
  // parseDiagnostics is internal but stable across TypeScript versions; it is the parser's own error list.
  const diagnostics = ((sourceFile as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] })
    .parseDiagnostics ?? []) as ts.Diagnostic[];
  const syntaxErrors: Problem[] = diagnostics.map((d) => ({
    code: 'syntax-error',
    severity: 'error',
    message: `Syntax error: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
    range: { file: path, start: d.start ?? 0, end: (d.start ?? 0) + (d.length ?? 0) },
  }));
  return { path, text, version, sourceFile, syntaxErrors };
}

/**
 * Parsed files by path, reused while the file's version token is unchanged.
 * The language server keeps one across analyses; the CLI uses a fresh one.
 */
export class ParseCache {
  private readonly files = new Map<string, ParsedFile>();

  get(path: string, version: string, read: () => string | undefined): ParsedFile | undefined {
    const cached = this.files.get(path);
    if (cached && cached.version === version) return cached;
    const text = read();
    if (text === undefined) return undefined;
    const parsed = parseFile(path, text, version);
    this.files.set(path, parsed);
    return parsed;
  }

  delete(path: string): void {
    this.files.delete(path);
  }
}
