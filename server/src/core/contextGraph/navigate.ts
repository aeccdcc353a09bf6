import { findNodeAtOffset, type Node } from 'jsonc-parser';
import type { SourceRange } from '../model/types';
import type { HoverResult } from '../queries/hover';
import type { DocumentDefinition } from '../documents/types';
import type { ImportAnalysis } from './analyze';
import type { CiElement } from './types';

/** The entity id named at an offset: a ci's `_id`, a link's `to`, or an id in a link's `from`. */
export function idAt(analysis: ImportAnalysis, offset: number): { id: string; node: Node; role: 'ci' | 'from' | 'to' } | undefined {
  const root = analysis.parsed?.root;
  if (!root) return undefined;
  const node = findNodeAtOffset(root, offset, false);
  if (node?.type !== 'string') return undefined;
  const parent = node.parent;
  if (parent?.type === 'property' && parent.children?.[1] === node) {
    const key = parent.children[0]?.value;
    const element = parent.parent?.parent;
    if (key === '_id' && element && element === analysis.parsed?.cisNode) return { id: node.value as string, node, role: 'ci' };
    if (key === 'to' && element && element === analysis.parsed?.linksNode) return { id: node.value as string, node, role: 'to' };
    return undefined;
  }
  if (parent?.type === 'array') {
    const property = parent.parent;
    if (property?.type === 'property' && property.children?.[0]?.value === 'from' && property.parent?.parent === analysis.parsed?.linksNode) return { id: node.value as string, node, role: 'from' };
  }
  return undefined;
}

function cisOf(analysis: ImportAnalysis, id: string): CiElement[] {
  return (analysis.parsed?.cis ?? []).filter((ci) => ci.id === id && ci.idNode);
}

const STATUS_TEXT = {
  created: 'created by this import',
  updated: 'updated by this import',
  deleted: 'deleted by this import',
  unchanged: 'in the context graph, unchanged by this import',
  assumed: 'not created by this import: assumed to be in the context graph (no base graph configured)',
};

export function importHover(analysis: ImportAnalysis, file: string, text: string, offset: number): HoverResult | undefined {
  const at = idAt(analysis, offset);
  if (!at) return undefined;
  const entity = analysis.simulation?.entities.find((e) => e._id === at.id);
  const baseEntity = analysis.base.graph?.entities.get(at.id);
  const lines: string[] = [];
  const type = entity?.type ?? baseEntity?.type;
  const name = entity?.name ?? baseEntity?.name;
  lines.push(`**${at.id}**${type ? ` (${type})` : ''}${name && name !== at.id ? ` — ${name}` : ''}`);
  if (entity) lines.push('', `${STATUS_TEXT[entity.status]}${entity.enabled === false ? ', disabled' : ''}.`);
  else if (analysis.simulation?.closed) lines.push('', 'Not in the context graph and not created by this import.');
  const list = (ids: string[]) => (ids.length > 8 ? `${ids.slice(0, 8).map((i) => `\`${i}\``).join(', ')} and ${ids.length - 8} more` : ids.map((i) => `\`${i}\``).join(', '));
  if (entity && entity.status !== 'deleted') {
    if (entity.impact.length) lines.push('', `impact: ${list(entity.impact)}`);
    if (entity.depends.length) lines.push('', `depends: ${list(entity.depends)}`);
  }
  const cis = cisOf(analysis, at.id);
  if (cis.length) lines.push('', `In this import: ${cis.map((c) => `cis[${c.index}] (${c.action ?? 'no action'})`).join(', ')}`);
  if (baseEntity) lines.push('', `In the base graph: ${analysis.base.graph?.label ?? analysis.base.file}`);
  void file;
  void text;
  return { markdown: lines.join('\n'), range: { file: analysis.file, start: at.node.offset, end: at.node.offset + at.node.length } };
}

export function importDefinition(analysis: ImportAnalysis, offset: number): DocumentDefinition | undefined {
  const at = idAt(analysis, offset);
  if (!at || at.role === 'ci') return undefined;
  const targets: DocumentDefinition['targets'] = cisOf(analysis, at.id).map((ci) => {
    const id = { file: analysis.file, start: ci.idNode!.offset, end: ci.idNode!.offset + ci.idNode!.length };
    return { range: { file: analysis.file, start: ci.node.offset, end: ci.node.offset + ci.node.length }, selectionRange: id };
  });
  const base: SourceRange | undefined = analysis.base.graph?.entities.get(at.id)?.range;
  if (!targets.length && base) targets.push({ range: base, selectionRange: base });
  if (!targets.length) return undefined;
  return { origin: { file: analysis.file, start: at.node.offset, end: at.node.offset + at.node.length }, targets };
}
