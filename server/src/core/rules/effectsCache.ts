import { ts } from '../project/ts';
import type { FunctionValue } from '../evaluator/values';
import type { StepEffects } from '../effects/types';

/**
 * Handler effects kept across analyses (the language server re-analyses on every edit). An edit makes the
 * evaluator forget the changed module and every module importing it, so their functions get new scopes; a
 * handler whose code, module scope and captured values are all the same objects as before behaves the same,
 * and its effects are reused. Cleared when the evaluator starts over.
 */
interface Trie {
  next: Map<unknown, Trie>;
  effects?: StepEffects;
}

/** More entries than this and the cache starts over: edits leave entries of scopes that no longer exist. */
const MAX_ENTRIES = 20_000;

export class EffectsCache {
  private root: Trie = { next: new Map() };
  private size = 0;
  private readonly freeNames = new WeakMap<object, string[]>();

  get(handler: FunctionValue, compute: () => StepEffects): StepEffects {
    // Many handlers share one node (a wrapper closure made per step): the key is the node and the identity.
    const key = [handler.node, ...handler.scope.closureIdentity(this.namesOf(handler.node))];
    let trie = this.root;
    for (const part of key) {
      let next = trie.next.get(part);
      if (!next) trie.next.set(part, (next = { next: new Map() }));
      trie = next;
    }
    if (trie.effects) return trie.effects;
    if (++this.size > MAX_ENTRIES) {
      this.clear();
      return compute();
    }
    return (trie.effects = compute());
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
    this.root = { next: new Map() };
    this.size = 0;
  }
}
