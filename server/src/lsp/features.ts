// Editor features: each handler finds the project, brings its analysis up to date, asks the core's query
// and translates offsets to LSP positions. No analysis here.
import {
  CompletionItemKind,
  SymbolKind,
  type CodeLens,
  type CompletionItem,
  type Connection,
  type DocumentSymbol,
  type Hover,
  type Location,
  type LocationLink,
  type Position,
  type SymbolInformation,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  codeLenses,
  completion,
  definition,
  documentSymbols,
  hover,
  references,
  workspaceSymbols,
  type DocumentCompletionItem,
  type IntegrationAnalysis,
  type StepSymbol,
} from '../core';
import type { DocumentKindService } from './documentKinds';
import { pathOf } from './overlayHost';
import { uriOf, type PositionMapper } from './positions';
import type { ProjectSession } from './projectSession';

/** The command the client runs for a "Run step" lens: `j1-integration collect --step <ids>` in the project. */
export const RUN_STEP_COMMAND = 'integrationLens.runStep';

export interface RunStepArguments {
  projectPath: string;
  stepIds: string[];
}

const COMPLETION_KIND: Record<DocumentCompletionItem['kind'], CompletionItemKind> = {
  step: CompletionItemKind.Reference,
  entityClass: CompletionItemKind.Class,
  relationshipClass: CompletionItemKind.EnumMember,
  entityType: CompletionItemKind.Value,
  relationshipType: CompletionItemKind.Value,
  keyword: CompletionItemKind.Keyword,
  entity: CompletionItemKind.Reference,
  value: CompletionItemKind.Value,
};

interface Features {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  positions: PositionMapper;
  sessionFor(file: string): ProjectSession | undefined;
  sessions(): ProjectSession[];
  kinds: DocumentKindService;
  linkSupport(): boolean;
}

/** A file a document kind owns, with the cursor's offset: editor queries go to the kind, not the integration. */
function inDocument(features: Features, uri: string, position: Position) {
  const file = pathOf(uri);
  const owned = file ? features.kinds.kindOf(file) : undefined;
  const offset = file && owned ? features.positions.offset(file, position) : undefined;
  if (!file || !owned || offset === undefined) return undefined;
  return { file, offset, ...owned, context: features.kinds.context(file) };
}

/** The analysis of the project a document belongs to, current with the document, and the cursor's offset. */
function at(features: Features, uri: string, position: Position) {
  const file = pathOf(uri);
  const session = file ? features.sessionFor(file) : undefined;
  const analysis = session?.current();
  const offset = file ? features.positions.offset(file, position) : undefined;
  if (!file || !session || !analysis || offset === undefined) return undefined;
  return { file, session, analysis, offset };
}

function symbol(s: StepSymbol, positions: PositionMapper): DocumentSymbol {
  return {
    name: s.name,
    detail: s.detail,
    kind: SymbolKind.Function,
    range: positions.range(s.range),
    selectionRange: positions.range(s.selectionRange),
    children: s.children.map((c) => ({
      name: c.name,
      detail: c.detail,
      kind: SymbolKind.Field,
      range: positions.range(c.range),
      selectionRange: positions.range(c.selectionRange),
    })),
  };
}

export function registerFeatures(features: Features): void {
  const { connection, positions } = features;

  connection.onHover(({ textDocument, position }): Hover | null => {
    const doc = inDocument(features, textDocument.uri, position);
    const here = doc ? undefined : at(features, textDocument.uri, position);
    const result = doc ? doc.kind.hover?.(doc.file, doc.text, doc.offset, doc.context) : here && hover(here.analysis, here.file, here.offset, here.session.facts);
    return result ? { contents: { kind: 'markdown', value: result.markdown }, range: positions.range(result.range) } : null;
  });

  connection.onDefinition(({ textDocument, position }): Location[] | LocationLink[] | null => {
    const doc = inDocument(features, textDocument.uri, position);
    const here = doc ? undefined : at(features, textDocument.uri, position);
    const result = doc ? doc.kind.definition?.(doc.file, doc.text, doc.offset, doc.context) : here && definition(here.analysis, here.file, here.offset, here.session.facts);
    if (!result?.targets.length) return null;
    if (features.linkSupport()) {
      return result.targets.map((t) => ({
        originSelectionRange: positions.range(result.origin),
        targetUri: uriOf(t.range.file),
        targetRange: positions.range(t.range),
        targetSelectionRange: positions.range(t.selectionRange),
      }));
    }
    return result.targets.map((t) => ({ uri: uriOf(t.selectionRange.file), range: positions.range(t.selectionRange) }));
  });

  connection.onReferences(({ textDocument, position, context }): Location[] | null => {
    const here = at(features, textDocument.uri, position);
    const result = here && references(here.analysis, here.file, here.offset, here.session.facts);
    if (!result) return null;
    return result.references
      .filter((r) => context.includeDeclaration || !r.declaration)
      .map((r) => ({ uri: uriOf(r.range.file), range: positions.range(r.range) }));
  });

  connection.onCompletion(({ textDocument, position }): CompletionItem[] => {
    const doc = inDocument(features, textDocument.uri, position);
    const here = doc ? undefined : at(features, textDocument.uri, position);
    const items: DocumentCompletionItem[] = doc
      ? (doc.kind.completion?.(doc.file, doc.text, doc.offset, doc.context) ?? [])
      : here
        ? completion(here.analysis, here.file, here.offset, here.session.facts)
        : [];
    return items.map((item, index) => ({
      label: item.label,
      kind: COMPLETION_KIND[item.kind],
      detail: item.detail,
      documentation: item.documentation ? { kind: 'markdown', value: item.documentation } : undefined,
      textEdit: { range: positions.range(item.range), newText: item.insertText },
      sortText: String(index).padStart(5, '0'),
    }));
  });

  connection.onDocumentSymbol(({ textDocument }): DocumentSymbol[] => {
    const file = pathOf(textDocument.uri);
    const analysis = file ? features.sessionFor(file)?.current() : undefined;
    return file && analysis ? documentSymbols(analysis, file).map((s) => symbol(s, positions)) : [];
  });

  connection.onWorkspaceSymbol(({ query }): SymbolInformation[] => {
    const results: SymbolInformation[] = [];
    for (const session of features.sessions()) {
      const analysis: IntegrationAnalysis | undefined = session.current();
      if (!analysis) continue;
      for (const s of workspaceSymbols(analysis, query)) {
        results.push({ name: s.name, kind: SymbolKind.Function, containerName: s.detail, location: { uri: uriOf(s.selectionRange.file), range: positions.range(s.selectionRange) } });
      }
    }
    return results;
  });

  connection.onCodeLens(({ textDocument }): CodeLens[] => {
    const file = pathOf(textDocument.uri);
    const session = file ? features.sessionFor(file) : undefined;
    const analysis = session?.current();
    if (!file || !session || !analysis) return [];
    const lenses: CodeLens[] = [];
    for (const lens of codeLenses(analysis, file)) {
      const start = positions.range(lens.range).start;
      const range = { start, end: start };
      const run: RunStepArguments = { projectPath: session.root, stepIds: [lens.stepId] };
      lenses.push({ range, command: { title: '▶ Run step', command: RUN_STEP_COMMAND, arguments: [run] } });
      if (lens.withDependencies.length > 1) {
        const withDeps: RunStepArguments = { projectPath: session.root, stepIds: lens.withDependencies };
        const title = `Run with its dependencies (${lens.withDependencies.length} steps${lens.complete ? '' : ', some unresolved'})`;
        lenses.push({ range, command: { title, command: RUN_STEP_COMMAND, arguments: [withDeps] } });
      }
    }
    return lenses;
  });
}
