import type { IntegrationAnalysis } from '../model/buildModel';
import type { IntegrationModel, SourceRange } from '../model/types';
import { declaredTypes } from '../rules/declaredTypes';

/** The `_type`s an integration's steps declare, as the question-file checks see them. */
export interface IntegrationTypes {
  /** Declared `_type`s with where each is declared (entities, relationships, mapped relationships). */
  declared: Map<string, { range: SourceRange; kind: 'entity' | 'relationship' }[]>;
  /** Types named as a relationship's source or target (a mapped relationship's target may be another integration's). */
  endpoints: Set<string>;
  /** The prefixes of this integration's own types (`github_`): a type with it that no step declares is suspicious. */
  prefixes: string[];
  /** Only when every step and every type in their metadata is known is "no step declares it" certain. */
  complete: boolean;
}

const cache = new WeakMap<IntegrationModel, IntegrationTypes>();

export function integrationTypes(analysis: IntegrationAnalysis): IntegrationTypes {
  let types = cache.get(analysis.model);
  if (!types) cache.set(analysis.model, (types = build(analysis.model)));
  return types;
}

function build(model: IntegrationModel): IntegrationTypes {
  const declared: IntegrationTypes['declared'] = new Map();
  const endpoints = new Set<string>();
  let complete = model.steps.complete;
  for (const step of model.steps.items) {
    const types = declaredTypes(step);
    if (!types.complete) complete = false;
    for (const d of types.all) {
      const list = declared.get(d.type) ?? [];
      list.push({ range: d.item._type.range, kind: d.list === 'entities' ? 'entity' : 'relationship' });
      declared.set(d.type, list);
    }
    for (const r of [...step.relationships.items, ...step.mappedRelationships.items]) {
      for (const end of [r.sourceType, r.targetType]) {
        if (end.kind === 'known') endpoints.add(end.value);
        else complete = false;
      }
    }
  }
  return { declared, endpoints, prefixes: ownPrefixes([...declared.keys()]), complete };
}

/**
 * The first segment shared by most declared types (`github_` for github_repo, github_user, ...). An integration whose
 * types share no majority prefix gets none, and the undeclared-type check stays silent for it.
 */
export function ownPrefixes(types: string[]): string[] {
  const counts = new Map<string, number>();
  for (const type of types) {
    const cut = type.indexOf('_');
    if (cut <= 0) continue;
    const prefix = type.slice(0, cut + 1);
    counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
  }
  let best = 0;
  for (const n of counts.values()) best = Math.max(best, n);
  if (!best || best * 2 < types.length) return [];
  return [...counts].filter(([, n]) => n === best).map(([p]) => p);
}
