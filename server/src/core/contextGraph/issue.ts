import type { Node } from 'jsonc-parser';
import type { SourceRange } from '../model/types';
import type { Fix, Severity } from '../rules/types';
import type { ImportElement } from './types';

/** A problem found in an import, before it becomes a Finding (nodes are turned into ranges of the import file). */
export interface ImportIssue {
  code: string;
  severity: Severity;
  node: Node | { offset: number; length: number };
  message: string;
  /** Other places in the import (e.g. the earlier create). */
  related?: Array<{ node: Node; message: string }>;
  /** Places in other files (e.g. the entity in the base graph). */
  relatedRanges?: Array<{ range: SourceRange; message: string }>;
  /** The element the engine would fail on, when the issue makes it fail. */
  element?: ImportElement;
  /** `final`: found by the engine after every element is processed (the deleted-then-updated check). */
  phase?: 'element' | 'final';
  fixes?: Array<Omit<Fix, 'edits'> & { edits: Array<{ offset: number; length: number; newText: string }> }>;
  data?: Record<string, unknown>;
}

export function quoteList(values: readonly string[]): string {
  return values.map((v) => `"${v}"`).join(', ');
}
