import { startStateReturns } from '../effects/startStates';
import type { StepEffects } from '../effects/types';
import type { IntegrationAnalysis } from '../model/buildModel';
import type { IntegrationModel, Resolved, SourceRange, StepModel } from '../model/types';
import { indexSteps, type StepIndex } from '../rules/stepIndex';
import { guarded } from './guard';
import type { Occurrence, OccurrenceRole, QueryFacts, Subject } from './types';
import { sameRange } from '../model/sameRange';

/** Occurrences by file (for "what is here") and by subject (for "where else is it"). */
export interface OccurrenceTable {
  byFile: Map<string, Occurrence[]>;
  bySubject: Map<string, Occurrence[]>;
}

/** Everything the queries look up, built once per analysis: the server asks on every keystroke. */
export interface QueryIndex extends OccurrenceTable {
  analysis: IntegrationAnalysis;
  steps: StepIndex;
  /** Tables of handler effects, one per effects function (a RuleContext's), built on first need. */
  effects: WeakMap<object, EffectsTable>;
}

export interface EffectsTable extends OccurrenceTable {
  effectsOf: Map<StepModel, StepEffects>;
}

// Keyed by the model: a new analysis (a keystroke) gets a new model, and the old index goes with it.
const indexes = new WeakMap<IntegrationModel, QueryIndex>();

export function queryIndex(analysis: IntegrationAnalysis): QueryIndex {
  let index = indexes.get(analysis.model);
  if (!index) {
    index = buildIndex(analysis);
    indexes.set(analysis.model, index);
  }
  return index;
}

/** Keys a subject is filed under; a class list is filed under each of its names. */
export function subjectKeys(subject: Subject): string[] {
  switch (subject.kind) {
    case 'step':
      return [`step:${subject.id}`];
    case 'type':
      return [`type:${subject.type}`];
    case 'class':
      return subject.names.map((name) => `class:${subject.of}:${name}`);
  }
}

export function contains(range: SourceRange, file: string, offset: number): boolean {
  return range.file === file && range.start <= offset && offset <= range.end;
}

/** Occurrences whose range holds the offset, innermost first. */
export function occurrencesAt(table: OccurrenceTable, file: string, offset: number): Occurrence[] {
  const inFile = table.byFile.get(file);
  if (!inFile) return [];
  return inFile.filter((o) => o.range.start <= offset && offset <= o.range.end).sort((a, b) => a.range.end - a.range.start - (b.range.end - b.range.start));
}

export function occurrencesOf(table: OccurrenceTable, subject: Subject): Occurrence[] {
  return subjectKeys(subject).flatMap((key) => table.bySubject.get(key) ?? []);
}

function newTable(): OccurrenceTable {
  return { byFile: new Map(), bySubject: new Map() };
}

function add(table: OccurrenceTable, occurrence: Occurrence): void {
  const inFile = table.byFile.get(occurrence.range.file);
  if (inFile) inFile.push(occurrence);
  else table.byFile.set(occurrence.range.file, [occurrence]);
  for (const key of subjectKeys(occurrence.subject)) {
    const list = table.bySubject.get(key);
    if (list) list.push(occurrence);
    else table.bySubject.set(key, [occurrence]);
  }
}

type Source = Occurrence['source'];

/** Files a known value under its use and, when written elsewhere, under its origin too. */
function addResolved<T>(
  table: OccurrenceTable,
  value: Resolved<T> | undefined,
  subjectOf: (value: T) => Subject | undefined,
  role: OccurrenceRole,
  step: StepModel | undefined,
  source: Source,
): void {
  if (value?.kind !== 'known') return;
  const subject = subjectOf(value.value);
  if (!subject) return;
  const base = { subject, role, use: value.range, origin: value.origin, step, source };
  add(table, { ...base, range: value.range, atOrigin: false });
  if (value.origin && !sameRange(value.origin, value.range)) add(table, { ...base, range: value.origin, atOrigin: true });
}

const stepSubject = (id: string): Subject => ({ kind: 'step', id });
const typeSubject = (type: string): Subject | undefined => (type ? { kind: 'type', type } : undefined);
const classSubject =
  (of: 'entity' | 'relationship') =>
  (value: string | string[]): Subject | undefined => {
    const names = (Array.isArray(value) ? value : [value]).filter((n) => typeof n === 'string' && n);
    return names.length ? { kind: 'class', of, names } : undefined;
  };

function buildIndex(analysis: IntegrationAnalysis): QueryIndex {
  const { model } = analysis;
  const table = newTable();
  for (const step of model.steps.items) {
    addResolved(table, step.id, stepSubject, 'step-id', step, 'model');
    for (const dep of step.dependsOn.items) addResolved(table, dep, stepSubject, 'depends-on', step, 'model');
    for (const entity of step.entities.items) {
      addResolved(table, entity._type, typeSubject, 'entity-type', step, 'model');
      addResolved(table, entity._class, classSubject('entity'), 'entity-class', step, 'model');
    }
    const relationshipLists = [
      { list: step.relationships.items, role: 'relationship-type' as const },
      { list: step.mappedRelationships.items, role: 'mapped-relationship-type' as const },
    ];
    for (const { list, role } of relationshipLists) {
      for (const rel of list) {
        addResolved(table, rel._type, typeSubject, role, step, 'model');
        addResolved(table, rel._class, classSubject('relationship'), 'relationship-class', step, 'model');
        addResolved(table, rel.sourceType, typeSubject, 'source-type', step, 'model');
        addResolved(table, rel.targetType, typeSubject, 'target-type', step, 'model');
      }
    }
  }
  addStartStates(analysis, table);
  return { ...table, analysis, steps: indexSteps(model), effects: new WeakMap() };
}

/** Keys of getStepStartStates' returned objects. Their ranges are property names, `[Steps.X]` narrowed to `Steps.X`. */
function addStartStates(analysis: IntegrationAnalysis, table: OccurrenceTable): void {
  const fn = analysis.hookOf('getStepStartStates');
  if (!fn) return;
  // The evaluator can run out of budget on odd code; start-state keys are then simply not indexed.
  const returns = guarded('startStates', undefined, () => startStateReturns(analysis.evaluator, fn));
  for (const result of returns ?? []) {
    for (const key of result.keys) {
      const range = narrowComputedKey(analysis, key.range);
      add(table, { subject: stepSubject(key.id), role: 'start-state', range, use: range, atOrigin: false, source: 'model' });
    }
  }
}

function narrowComputedKey(analysis: IntegrationAnalysis, range: SourceRange): SourceRange {
  const text = analysis.evaluator.parse(range.file)?.text;
  if (!text || text[range.start] !== '[' || text[range.end - 1] !== ']') return range;
  const inner = text.slice(range.start + 1, range.end - 1);
  const lead = inner.length - inner.trimStart().length;
  const trail = inner.length - inner.trimEnd().length;
  return { file: range.file, start: range.start + 1 + lead, end: range.end - 1 - trail };
}

/**
 * Occurrences in handler effects (types created and read), built once per effects function. Every
 * step's effects are needed at once: a handler in one file can create types in any other.
 */
export function effectsTable(index: QueryIndex, facts: QueryFacts | undefined): EffectsTable | undefined {
  const provider = facts?.effects;
  if (!facts || !provider) return undefined;
  let table = index.effects.get(provider);
  if (table) return table;
  table = { ...newTable(), effectsOf: new Map() };
  for (const step of index.analysis.model.steps.items) {
    const effects = guarded('effects', undefined, () => facts.effects?.(step));
    if (!effects) continue;
    table.effectsOf.set(step, effects);
    for (const entity of effects.entities) {
      addResolved(table, entity._type, typeSubject, 'produced-type', step, 'effects');
      addResolved(table, entity._class, classSubject('entity'), 'entity-class', step, 'effects');
    }
    for (const rel of effects.relationships) {
      addResolved(table, rel._type, typeSubject, 'produced-type', step, 'effects');
      addResolved(table, rel._class, classSubject('relationship'), 'relationship-class', step, 'effects');
      addResolved(table, rel.sourceType, typeSubject, 'source-type', step, 'effects');
      addResolved(table, rel.targetType, typeSubject, 'target-type', step, 'effects');
    }
    for (const read of effects.reads) addResolved(table, read._type, typeSubject, 'read-type', step, 'effects');
  }
  index.effects.set(provider, table);
  return table;
}
