import type { SourceRange } from '../model/types';
import type { Evaluator } from './evaluator';
import { arrayMethod } from './builtins/arrayMethods';
import { stringMethod } from './builtins/stringMethods';
import { collectionMember } from './builtins/collections';
import { num, unknown, UNDEFINED, type Value } from './values';

/** `value[key]` with JavaScript semantics for the values the evaluator models. */
export function memberOf(ev: Evaluator, value: Value, key: string, at: SourceRange): Value {
  switch (value.k) {
    case 'object': {
      const prop = value.props.get(key);
      if (prop) return prop.get();
      if (value.open) return value.open;
      return { k: 'undefined', at };
    }
    case 'array': {
      if (key === 'length') {
        return value.unknowns.length ? unknown(`length of a list with unknown elements (${value.unknowns[0].reason})`, at) : num(value.items.length, at);
      }
      if (/^\d+$/.test(key)) {
        const index = Number(key);
        if (value.unknowns.length) return unknown(`element of a list with unknown elements (${value.unknowns[0].reason})`, at);
        return value.items[index]?.value ?? UNDEFINED;
      }
      return arrayMethod(ev, value, key, at) ?? { k: 'undefined', at };
    }
    case 'string': {
      if (key === 'length') return num(value.v.length, at);
      if (/^\d+$/.test(key)) return { k: 'string', v: value.v[Number(key)] ?? '', at };
      return stringMethod(value, key, at) ?? { k: 'undefined', at };
    }
    case 'builtin':
      return value.props?.get(key) ?? unknown(`'${value.name}.${key}' is not modelled`, at);
    case 'collection':
      return collectionMember(ev, value, key, at);
    case 'unknown':
      // `process.env.X`: report the whole access, not just `process`.
      if (value.at && value.at.file === at.file && value.at.start === at.start && value.at.end < at.end) return { ...value, at };
      return value;
    case 'undefined':
    case 'null':
      return unknown(`reading '${key}' of ${value.k} would throw at run time`, at);
    case 'function':
      if (key === 'name' && value.name) return { k: 'string', v: value.name, at };
      return unknown(`property '${key}' of a function is not modelled`, at);
    default:
      return unknown(`property '${key}' of a ${value.k} is not modelled`, at);
  }
}
