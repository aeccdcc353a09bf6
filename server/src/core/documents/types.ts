import type { IntegrationAnalysis } from '../model/buildModel';
import type { SourceRange } from '../model/types';
import type { FileHost } from '../project/fileHost';
import type { CompletionKind } from '../queries/completion';
import type { HoverResult } from '../queries/hover';
import type { QueryFacts } from '../queries/types';
import type { Finding } from '../rules/types';

/**
 * Files that are not TypeScript of the integration but that Integration Lens checks: question files, Canopsis
 * context-graph imports, collected graph files. Each is a "document kind": a pure pipeline from one file's text
 * (plus, where it helps, the analysed integration beside it) to findings and editor answers. The LSP server and
 * the CLI only find the files and present the results.
 */
export interface DocumentKind {
  /** Stable name, e.g. `questions`, `context-graph`. */
  readonly id: string;
  /**
   * Whether the kind owns the file. Called for every synced JSON/YAML/J1QL document and every discovered file, so
   * keep it cheap: decide by path first, and sniff the text only when the path leaves it open.
   */
  claims(file: string, text: string, context: DocumentClaimContext): boolean;
  /** Every finding for the file; never throws (bad input is a finding with a location). */
  check(file: string, text: string, context: DocumentContext): Finding[];
  hover?(file: string, text: string, offset: number, context: DocumentContext): HoverResult | undefined;
  definition?(file: string, text: string, offset: number, context: DocumentContext): DocumentDefinition | undefined;
  completion?(file: string, text: string, offset: number, context: DocumentContext): DocumentCompletionItem[];
  /** Other files the result depends on (e.g. a base graph): when one changes, open files of the kind are checked again. */
  inputs?(file: string, context: DocumentClaimContext): string[];
  /** Globs (relative to the project or workspace folder) that `check` searches for files of this kind. */
  discover(settings: DocumentSettings): string[];
}

/** Settings a document kind may read (the client's `integrationLens` section; the CLI passes its options). */
export interface DocumentSettings {
  /** Globs of Canopsis context-graph import files, relative to the workspace folder or project path. */
  contextGraphFiles: string[];
  /** An export of the existing context graph that imports are simulated against (absolute, or relative to the root). */
  contextGraphBase?: string;
  /** Context-graph imports larger than this (characters) are not checked, to keep memory bounded (default 20 MB). */
  contextGraphMaxBytes?: number;
}

export const DEFAULT_DOCUMENT_SETTINGS: DocumentSettings = {
  contextGraphFiles: ['**/*.contextgraph.json', '**/context-graph/**/*.json'],
};

export interface DocumentClaimContext {
  /** The folder path patterns are relative to: the workspace folder (editor) or the project path (CLI). */
  readonly root: string;
  readonly settings: DocumentSettings;
}

export interface DocumentContext extends DocumentClaimContext {
  /** Reads other files (a base graph, the integration's sources), open buffers first in the editor. */
  readonly host: FileHost;
  /** The integration the file belongs to, analysed, when there is one (question files cross-check against it). */
  readonly integration?: IntegrationAnalysis;
  /** Handler effects and the project's data model, as the TypeScript queries get them. */
  readonly facts?: QueryFacts;
}

export interface DocumentDefinition {
  /** The name the request was made on. */
  origin: SourceRange;
  targets: Array<{ range: SourceRange; selectionRange: SourceRange }>;
}

export interface DocumentCompletionItem {
  label: string;
  kind: CompletionKind | 'keyword' | 'entity' | 'value';
  detail?: string;
  /** Markdown. */
  documentation?: string;
  insertText: string;
  range: SourceRange;
}
