import type { Evaluator } from '../evaluator/evaluator';
import type { Scope } from '../evaluator/scope';
import type { Value } from '../evaluator/values';
import { sameRange } from '../model/sameRange';
import { sameSdkValue } from '../evaluator/packages';
import { isMutableModuleName } from './scans';

/**
 * What a handler's walk learned from module state, in the order it read it. The walk's effects are a function
 * of the handler's code, the values it closes over and these reads; a later analysis whose modules give the
 * same answers to the same reads would walk it to the same effects.
 */
export type ModuleRead =
  /** A module binding and the value it held. */
  | { kind: 'binding'; module: string; name: string; value: Value | undefined }
  /** A module binding that code changes at run time (the walk did not read its value). */
  | { kind: 'mutable'; module: string; name: string }
  /** The module instance itself: the walk read its state in a way not logged binding by binding. */
  | { kind: 'instance'; module: string; scope: Scope };

/** Collects a walk's module reads (the walker calls it on each read of a module binding). */
export class ModuleReadLog {
  private readonly reads: ModuleRead[] = [];
  private readonly seen = new Map<Scope, Set<string>>();
  /** Set when module state was read through the evaluator (a `require` call, a class's base): not logged by name. */
  private opaque = false;

  binding(scope: Scope, name: string, value: Value | undefined): void {
    if (this.first(scope, name)) this.reads.push({ kind: 'binding', module: scope.module.path, name, value });
  }

  mutable(scope: Scope, name: string): void {
    if (this.first(scope, name)) this.reads.push({ kind: 'mutable', module: scope.module.path, name });
  }

  readThroughEvaluator(): void {
    this.opaque = true;
  }

  /**
   * The reads the walk's effects depend on. After an opaque read, the instances of the modules it read
   * (and of the handler's own module) stand for their bindings: an edit that makes any of them load
   * again makes the walk run again, as before the log existed.
   */
  result(handlerModule: Scope): ModuleRead[] {
    if (!this.opaque) return this.reads;
    const scopes = new Set([handlerModule, ...this.seen.keys()]);
    return [...scopes].map((scope) => ({ kind: 'instance', module: scope.module.path, scope }));
  }

  private first(scope: Scope, name: string): boolean {
    let names = this.seen.get(scope);
    if (!names) this.seen.set(scope, (names = new Set()));
    if (names.has(name)) return false;
    names.add(name);
    return true;
  }
}

/**
 * Whether every read gives what it gave, in the analysis `ev` serves now. Reads are replayed in their order
 * and stop at the first difference, so only bindings the walk itself would read get computed.
 */
export function readsHold(reads: readonly ModuleRead[], ev: Evaluator): boolean {
  for (const read of reads) {
    const record = ev.module(read.module);
    if (!record) return false;
    switch (read.kind) {
      case 'instance':
        if (record.scope !== read.scope) return false;
        break;
      case 'mutable':
        if (!isMutableModuleName(record, read.name)) return false;
        break;
      case 'binding':
        if (!record.scope.has(read.name) || isMutableModuleName(record, read.name)) return false;
        if (!sameModuleValue(read.value, record.scope.lookup(read.name))) return false;
        break;
    }
  }
  return true;
}

/**
 * Whether a module binding holds what it held: the same object, or (for a module that loaded again) an equal
 * primitive written at the same place (effects keep where values are written), the same module-level
 * function (same syntax node: same code in an unchanged file; what its body reads is logged when the walk
 * enters it), an unknown for the same reason at the same place, or the same SDK function or enum. Anything
 * else made anew (objects, lists, classes, closures) counts as different.
 */
export function sameModuleValue(before: Value | undefined, now: Value | undefined): boolean {
  if (before === now) return true;
  if (!before || !now || before.k !== now.k) return false;
  switch (before.k) {
    case 'string':
    case 'number':
    case 'boolean':
      return Object.is(before.v, (now as typeof before).v) && sameRange(before.at, now.at);
    case 'undefined':
    case 'null':
      return sameRange(before.at, now.at);
    case 'function': {
      const fn = now as typeof before;
      return before.node === fn.node && before.name === fn.name && !before.scope.parent && !fn.scope.parent && sameRange(before.at, fn.at);
    }
    case 'unknown': {
      // The walk reads nothing of an unknown value but why it is unknown and where.
      const other = now as typeof before;
      return before.reason === other.reason && before.index === other.index && sameRange(before.at, other.at);
    }
    case 'builtin':
    case 'object':
      return sameSdkValue(before, now);
    default:
      return false;
  }
}
