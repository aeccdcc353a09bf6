import type { IntegrationAnalysis } from '../model/buildModel';
import type { SourceRange, StepModel } from '../model/types';
import { guarded } from './guard';
import { effectsTable, occurrencesOf, queryIndex } from './queryIndex';
import { sameRange } from '../model/sameRange';
import type { Occurrence, OccurrenceRole, QueryFacts, Subject } from './types';
import { whatIsAt } from './whatIsAt';

export interface Reference {
  range: SourceRange;
  /** How the subject is used there (the first role found when several uses share the place). */
  role: OccurrenceRole;
  /** A step's own id (or the literal it comes from); metadata declaring a `_type`. LSP's includeDeclaration filters on it. */
  declaration: boolean;
  /** The literal a value is written as, elsewhere than where it is used (`'fetch-users'` in constants.ts). */
  atOrigin: boolean;
  step?: StepModel;
}

export interface ReferencesResult {
  subject: Subject;
  /** The range the request was made on. */
  origin: SourceRange;
  /** Every place, each once, sorted by file and offset. */
  references: Reference[];
}

const DECLARING_ROLES = new Set<OccurrenceRole>(['step-id', 'entity-type', 'relationship-type', 'mapped-relationship-type']);

/**
 * Every place the subject at the cursor is named. For a step id: its `id`, dependsOn entries and
 * start-state keys where they are used, plus (once each) the literals they come from. For a `_type`
 * or `_class`: metadata and, with facts, handler effects.
 */
export function references(analysis: IntegrationAnalysis, file: string, offset: number, facts?: QueryFacts): ReferencesResult | undefined {
  return guarded('references', undefined, () => {
    const hit = whatIsAt(analysis, file, offset, facts);
    if (!hit) return undefined;
    return { subject: hit.subject, origin: hit.range, references: referencesOf(analysis, hit.subject, facts) };
  });
}

/** The places a subject is named (see `references`). */
export function referencesOf(analysis: IntegrationAnalysis, subject: Subject, facts?: QueryFacts): Reference[] {
  const index = queryIndex(analysis);
  const found: Occurrence[] = [...occurrencesOf(index, subject)];
  if (subject.kind !== 'step') {
    const effects = effectsTable(index, facts);
    if (effects) found.push(...occurrencesOf(effects, subject));
  }
  const out: Reference[] = [];
  for (const o of found) {
    const declaration = DECLARING_ROLES.has(o.role);
    const same = out.find((r) => sameRange(r.range, o.range));
    if (same) {
      // The literal behind a step id is also behind its dependsOn entries: it declares the step all the same.
      same.declaration ||= declaration;
      continue;
    }
    out.push({ range: o.range, role: o.role, declaration, atOrigin: o.atOrigin, step: o.step });
  }
  return out.sort((a, b) => (a.range.file < b.range.file ? -1 : a.range.file > b.range.file ? 1 : a.range.start - b.range.start));
}
