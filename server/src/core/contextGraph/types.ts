import type { Node } from 'jsonc-parser';
import type { SourceRange } from '../model/types';

/**
 * A Canopsis context-graph import (`{"cis": [...], "links": [...]}`) and what the import engine would do with it.
 * Element order is the engine's: every ci in file order, then every link.
 */

/** The entity types the engine accepts: the Python import (`watcher`) and the Go engines (`service`) together. */
export const ENTITY_TYPES = ['resource', 'component', 'connector', 'watcher', 'service'] as const;
export const CI_ACTIONS = ['create', 'set', 'update', 'delete', 'enable', 'disable'] as const;
export const LINK_ACTIONS = ['create', 'delete'] as const;
/** Link actions the engine names but refuses: `import action not implemented`. */
export const UNIMPLEMENTED_LINK_ACTIONS = ['update', 'enable', 'disable'] as const;

export type CiAction = (typeof CI_ACTIONS)[number];
export type LinkAction = (typeof LINK_ACTIONS)[number];

/** One element of `cis`, as written, with the JSON nodes rules point at. */
export interface CiElement {
  kind: 'ci';
  index: number;
  node: Node;
  /** Undefined when missing or not a string. */
  id?: string;
  idNode?: Node;
  type?: string;
  name?: string;
  action?: string;
  actionNode?: Node;
  infos?: Record<string, unknown>;
  enabled?: boolean;
  /** The element has a structure error: the engine stops at it (validation), the simulation skips it. */
  invalid: boolean;
}

/** One element of `links`. `from` is a list of entity ids in the engine (a string there is a decoding error). */
export interface LinkElement {
  kind: 'link';
  index: number;
  node: Node;
  from: Array<{ id: string; node: Node }>;
  to?: { id: string; node: Node };
  action?: string;
  actionNode?: Node;
  invalid: boolean;
}

export type ImportElement = CiElement | LinkElement;

/** An entity of the existing context graph (the base), or of the graph after the import. */
export interface GraphEntity {
  _id: string;
  type?: string;
  name?: string;
  enabled?: boolean;
  infos: Record<string, unknown>;
  /** Entities this one impacts (the `to` of links whose `from` holds this id). */
  impact: Set<string>;
  /** Entities this one depends on (the `from` of links whose `to` is this id). */
  depends: Set<string>;
}

/** An entity of the base graph and where it is written in the base file, if known. */
export interface BaseEntity extends GraphEntity {
  range?: SourceRange;
}

export interface BaseGraph {
  file: string;
  /** How messages name the file: relative to the project or workspace folder when inside it. */
  label: string;
  entities: Map<string, BaseEntity>;
}

/** What the engine reports when an import is done: `stats.deleted`, `stats.updated`. */
export interface ImportStats {
  updated: number;
  deleted: number;
}

export type EntityStatus = 'created' | 'updated' | 'deleted' | 'unchanged' | 'assumed';

export interface ResultEntity {
  _id: string;
  type?: string;
  name?: string;
  enabled?: boolean;
  status: EntityStatus;
  impact: string[];
  depends: string[];
}
