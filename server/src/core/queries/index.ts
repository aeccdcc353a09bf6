/**
 * Editor queries as pure functions over an analysis: (analysis, file, UTF-16 offset) in, plain data
 * with SourceRanges out. The language server translates offsets and calls them; they never throw.
 */
export type { DataModelFacts, Occurrence, OccurrenceRole, QueryFacts, Subject } from './types';
export { whatIsAt } from './whatIsAt';
export { hover, describeSubject, type HoverResult } from './hover';
export { definition, type DefinitionResult, type DefinitionTarget } from './definition';
export { references, referencesOf, type Reference, type ReferencesResult } from './references';
export { completion, type CompletionItem, type CompletionKind } from './completion';
export { documentSymbols, workspaceSymbols, type StepSymbol, type TypeSymbol } from './symbols';
export { codeLenses, type StepLens } from './codeLenses';
export { onQueryError } from './guard';
export { classCatalog, type ClassCatalog, type EntityClassInfo } from './classCatalog';
