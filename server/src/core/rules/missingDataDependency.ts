import type { TypeRead } from '../effects/types';
import type { SourceRange, StepModel } from '../model/types';
import { declaredTypes, stepLabel } from './declaredTypes';
import { appendToLiteral } from './insertProperty';
import { integrationEffects } from './integrationEffects';
import { expressionUsableIn, quoted } from './metadataFix';
import { indexSteps, type StepIndex } from './stepIndex';
import type { Finding, Fix, RelatedLocation, Rule, RuleContext, TextEdit } from './types';

const DEFAULT_GRAPH = '__defaultDependencyGraph';

function graphOf(step: StepModel): string | undefined {
  if (!step.dependencyGraphId) return DEFAULT_GRAPH;
  return step.dependencyGraphId.kind === 'known' ? step.dependencyGraphId.value : undefined;
}

/** The steps a step transitively depends on, or undefined when some dependsOn is not statically known. */
function dependencyClosure(step: StepModel, index: StepIndex): Set<StepModel> | undefined {
  const closure = new Set<StepModel>();
  const queue = [step];
  while (queue.length) {
    const current = queue.pop() as StepModel;
    if (!current.dependsOn.complete) return undefined;
    for (const dep of current.dependsOn.items) {
      if (dep.kind !== 'known') return undefined;
      const target = index.byId.get(dep.value)?.[0];
      if (!target) return undefined; // unknown-dependency reports it
      if (closure.has(target) || target === step) continue;
      closure.add(target);
      queue.push(target);
    }
  }
  return closure;
}

/**
 * The steps that have run before `step` whatever the runtime's order: itself, what it depends on,
 * and, for a step of a later dependency graph, the steps of the graphs that may run before its own.
 */
function stepsBefore(step: StepModel, closure: Set<StepModel>, steps: StepModel[]): Set<StepModel> {
  const before = new Set<StepModel>([step, ...closure]);
  const graph = graphOf(step);
  if (graph !== DEFAULT_GRAPH) {
    // Graphs run one after the other (the default first, then dependencyGraphOrder): every step of
    // another graph may have run already.
    for (const other of steps) if (graphOf(other) !== graph) before.add(other);
  }
  return before;
}

const READ_WORDS: Record<TypeRead['kind'], string> = {
  iterateEntities: 'iterates entities',
  iterateRelationships: 'iterates relationships',
  findEntity: 'looks up an entity',
  getData: 'reads the data',
};

/**
 * A handler reads a `_type` (iterateEntities, iterateRelationships, findEntity of a key whose entity
 * type is known) or a data key (getData) that no step in its dependsOn closure produces, while
 * another step does: the runtime may run the reader first, and it then finds nothing.
 */
export const missingDataDependency: Rule = {
  codes: ['missing-data-dependency'],
  run(context) {
    const { model } = context;
    const index = indexSteps(model);
    const all = integrationEffects(context);
    const declaredBy = new Map<string, Array<{ step: StepModel; range: SourceRange }>>();
    for (const [, [step]] of index.byId) {
      for (const declared of declaredTypes(step).all) {
        const list = declaredBy.get(declared.type) ?? [];
        if (!list.some((d) => d.step === step)) list.push({ step, range: declared.item.range });
        declaredBy.set(declared.type, list);
      }
    }
    const findings: Finding[] = [];
    for (const step of model.steps.items) {
      if (step.id.kind !== 'known' || step.executionHandler?.kind !== 'function' || graphOf(step) === undefined) continue;
      if (index.byId.get(step.id.value)?.[0] !== step) continue; // the runtime drops a duplicate
      const closure = dependencyClosure(step, index);
      if (!closure) continue;
      const before = stepsBefore(step, closure, model.steps.items);
      const types = new Set<string>();
      let typesComplete = true;
      for (const s of before) {
        const declared = declaredTypes(s);
        if (!declared.complete) typesComplete = false;
        for (const d of declared.all) types.add(d.type);
      }
      const reported = new Set<string>();
      for (const read of all.of(step).reads) {
        let subject: string;
        let producers: Array<{ step: StepModel; range: SourceRange }>;
        if (read.kind === 'getData') {
          if (read.key?.kind !== 'known' || !all.dataComplete) continue;
          const key = read.key.value;
          const setters = all.dataSetters.get(key) ?? [];
          if (setters.some((s) => before.has(s))) continue;
          subject = `"${key}"`;
          producers = setters.filter((s) => s !== step).map((s) => ({ step: s, range: setterRange(all.of(s).dataWrites, key) ?? s.range }));
        } else {
          if (read._type.kind !== 'known' || !typesComplete || types.has(read._type.value)) continue;
          subject = `of _type "${read._type.value}"`;
          producers = (declaredBy.get(read._type.value) ?? []).filter((d) => d.step !== step);
        }
        producers = producers.filter((p) => p.step.id.kind === 'known');
        if (!producers.length) continue;
        const key = `${read.kind}|${subject}|${read.range.file}|${read.range.start}`;
        if (reported.has(key)) continue;
        reported.add(key);
        findings.push(finding(context, step, read, subject, producers, index));
      }
    }
    return findings;
  },
};

function setterRange(writes: Array<{ key: { kind: string; value?: unknown }; range: SourceRange }>, key: string): SourceRange | undefined {
  return writes.find((w) => w.key.kind === 'known' && w.key.value === key)?.range;
}

function idOf(step: StepModel): string {
  return step.id.kind === 'known' ? step.id.value : '?';
}

function finding(context: RuleContext, step: StepModel, read: TypeRead, subject: string, producers: Array<{ step: StepModel; range: SourceRange }>, index: StepIndex): Finding {
  const names = producers.map((p) => `"${idOf(p.step)}"`);
  const who = names.length === 1 ? `${names[0]} does` : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]} do`;
  const what = read.kind === 'getData' ? 'stores it (setData)' : 'declares it';
  const related: RelatedLocation[] = producers.map((p) => ({ range: p.range, message: `step "${idOf(p.step)}" ${read.kind === 'getData' ? 'stores it here' : 'declares it here'}` }));
  if (step.dependsOn.range) related.push({ range: step.dependsOn.range, message: 'the steps it depends on' });
  const fixes: Fix[] = [];
  for (const producer of producers) {
    if (dependsOnTransitively(producer.step, step, index)) continue; // adding it would close a cycle
    const edits = addDependency(context, step, producer.step);
    if (edits) fixes.push({ title: `Add "${idOf(producer.step)}" to dependsOn`, edits, preferred: fixes.length === 0 });
  }
  const after = producers.filter((p) => dependsOnTransitively(p.step, step, index) && dependencyClosure(p.step, index));
  const advice =
    after.length === producers.length
      ? `${names.length === 1 ? names[0] : 'They'} ${names.length === 1 ? 'depends' : 'depend'} on "${idOf(step)}", so ${names.length === 1 ? 'it runs' : 'they run'} after it and "${idOf(step)}" finds nothing: move the read to a step that runs later, or reverse the dependency.`
      : `The runtime may run "${idOf(step)}" first, and it then finds nothing. Add ${names.length === 1 ? names[0] : `one of ${names.join(', ')}`} to its dependsOn.`;
  const result: Finding = {
    code: 'missing-data-dependency',
    severity: 'warning',
    range: read.range,
    message: `${stepLabel(step)} ${READ_WORDS[read.kind]} ${subject} (${read.kind}), but no step it depends on ${what}; ${who}. ${advice}`,
    related,
    data: { read: read.kind, producers: producers.map((p) => idOf(p.step)) },
  };
  if (fixes.length) result.fixes = fixes;
  return result;
}

function dependsOnTransitively(from: StepModel, to: StepModel, index: StepIndex): boolean {
  const closure = dependencyClosure(from, index);
  return !closure || closure.has(to);
}

/** Adds the producer's id to the reader's dependsOn: its id constant when in scope there, else the string. */
function addDependency(context: RuleContext, step: StepModel, producer: StepModel): TextEdit[] | undefined {
  if (producer.id.kind !== 'known') return undefined;
  const list = step.dependsOn.range;
  const file = list?.file ?? step.range.file;
  const entry = expressionUsableIn(context, producer.id.range, file) ?? quoted(context, file, producer.id.value);
  if (list) {
    if (!context.text(list.file)?.slice(list.start, list.end).startsWith('[')) return undefined;
    return appendToLiteral(list, [entry], context.text);
  }
  if (!context.text(step.range.file)?.slice(step.range.start, step.range.end).startsWith('{')) return undefined;
  return appendToLiteral(step.range, [`dependsOn: [${entry}]`], context.text);
}
