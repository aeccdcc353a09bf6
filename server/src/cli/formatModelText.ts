import type { IntegrationModel, ListModel, Resolved } from '../core';
import type { Locator } from './locations';

const show = <T>(r: Resolved<T> | undefined): string =>
  r === undefined ? '' : r.kind === 'known' ? (Array.isArray(r.value) ? r.value.join(',') : String(r.value)) : '?';

const listText = <T>(l: ListModel<T>, item: (t: T) => string): string =>
  [...l.items.map(item), ...l.unknowns.map(() => '?')].join(', ') || '-';

/** A readable summary of the model: one block per step, then what could not be resolved. */
export function formatModelText(model: IntegrationModel, locator: Locator): string {
  const lines: string[] = [];
  lines.push(`integration: ${locator.relative(model.entryFile)} (${model.steps.items.length} steps${model.steps.complete ? '' : ', list incomplete'})`);
  for (const step of model.steps.items) {
    lines.push('');
    lines.push(`step ${show(step.id)}  "${show(step.name)}"  ${locator.prefix(step.range)}`);
    lines.push(`  dependsOn:     ${listText(step.dependsOn, (d) => show(d))}`);
    lines.push(`  entities:      ${listText(step.entities, (e) => `${show(e._type)} (${show(e._class)})`)}`);
    lines.push(`  relationships: ${listText(step.relationships, (r) => show(r._type))}`);
    if (step.mappedRelationships.items.length || step.mappedRelationships.unknowns.length) {
      lines.push(`  mapped:        ${listText(step.mappedRelationships, (r) => `${show(r._type)} ${show(r.direction)}`)}`);
    }
    if (step.dependencyGraphId) lines.push(`  graph:         ${show(step.dependencyGraphId)}`);
    if (step.ingestionSourceId) lines.push(`  ingestion:     ${show(step.ingestionSourceId)}`);
  }
  const fields = model.instanceConfigFields?.items.map((f) => `${f.name}${f.mask?.kind === 'known' && f.mask.value ? ' (masked)' : ''}`);
  if (fields) lines.push('', `instanceConfigFields: ${fields.join(', ') || '-'}`);
  if (model.ingestionConfig) lines.push(`ingestionConfig: ${model.ingestionConfig.items.map((s) => s.id).join(', ') || '-'}`);
  const hooks = Object.entries(model.hooks).filter(([, v]) => v);
  if (hooks.length) {
    lines.push('hooks:');
    for (const [name, ref] of hooks) lines.push(`  ${name}: ${ref?.kind === 'function' ? locator.prefix(ref.range) : '?'}`);
  }
  if (model.unresolved.length) {
    lines.push('', `unresolved (${model.unresolved.length}):`);
    for (const u of model.unresolved) lines.push(`  ${locator.prefix(u.range)} ${u.reason}`);
  }
  return lines.join('\n');
}
