import * as path from 'node:path';
import { LineIndex, type FileHost, type SourceRange } from '../core';

/** A 1-based location for people and CI tools: `file` relative to the project. */
export interface Location {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Converts core ranges (absolute path, offsets) into 1-based locations, reading each file once. */
export class Locator {
  private readonly indexes = new Map<string, LineIndex | null>();

  constructor(
    private readonly projectPath: string,
    private readonly host: FileHost,
  ) {}

  relative(file: string): string {
    const rel = path.relative(this.projectPath, file);
    return (rel.startsWith('..') ? file : rel).split(path.sep).join('/');
  }

  locate(range: SourceRange): Location {
    let index = this.indexes.get(range.file);
    if (index === undefined) {
      const text = this.host.readFile(range.file);
      index = text === undefined ? null : new LineIndex(text);
      this.indexes.set(range.file, index);
    }
    const start = index?.position(range.start) ?? { line: 0, character: 0 };
    const end = index?.position(range.end) ?? start;
    return { file: this.relative(range.file), line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
  }

  /** `file:line:column`, the prefix editors and terminals turn into links. */
  prefix(range: SourceRange | undefined): string {
    if (!range) return '';
    const l = this.locate(range);
    return `${l.file}:${l.line}:${l.column}`;
  }
}
