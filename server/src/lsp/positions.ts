import { pathToFileURL } from 'node:url';
import type { Position, Range } from 'vscode-languageserver/node';
import { LineIndex, type FileHost, type SourceRange } from '../core';
import type { OverlayHost } from './overlayHost';

/** Converts core offsets to LSP positions, with the text the editor has (open buffer) or the disk's. */
export class PositionMapper {
  private readonly indexes = new Map<string, { version: string | undefined; index: LineIndex }>();

  constructor(private readonly host: OverlayHost | FileHost) {}

  private index(file: string): LineIndex | undefined {
    const version = this.host.version(file);
    const cached = this.indexes.get(file);
    if (cached && cached.version === version) return cached.index;
    const text = this.host.readFile(file);
    if (text === undefined) return undefined;
    const index = new LineIndex(text);
    this.indexes.set(file, { version, index });
    return index;
  }

  range(range: SourceRange): Range {
    const index = this.index(range.file);
    const start = index?.position(range.start) ?? { line: 0, character: 0 };
    const end = index?.position(range.end) ?? start;
    return { start, end };
  }

  offset(file: string, position: Position): number | undefined {
    return this.index(file)?.offset(position.line, position.character);
  }

  forget(file: string): void {
    this.indexes.delete(file);
  }
}

export function uriOf(file: string): string {
  return pathToFileURL(file).href;
}
