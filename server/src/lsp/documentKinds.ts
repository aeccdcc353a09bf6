// Files of the document kinds (question files, context-graph imports, collected graphs): which kind owns an open
// file, and its findings and editor answers, computed by the core with the integration beside the file if any.
import * as path from 'node:path';
import { documentKindOf, type DocumentContext, type DocumentKind, type DocumentSettings, type Finding } from '../core';
import type { OverlayHost } from './overlayHost';
import type { ProjectSession } from './projectSession';

export interface DocumentKindServiceOptions {
  host: OverlayHost;
  workspaceRoots(): string[];
  settings(): DocumentSettings;
  sessionFor(file: string): ProjectSession | undefined;
  kinds?: readonly DocumentKind[];
}

interface Checked {
  key: string;
  findings: Finding[];
}

export class DocumentKindService {
  private readonly checked = new Map<string, Checked>();

  constructor(private readonly options: DocumentKindServiceOptions) {}

  /** The folder a file's patterns are relative to: the innermost workspace folder holding it, else its own folder. */
  rootOf(file: string): string {
    const roots = this.options.workspaceRoots().filter((r) => file.startsWith(r + path.sep));
    return roots.sort((a, b) => b.length - a.length)[0] ?? path.dirname(file);
  }

  /** The kind that owns the file, with its text, or undefined (TypeScript files and unrelated JSON/YAML). */
  kindOf(file: string): { kind: DocumentKind; text: string } | undefined {
    if (/\.(?:[cm]?[jt]sx?)$/.test(file)) return undefined;
    const text = this.options.host.readFile(file);
    if (text === undefined) return undefined;
    const kind = documentKindOf(file, text, { root: this.rootOf(file), settings: this.options.settings() }, this.options.kinds);
    return kind ? { kind, text } : undefined;
  }

  context(file: string): DocumentContext {
    const session = this.options.sessionFor(file);
    return {
      root: this.rootOf(file),
      settings: this.options.settings(),
      host: this.options.host,
      integration: session?.current(),
      facts: session?.facts,
    };
  }

  /** Findings of an owned file; recomputed only when the file or the integration beside it changed. */
  findings(file: string): Finding[] | undefined {
    const owned = this.kindOf(file);
    if (!owned) {
      this.checked.delete(file);
      return undefined;
    }
    const context = this.context(file);
    const session = this.options.sessionFor(file);
    const inputs = owned.kind.inputs?.(file, context) ?? [];
    const key = [owned.kind.id, this.options.host.version(file), session?.generation ?? -1, JSON.stringify(context.settings), ...inputs.map((f) => `${f}:${this.options.host.version(f)}`)].join('\0');
    const cached = this.checked.get(file);
    if (cached?.key === key) return cached.findings;
    let findings: Finding[];
    try {
      findings = owned.kind.check(file, owned.text, context);
    } catch (error) {
      // Kinds never throw by contract; if one does, say so on the file instead of losing the server.
      findings = [{ code: 'internal-error', severity: 'error', range: { file, start: 0, end: 0 }, message: `Integration Lens failed to check this file (${owned.kind.id}): ${(error as Error).message}` }];
    }
    this.checked.set(file, { key, findings });
    return findings;
  }

  forget(file: string): void {
    this.checked.delete(file);
  }
}
