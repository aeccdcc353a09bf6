import type { SourceRange } from '../../model/types';
import { fromPrimitive, NOT_PRIMITIVE, primitive, unknown, type BuiltinValue, type StringValue, type Value } from '../values';

const SIMPLE = new Set([
  'toLowerCase', 'toUpperCase', 'trim', 'trimStart', 'trimEnd', 'startsWith', 'endsWith', 'includes', 'slice',
  'substring', 'substr', 'concat', 'padStart', 'padEnd', 'charAt', 'repeat', 'indexOf', 'lastIndexOf', 'toString',
  'normalize', 'at',
]);

/** String methods run natively on known strings: the results are exactly JavaScript's. */
export function stringMethod(target: StringValue, name: string, at: SourceRange): BuiltinValue | undefined {
  if (SIMPLE.has(name)) {
    return {
      k: 'builtin',
      name: `String.prototype.${name}`,
      call: (args) => {
        const raw = args.map(primitive);
        if (raw.some((a) => a === NOT_PRIMITIVE)) return unknown(`${name}() with an argument known only at run time`, at);
        const fn = (String.prototype as unknown as Record<string, (...a: unknown[]) => unknown>)[name];
        return fromPrimitive(fn.apply(target.v, raw), at);
      },
    };
  }
  if (name === 'split') {
    return {
      k: 'builtin',
      name: 'String.prototype.split',
      call: ([separator, limit]) => {
        const sep: string | RegExp | undefined = separator?.k === 'regexp' ? separator.v : separator?.k === 'string' ? separator.v : undefined;
        if (separator && sep === undefined && separator.k !== 'undefined') return unknown('split() with a separator known only at run time', at);
        const parts = target.v.split(sep as string, limit?.k === 'number' ? limit.v : undefined);
        return { k: 'array', items: parts.map((p) => ({ value: fromPrimitive(p, at) })), unknowns: [], at };
      },
    };
  }
  if (name === 'replace' || name === 'replaceAll') {
    return {
      k: 'builtin',
      name: `String.prototype.${name}`,
      call: ([pattern, replacement]: Value[]) => {
        const p = pattern?.k === 'regexp' ? pattern.v : pattern?.k === 'string' ? pattern.v : undefined;
        if (p === undefined || replacement?.k !== 'string') return unknown(`${name}() with arguments known only at run time`, at);
        try {
          return fromPrimitive(name === 'replace' ? target.v.replace(p, replacement.v) : target.v.replaceAll(p, replacement.v), at);
        } catch {
          return unknown(`${name}() would throw`, at);
        }
      },
    };
  }
  return undefined;
}
