import * as path from 'node:path';
import type { IntegrationModel, ListModel, Resolved, StepModel, Unknown } from '../../../server/src/core';

/** The shape of a fixture's expected.json (ground truth measured by running the fixture with the real SDK). */
export type Projected = unknown;

const unresolved = (u: Unknown) => ({ $unresolved: u.reason });
const value = <T>(r: Resolved<T>) => (r.kind === 'known' ? r.value : unresolved(r));
/** Items with their unknown runs in place; a list that is unknown as a whole projects to one marker. */
const list = <T>(l: ListModel<T>, map: (item: T) => unknown): unknown => {
  if (l.items.length === 0 && l.unknowns.length === 1 && l.unknowns[0].index === undefined) return unresolved(l.unknowns[0]);
  const out: unknown[] = l.items.map(map);
  [...l.unknowns].sort((a, b) => (b.index ?? out.length) - (a.index ?? out.length)).forEach((u) => out.splice(u.index ?? out.length, 0, unresolved(u)));
  return out;
};

function step(s: StepModel): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: value(s.id),
    name: value(s.name),
    entities: list(s.entities, (e) => {
      const o: Record<string, unknown> = { resourceName: value(e.resourceName), _type: value(e._type), _class: value(e._class) };
      if (e.partial) o.partial = value(e.partial);
      return o;
    }),
    relationships: list(s.relationships, (r) => {
      const o: Record<string, unknown> = { _type: value(r._type), _class: value(r._class), sourceType: value(r.sourceType), targetType: value(r.targetType) };
      if (r.partial) o.partial = value(r.partial);
      return o;
    }),
    mappedRelationships: list(s.mappedRelationships, (r) => {
      const o: Record<string, unknown> = {
        _type: value(r._type),
        _class: value(r._class),
        sourceType: value(r.sourceType),
        targetType: value(r.targetType),
        direction: value(r.direction),
      };
      if (r.partial) o.partial = value(r.partial);
      return o;
    }),
    dependsOn: list(s.dependsOn, (d) => value(d)),
  };
  if (s.dependencyGraphId) out.dependencyGraphId = value(s.dependencyGraphId);
  if (s.ingestionSourceId) out.ingestionSourceId = value(s.ingestionSourceId);
  return out;
}

/** Projects the model onto the expected.json shape. */
export function project(model: IntegrationModel): Record<string, unknown> {
  const out: Record<string, unknown> = {
    entry: path.relative(model.projectPath, model.entryFile).split(path.sep).join('/'),
    steps: list(model.steps, step),
    hooks: Object.entries(model.hooks)
      .filter(([, v]) => v?.kind === 'function')
      .map(([k]) => k)
      .sort(),
  };
  if (model.instanceConfigFields) {
    out.instanceConfigFields = Object.fromEntries(
      model.instanceConfigFields.items.map((f) => {
        const o: Record<string, unknown> = {};
        if (f.type) o.type = value(f.type);
        if (f.mask) o.mask = value(f.mask);
        if (f.optional) o.optional = value(f.optional);
        return [f.name, o];
      }),
    );
  }
  if (model.ingestionConfig) {
    out.ingestionConfig = Object.fromEntries(
      model.ingestionConfig.items.map((s) => {
        const o: Record<string, unknown> = {};
        for (const key of ['title', 'description', 'defaultsToDisabled', 'cannotBeDisabled'] as const) {
          const v = s[key];
          if (v) o[key] = value(v as Resolved<unknown>);
        }
        return [s.id, o];
      }),
    );
  }
  return out;
}

/**
 * Compares a projection with the expectation. `{ $unresolved: word }` in the expectation matches an
 * unresolved value whose reason mentions `word`; an omitted `mappedRelationships` equals `[]`.
 * Returns the differences as readable paths.
 */
export function compare(actual: unknown, expected: unknown, at = '$'): string[] {
  if (isUnresolvedMarker(expected)) {
    if (!isUnresolvedMarker(actual)) return [`${at}: expected unresolved (${expected.$unresolved}), got ${JSON.stringify(actual)}`];
    return actual.$unresolved.toLowerCase().includes(expected.$unresolved.toLowerCase())
      ? []
      : [`${at}: unresolved reason "${actual.$unresolved}" does not mention "${expected.$unresolved}"`];
  }
  if (isUnresolvedMarker(actual)) return [`${at}: expected ${JSON.stringify(expected)}, got unresolved (${actual.$unresolved})`];
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${at}: expected a list, got ${JSON.stringify(actual)}`];
    const diffs: string[] = [];
    if (actual.length !== expected.length) diffs.push(`${at}: expected ${expected.length} elements, got ${actual.length}: ${JSON.stringify(actual)}`);
    for (let i = 0; i < Math.min(actual.length, expected.length); i++) diffs.push(...compare(actual[i], expected[i], `${at}[${i}]`));
    return diffs;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return [`${at}: expected an object, got ${JSON.stringify(actual)}`];
    const a = actual as Record<string, unknown>;
    const e = expected as Record<string, unknown>;
    const diffs: string[] = [];
    const keys = new Set([...Object.keys(a), ...Object.keys(e)]);
    for (const key of keys) {
      if (OPTIONAL_LISTS.has(key) && !(key in e) && Array.isArray(a[key]) && (a[key] as unknown[]).length === 0) continue;
      if (!(key in e)) diffs.push(`${at}.${key}: unexpected ${JSON.stringify(a[key])}`);
      else if (!(key in a)) diffs.push(`${at}.${key}: missing, expected ${JSON.stringify(e[key])}`);
      else diffs.push(...compare(a[key], e[key], `${at}.${key}`));
    }
    return diffs;
  }
  return actual === expected ? [] : [`${at}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}

/** Step lists the SDK treats as empty when a step leaves them out. */
const OPTIONAL_LISTS = new Set(['mappedRelationships', 'dependsOn']);

function isUnresolvedMarker(v: unknown): v is { $unresolved: string } {
  return v !== null && typeof v === 'object' && typeof (v as { $unresolved?: unknown }).$unresolved === 'string';
}

/** Follows `steps[0].dependsOn[0]`-style paths through the model to a resolved value. */
export function resolvePath(model: IntegrationModel, pathText: string): unknown {
  const parts = pathText.match(/[^.[\]]+/g) ?? [];
  let current: unknown = model;
  for (const part of parts) {
    if (current && typeof current === 'object' && 'items' in current && /^\d+$/.test(part)) {
      current = (current as ListModel<unknown>).items[Number(part)];
    } else if (current && typeof current === 'object') {
      current = (current as Record<string, unknown>)[part];
    } else return undefined;
  }
  return current;
}
