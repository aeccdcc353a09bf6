import { ts } from '../project/ts';
import type { Evaluator } from '../evaluator/evaluator';
import type { PendingBinding } from '../evaluator/scope';
import type { FunctionValue, Value } from '../evaluator/values';
import { ModuleReadLog, readsHold, sameModuleValue, type ModuleRead } from '../effects/moduleReads';
import type { StepEffects } from '../effects/types';

/**
 * Handler effects kept across analyses (the language server re-analyses on every edit). An edit makes the
 * evaluator forget the changed module and every module importing it, and those load again with new values.
 * A handler's effects depend on its code, the values its closure captured and the module bindings its walk
 * read (logged as it walks). When the code is the same syntax node (its file did not change), the captured
 * values are the same and every logged read gives the same answer in the new analysis, the walk would find
 * the same effects, and they are reused. So a handler is walked again only when something it actually read
 * changed, not whenever a module it imports loaded again (a barrel that imports every step module, or a
 * step-wrapping helper in it, loads again on any edit). Cleared when the evaluator starts over.
 */
interface Entry {
  captured: Array<Value | PendingBinding>;
  reads: ModuleRead[];
  effects: StepEffects;
}

/** More entries than this and the cache starts over: edits leave entries of closures that no longer exist. */
const MAX_ENTRIES = 20_000;

export class EffectsCache {
  private byNode = new Map<ts.Node, Entry[]>();
  private size = 0;
  private readonly freeNames = new WeakMap<object, string[]>();

  get(handler: FunctionValue, ev: Evaluator, compute: (reads: ModuleReadLog) => StepEffects): StepEffects {
    const captured = handler.scope.capturedValues(this.namesOf(handler.node));
    let entries = this.byNode.get(handler.node);
    if (!entries) this.byNode.set(handler.node, (entries = []));
    // Many handlers share one node (a wrapper closure made per step): they differ by what they captured.
    const index = entries.findIndex((entry) => sameCaptured(entry.captured, captured));
    const entry = index >= 0 ? entries[index] : undefined;
    if (entry && readsHold(entry.reads, ev)) return entry.effects;
    const log = new ModuleReadLog();
    const effects = compute(log);
    const fresh: Entry = { captured, reads: log.result(handler.scope.module.scope), effects };
    if (entry) entries[index] = fresh;
    else if (++this.size > MAX_ENTRIES) this.clear();
    else entries.push(fresh);
    return effects;
  }

  /** Identifiers the function's code mentions (a superset of its free variables is enough). */
  private namesOf(node: ts.Node): string[] {
    let names = this.freeNames.get(node);
    if (!names) {
      const found = new Set<string>();
      const visit = (n: ts.Node): void => {
        if (ts.isIdentifier(n)) found.add(n.text);
        ts.forEachChild(n, visit);
      };
      visit(node);
      names = [...found];
      this.freeNames.set(node, names);
    }
    return names;
  }

  clear(): void {
    this.byNode = new Map();
    this.size = 0;
  }
}

/**
 * Captured bindings are values, or (not yet computed) pending bindings compared by identity. A value may have been
 * made again by a module that loaded again and still be the same (a module-level function: see sameModuleValue).
 */
function sameCaptured(before: Array<Value | PendingBinding>, now: Array<Value | PendingBinding>): boolean {
  if (before.length !== now.length) return false;
  for (let i = 0; i < before.length; i++) {
    const a = before[i];
    const b = now[i];
    if (a !== b && !('k' in a && 'k' in b && sameModuleValue(a, b))) return false;
  }
  return true;
}
