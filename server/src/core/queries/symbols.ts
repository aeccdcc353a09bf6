import type { IntegrationAnalysis } from '../model/buildModel';
import type { SourceRange, StepModel } from '../model/types';
import { guarded } from './guard';
import { known } from './present';

export interface TypeSymbol {
  /** The `_type`. */
  name: string;
  /** Classes, or `source CLASS target`. */
  detail?: string;
  kind: 'entity' | 'relationship' | 'mappedRelationship';
  /** Inside the step: the metadata element as the step lists it (`Entities.USER`). */
  range: SourceRange;
  selectionRange: SourceRange;
}

export interface StepSymbol {
  /** The step id (what dependsOn, start states and `j1-integration run --step` name it by), or its name when the id is unknown. */
  name: string;
  /** The step's `name`. */
  detail?: string;
  kind: 'step';
  stepId?: string;
  /** The step object. */
  range: SourceRange;
  /** Its `id` value, when written inside the object. */
  selectionRange: SourceRange;
  /** Declared entity, relationship and mapped relationship types. */
  children: TypeSymbol[];
}

/** The steps written in `file`, in source order, with their declared types as children. */
export function documentSymbols(analysis: IntegrationAnalysis, file: string): StepSymbol[] {
  return guarded('documentSymbols', [], () => {
    return analysis.model.steps.items
      .filter((step) => step.range.file === file)
      .map(stepSymbol)
      .sort((a, b) => a.range.start - b.range.start);
  });
}

/**
 * Steps whose id or name matches `query` (its characters in order, ignoring case; every step for an
 * empty query), at most `limit`, ids matching before names.
 */
export function workspaceSymbols(analysis: IntegrationAnalysis, query: string, limit = 500): StepSymbol[] {
  return guarded('workspaceSymbols', [], () => {
    const q = query.toLowerCase();
    const byId: StepSymbol[] = [];
    const byName: StepSymbol[] = [];
    for (const step of analysis.model.steps.items) {
      const id = known(step.id);
      const name = known(step.name);
      if (id !== undefined && matches(id, q)) byId.push(stepSymbol(step));
      else if (name !== undefined && matches(name, q)) byName.push(stepSymbol(step));
      if (byId.length >= limit) break;
    }
    return [...byId, ...byName].slice(0, limit);
  });
}

function matches(text: string, query: string): boolean {
  let at = 0;
  const lower = text.toLowerCase();
  for (const ch of query) {
    at = lower.indexOf(ch, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

function within(inner: SourceRange, outer: SourceRange): boolean {
  return inner.file === outer.file && inner.start >= outer.start && inner.end <= outer.end;
}

function stepSymbol(step: StepModel): StepSymbol {
  const id = known(step.id);
  const name = known(step.name);
  // LSP requires the selection inside the range and children inside their parent.
  const selectionRange = within(step.id.range, step.range) ? step.id.range : step.range;
  const child = (type: string | undefined, detail: string | undefined, kind: TypeSymbol['kind'], at: SourceRange): TypeSymbol | undefined => {
    if (type === undefined) return undefined;
    const range = within(at, step.range) ? at : selectionRange;
    return { name: type, detail, kind, range, selectionRange: range };
  };
  const children: Array<TypeSymbol | undefined> = [];
  for (const e of step.entities.items) {
    const cls = known(e._class);
    children.push(child(known(e._type), cls === undefined ? undefined : [cls].flat().join(', '), 'entity', e.range));
  }
  const ends = (r: StepModel['relationships']['items'][number]) => {
    const parts = [known(r.sourceType), known(r._class), known(r.targetType)];
    return parts.every((p) => p !== undefined) ? parts.join(' ') : undefined;
  };
  for (const r of step.relationships.items) children.push(child(known(r._type), ends(r), 'relationship', r.range));
  for (const r of step.mappedRelationships.items) children.push(child(known(r._type), ends(r), 'mappedRelationship', r.range));
  return {
    name: id ?? name ?? 'step',
    detail: name,
    kind: 'step',
    stepId: id,
    range: step.range,
    selectionRange,
    children: children.filter((c): c is TypeSymbol => c !== undefined),
  };
}
