import type { IntegrationAnalysis } from '../model/buildModel';
import type { EntityMetadataModel, RelationshipMetadataModel, SourceRange } from '../model/types';
import { guarded } from './guard';
import { classCatalog } from './classCatalog';
import { code, escapeMarkdown, known, location, stepLabel, uniqueSteps } from './present';
import { effectsTable, occurrencesOf, queryIndex, type QueryIndex } from './queryIndex';
import type { DataModelFacts, QueryFacts, Subject } from './types';
import { whatIsAt } from './whatIsAt';

export interface HoverResult {
  /** Markdown. */
  markdown: string;
  /** The step id, `_type` or `_class` hovered. */
  range: SourceRange;
}

/** Hover for the step id, `_type` or `_class` at the cursor; undefined when nothing is named there. */
export function hover(analysis: IntegrationAnalysis, file: string, offset: number, facts?: QueryFacts): HoverResult | undefined {
  return guarded('hover', undefined, () => {
    const hit = whatIsAt(analysis, file, offset, facts);
    if (!hit) return undefined;
    const markdown = describeSubject(analysis, hit.subject, facts);
    return markdown ? { markdown, range: hit.range } : undefined;
  });
}

/** The Markdown describing a subject (also useful for completion documentation). */
export function describeSubject(analysis: IntegrationAnalysis, subject: Subject, facts?: QueryFacts): string | undefined {
  const index = queryIndex(analysis);
  switch (subject.kind) {
    case 'step':
      return stepMarkdown(index, subject.id);
    case 'type':
      return typeMarkdown(index, subject.type, facts);
    case 'class':
      return subject.names
        .map((name) => (subject.of === 'entity' ? entityClassMarkdown(name, facts?.dataModel) : relationshipClassMarkdown(name, facts?.dataModel)))
        .join('\n\n---\n\n');
  }
}

function list(values: string[], more: boolean): string {
  const shown = values.length ? values.join(', ') : 'none';
  return more ? `${shown}, and entries known only at run time` : shown;
}

function stepMarkdown(index: QueryIndex, id: string): string {
  const { analysis } = index;
  const steps = index.steps.byId.get(id) ?? [];
  if (!steps.length) {
    return index.steps.allIdsKnown
      ? `No step has the id ${code(id)}.`
      : `No step with a statically known id is ${code(id)} (some step ids are known only at run time).`;
  }
  const [step, ...others] = steps;
  const name = known(step.name);
  const lines = [`**Step** ${code(id)}${name !== undefined ? `: ${escapeMarkdown(name)}` : ''}`, ''];
  lines.push(`- defined at ${code(location(analysis, step.range))}`);
  for (const other of others) lines.push(`- defined again at ${code(location(analysis, other.range))}: the runtime keeps only the first`);
  const deps = step.dependsOn.items.map((d) => (d.kind === 'known' ? code(d.value) : 'a value known only at run time'));
  lines.push(`- depends on: ${list(deps, !step.dependsOn.complete && step.dependsOn.unknowns.length > 0)}`);
  const graph = known(step.dependencyGraphId);
  if (graph !== undefined) lines.push(`- dependency graph: ${code(graph)}`);
  const source = known(step.ingestionSourceId);
  if (source !== undefined) lines.push(`- ingestion source: ${code(source)}`);
  lines.push(`- entities: ${list(step.entities.items.map(entitySummary), !step.entities.complete)}`);
  lines.push(`- relationships: ${list(step.relationships.items.map(relationshipSummary), !step.relationships.complete)}`);
  if (step.mappedRelationships.items.length || !step.mappedRelationships.complete) {
    lines.push(`- mapped relationships: ${list(step.mappedRelationships.items.map(relationshipSummary), !step.mappedRelationships.complete)}`);
  }
  return lines.join('\n');
}

function typeText(type: EntityMetadataModel['_type']): string {
  return type.kind === 'known' ? code(type.value) : 'a type known only at run time';
}

function classNames(value: EntityMetadataModel['_class']): string | undefined {
  const names = known(value);
  if (names === undefined) return undefined;
  return (Array.isArray(names) ? names : [names]).join(', ');
}

function entitySummary(entity: EntityMetadataModel): string {
  const classes = classNames(entity._class);
  return classes ? `${typeText(entity._type)} (${escapeMarkdown(classes)})` : typeText(entity._type);
}

/** `acme_account HAS acme_user`, when all three are known. */
function relationshipEnds(rel: RelationshipMetadataModel): string | undefined {
  const from = known(rel.sourceType);
  const cls = known(rel._class);
  const to = known(rel.targetType);
  if (from === undefined || cls === undefined || to === undefined) return undefined;
  return `${code(from)} ${escapeMarkdown(cls)} ${code(to)}`;
}

function relationshipSummary(rel: RelationshipMetadataModel): string {
  const ends = relationshipEnds(rel);
  return ends ? `${typeText(rel._type)} (${ends})` : typeText(rel._type);
}

function typeMarkdown(index: QueryIndex, type: string, facts: QueryFacts | undefined): string {
  const declarations = occurrencesOf(index, { kind: 'type', type });
  const declaring = uniqueSteps(declarations.filter((o) => o.role.endsWith('-type') && o.role !== 'source-type' && o.role !== 'target-type').map((o) => o.step));
  const entities: EntityMetadataModel[] = [];
  const relationships: RelationshipMetadataModel[] = [];
  for (const step of declaring) {
    for (const e of step.entities.items) if (known(e._type) === type) entities.push(e);
    for (const r of [...step.relationships.items, ...step.mappedRelationships.items]) if (known(r._type) === type) relationships.push(r);
  }
  const kind = entities.length ? 'entity type' : relationships.length ? 'relationship type' : 'type';
  const lines = [`**${kind[0].toUpperCase()}${kind.slice(1)}** ${code(type)}`, ''];
  const first = entities[0];
  if (first) {
    const classes = classNames(first._class);
    const resource = known(first.resourceName);
    if (classes) lines.push(`- class: ${escapeMarkdown(classes)}`);
    if (resource !== undefined) lines.push(`- resource name: ${escapeMarkdown(resource)}`);
  } else if (relationships[0]) {
    const ends = relationshipEnds(relationships[0]);
    if (ends) lines.push(`- ${ends}`);
  }
  lines.push(`- declared by: ${declaring.length ? declaring.map(stepLabel).join(', ') : 'no step (it is not in any step metadata)'}`);
  const endpoints = new Set<string>();
  for (const o of declarations) {
    if ((o.role === 'source-type' || o.role === 'target-type') && o.source === 'model' && o.step) {
      for (const r of [...o.step.relationships.items, ...o.step.mappedRelationships.items]) {
        const rt = known(r._type);
        if (rt !== undefined && (known(r.sourceType) === type || known(r.targetType) === type)) endpoints.add(code(rt));
      }
    }
  }
  if (endpoints.size) lines.push(`- in relationships: ${[...endpoints].join(', ')}`);
  const effects = effectsTable(index, facts);
  if (effects) {
    const found = occurrencesOf(effects, { kind: 'type', type });
    const producers = uniqueSteps(found.filter((o) => o.role === 'produced-type').map((o) => o.step));
    const readers = uniqueSteps(found.filter((o) => o.role === 'read-type').map((o) => o.step));
    lines.push(`- produced by: ${producers.length ? producers.map(stepLabel).join(', ') : 'no step found'}`);
    lines.push(`- read by: ${readers.length ? readers.map(stepLabel).join(', ') : 'no step found'}`);
    if ([...effects.effectsOf.values()].some((e) => !e.complete)) {
      lines.push('', '_Some handlers could not be followed completely: steps may be missing from these lists._');
    }
  }
  return lines.join('\n');
}

function entityClassMarkdown(name: string, dataModel: DataModelFacts | undefined): string {
  const catalog = classCatalog();
  const info = catalog?.entityClass(name);
  const title = `**Entity class** ${code(name)}`;
  if (dataModel) {
    // The project's own data-model version decides; the description comes from the bundled schema.
    const exists = dataModel.isEntityClass(name);
    if (exists === false) return `${title}\n\n${code(name)} is not a class of ${escapeMarkdown(dataModel.label)}.`;
    const lines = [`${title} (${escapeMarkdown(dataModel.label)})`, ''];
    if (info?.description) lines.push(escapeMarkdown(info.description), '');
    const required = exists ? dataModel.requiredProperties(name) : undefined;
    lines.push(`- required properties: ${required ? required.map(code).join(', ') || 'none' : 'not known for this version'}`);
    return lines.join('\n');
  }
  if (!catalog) return `${title}\n\n_@jupiterone/data-model could not be loaded._`;
  if (!info) return `${title}\n\n${code(name)} is not a class of @jupiterone/data-model.`;
  const lines = [`${title} (@jupiterone/data-model)`, ''];
  if (info.description) lines.push(escapeMarkdown(info.description), '');
  lines.push(`- required properties: ${info.required.length ? info.required.map(code).join(', ') : 'none of its own'}`);
  for (const base of info.inherited) {
    if (base.required.length) lines.push(`- required from ${escapeMarkdown(base.from)}: ${base.required.map(code).join(', ')}`);
  }
  return lines.join('\n');
}

function relationshipClassMarkdown(name: string, dataModel: DataModelFacts | undefined): string {
  const title = `**Relationship class** ${code(name)}`;
  const label = dataModel ? escapeMarkdown(dataModel.label) : '@jupiterone/data-model';
  const exists = dataModel ? dataModel.isRelationshipClass(name) : classCatalog()?.relationshipClasses.includes(name);
  if (exists === undefined) return `${title}\n\n_Whether ${label} defines it is not known._`;
  if (!exists) return `${title}\n\n${code(name)} is not a \`RelationshipClass\` value of ${label}.`;
  return `${title}\n\n${code(`RelationshipClass.${name}`)} of ${label}.`;
}
