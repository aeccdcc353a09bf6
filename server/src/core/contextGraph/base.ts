import * as path from 'node:path';
import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import type { FileHost } from '../project/fileHost';
import { propertyValue, syntaxErrorText } from './parse';
import type { BaseEntity, BaseGraph } from './types';

/**
 * The existing context graph an import is simulated against (setting `integrationLens.contextGraph.baseGraph`).
 * Accepted forms, all JSON:
 * - a list of entities as Canopsis stores them (`mongoexport --collection default_entities --jsonArray`, or the
 *   `data` of the context API): `[{"_id", "type", "name", "enabled", "infos", "impact": [...], "depends": [...]}]`;
 * - the same as one entity per line (`mongoexport` without `--jsonArray`);
 * - an object holding that list under `data` or `entities`;
 * - an import file (`{"cis": [...], "links": [...]}`) describing the graph as it is: its cis are the entities,
 *   its `create` links their impact/depends.
 * `impact` and `depends` are made symmetric (a link known from either end counts).
 */
export interface LoadedBase {
  graph?: BaseGraph;
  /** Why the base could not be used (the file is missing, or is not one of the accepted forms). */
  problem?: string;
  file?: string;
}

const cache = new Map<string, { version: string; loaded: LoadedBase }>();

export function resolveBasePath(setting: string, root: string): string {
  return path.isAbsolute(setting) ? setting : path.join(root, setting);
}

export function loadBaseGraph(setting: string | undefined, root: string, host: FileHost): LoadedBase {
  if (!setting) return {};
  const file = resolveBasePath(setting, root);
  const version = host.version(file);
  const cached = cache.get(file);
  if (cached && version !== undefined && cached.version === version) return cached.loaded;
  const text = host.readFile(file);
  const label = path.relative(root, file).startsWith('..') ? file : path.relative(root, file);
  const loaded = text === undefined ? { file, problem: `the file ${label} cannot be read` } : parseBaseGraph(file, text, label);
  if (version !== undefined) cache.set(file, { version, loaded });
  return loaded;
}

export function parseBaseGraph(file: string, text: string, label = file): LoadedBase {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const entities = new Map<string, BaseEntity>();
  if (!errors.length && root) {
    const list = root.type === 'array' ? root : root.type === 'object' ? (propertyValue(root, 'data') ?? propertyValue(root, 'entities')) : undefined;
    if (list?.type === 'array') {
      for (const node of list.children ?? []) addEntity(entities, node, file);
    } else if (root.type === 'object' && (propertyValue(root, 'cis') || propertyValue(root, 'links'))) {
      readImportForm(entities, root, file);
    } else {
      return { file, problem: `${label} is neither a list of entities nor an import ({"cis": [...], "links": [...]})` };
    }
  } else if (!readLines(entities, text, file)) {
    const first = errors[0];
    return { file, problem: `${label} is not valid JSON${first ? ` (${syntaxErrorText(first)} at offset ${first.offset})` : ''}` };
  }
  symmetrise(entities);
  return { file, graph: { file, label, entities } };
}

/** One JSON object per line (mongoexport's default); false when a non-empty line is not an object. */
function readLines(entities: Map<string, BaseEntity>, text: string, file: string): boolean {
  let offset = 0;
  let any = false;
  for (const line of text.split('\n')) {
    if (line.trim()) {
      const errors: ParseError[] = [];
      const node = parseTree(line, errors, { disallowComments: true });
      if (errors.length || node?.type !== 'object') return false;
      addEntity(entities, node, file, offset);
      any = true;
    }
    offset += line.length + 1;
  }
  return any;
}

function strings(node: Node | undefined): string[] {
  return node?.type === 'array' ? (node.children ?? []).filter((c) => c.type === 'string').map((c) => c.value as string) : [];
}

function addEntity(entities: Map<string, BaseEntity>, node: Node, file: string, shift = 0): BaseEntity | undefined {
  if (node.type !== 'object') return undefined;
  const idNode = propertyValue(node, '_id');
  if (idNode?.type !== 'string') return undefined;
  const text = (key: string) => {
    const v = propertyValue(node, key);
    return v?.type === 'string' ? (v.value as string) : undefined;
  };
  const enabled = propertyValue(node, 'enabled');
  const infos = propertyValue(node, 'infos');
  const entity: BaseEntity = {
    _id: idNode.value as string,
    type: text('type'),
    name: text('name'),
    enabled: enabled?.type === 'boolean' ? (enabled.value as boolean) : undefined,
    infos: infos?.type === 'object' ? Object.fromEntries((infos.children ?? []).map((p) => [String(p.children?.[0]?.value), p.children?.[1]?.type === 'object' ? '{…}' : p.children?.[1]?.value])) : {},
    impact: new Set(strings(propertyValue(node, 'impact'))),
    depends: new Set(strings(propertyValue(node, 'depends'))),
    range: { file, start: idNode.offset + shift, end: idNode.offset + idNode.length + shift },
  };
  entities.set(entity._id, entity);
  return entity;
}

function readImportForm(entities: Map<string, BaseEntity>, root: Node, file: string): void {
  const cis = propertyValue(root, 'cis');
  for (const node of cis?.type === 'array' ? (cis.children ?? []) : []) {
    const action = node.type === 'object' ? propertyValue(node, 'action') : undefined;
    if (action?.value === 'delete') continue;
    addEntity(entities, node, file);
  }
  const links = propertyValue(root, 'links');
  for (const node of links?.type === 'array' ? (links.children ?? []) : []) {
    if (node.type !== 'object' || propertyValue(node, 'action')?.value === 'delete') continue;
    const to = propertyValue(node, 'to');
    if (to?.type !== 'string') continue;
    const fromNode = propertyValue(node, 'from');
    const from = fromNode?.type === 'string' ? [fromNode.value as string] : strings(fromNode);
    for (const id of from) entities.get(id)?.impact.add(to.value as string);
  }
}

function symmetrise(entities: Map<string, BaseEntity>): void {
  for (const entity of entities.values()) {
    for (const id of entity.impact) entities.get(id)?.depends.add(entity._id);
    for (const id of entity.depends) entities.get(id)?.impact.add(entity._id);
  }
}
