import { constProp, unknown, type ObjectValue, type Value } from '../evaluator/values';
import type { SourceRange } from '../model/types';
import { choices, dataValue, join } from './abstract';
import { elementChoices } from './arrays';
import { resolvedString } from './sink';
import type { TypeRead } from './types';
import type { Walker } from './walker';

/** The elements `addEntities(list)` may add: each element of each list the value may be. */
function elementsOf(value: Value | undefined, at: SourceRange): Value[] {
  if (!value) return [];
  const out: Value[] = [];
  for (const option of choices(value)) {
    if (option.k === 'array') out.push(...elementChoices(option));
    else if (option.k === 'unknown') out.push(unknown(option.reason, option.at ?? at));
  }
  return out;
}

/** The `_type` values of a `{ _type }` filter, with where each is written. */
function filterTypes(w: Walker, filter: Value | undefined, at: SourceRange): Array<{ value: Value; use: SourceRange }> {
  if (!filter) return [];
  const out: Array<{ value: Value; use: SourceRange }> = [];
  for (const option of choices(filter)) {
    const prop = option.k === 'object' ? option.props.get('_type') : undefined;
    const use = prop?.valueAt ?? option.at ?? at;
    const type = w.member(option, '_type', use);
    for (const t of choices(type)) out.push({ value: t, use });
  }
  return out;
}

/** What iterateEntities hands its callback: a graph object of the filtered type, the rest known only at run time. */
function typedObject(w: Walker, type: Value, what: string): ObjectValue {
  return w.own<ObjectValue>({
    k: 'object',
    props: new Map([['_type', constProp(type)]]),
    open: unknown(`a property of ${what} read from the job state`),
  });
}

/** `jobState.<method>(...args)` as the SDK runtime defines it (runtime/src/execution/jobState.ts). */
export function jobStateCall(w: Walker, method: string, args: Value[], at: SourceRange): Value {
  const [first, second] = args;
  switch (method) {
    case 'addEntity':
      w.sink.addEntity(first ?? { k: 'undefined' }, at);
      return first ?? { k: 'undefined', at };
    case 'addEntities':
      for (const element of elementsOf(first, at)) w.sink.addEntity(element, at);
      return first ?? { k: 'undefined', at };
    case 'addRelationship':
      w.sink.addRelationship(first ?? { k: 'undefined' }, at);
      return { k: 'undefined', at };
    case 'addRelationships':
      for (const element of elementsOf(first, at)) w.sink.addRelationship(element, at);
      return { k: 'undefined', at };
    case 'iterateEntities':
    case 'iterateRelationships': {
      const types = filterTypes(w, first, at);
      for (const { value, use } of types) w.sink.read({ kind: method, range: use, _type: resolvedString(value, use, 'the filter _type') });
      const what = method === 'iterateEntities' ? 'an entity' : 'a relationship';
      const item = join(types.map(({ value }) => typedObject(w, value, what)), `${what} of one of several types`, at);
      for (const fn of choices(second ?? { k: 'undefined' })) {
        if (fn.k === 'function') w.callback(fn, [item.k === 'undefined' ? unknown(`${what} from the job state`, at) : item], at);
        else w.escape(fn, at, `given to ${method}`);
      }
      return { k: 'undefined', at };
    }
    case 'findEntity':
    case 'getData': {
      for (const key of choices(first ?? { k: 'undefined' })) {
        const read: TypeRead = {
          kind: method,
          range: at,
          _type: { kind: 'unknown', reason: `the type is known only across steps`, range: at },
          key: resolvedString(key, first?.at ?? at, method === 'getData' ? 'the data key' : 'the entity _key'),
        };
        w.sink.read(read);
      }
      if (method === 'getData' && first?.k === 'string') return dataValue(first.v, [], at);
      return unknown(method === 'getData' ? 'data stored by another step' : 'an entity found in the job state at run time', at);
    }
    case 'setData': {
      const types = second ? choices(second).map((v) => (v.k === 'object' ? w.member(v, '_type', at) : undefined)) : [];
      const keys = choices(first ?? { k: 'undefined' });
      for (const key of keys) {
        const resolvedKey = resolvedString(key, first?.at ?? at, 'the data key');
        if (!types.length || types.some((t) => t === undefined)) w.sink.dataWrite({ range: at, key: resolvedKey });
        for (const type of types) {
          if (!type) continue;
          for (const t of choices(type)) w.sink.dataWrite({ range: at, key: resolvedKey, _type: resolvedString(t, at, 'the stored _type') });
        }
      }
      return { k: 'undefined', at };
    }
    case 'hasKey':
      return unknown('whether the job state has a key is known only at run time', at);
    default:
      return { k: 'undefined', at };
  }
}
