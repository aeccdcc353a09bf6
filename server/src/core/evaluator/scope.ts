import type { Value } from './values';
import { unknown } from './values';
import type { ModuleRecord } from './moduleRecord';

/** A module binding not yet computed (or being computed): compared by identity, as it has no value yet. */
export type PendingBinding = { state: 'lazy'; compute: () => Value } | { state: 'busy' };

type Binding = PendingBinding | { state: 'value'; value: Value };

/** A lexical scope. Module-level bindings are computed on first read and memoized. */
export class Scope {
  private readonly bindings = new Map<string, Binding>();

  constructor(
    readonly parent: Scope | undefined,
    readonly module: ModuleRecord,
  ) {}

  defineLazy(name: string, compute: () => Value): void {
    this.bindings.set(name, { state: 'lazy', compute });
  }

  define(name: string, value: Value): void {
    this.bindings.set(name, { state: 'value', value });
  }

  has(name: string): boolean {
    return this.bindings.has(name);
  }

  /** Assigns to the nearest scope that declares `name`; false when none does. */
  assign(name: string, value: Value): boolean {
    for (let scope: Scope | undefined = this; scope; scope = scope.parent) {
      if (scope.bindings.has(name)) {
        scope.bindings.set(name, { state: 'value', value });
        return true;
      }
    }
    return false;
  }

  /**
   * The values a closure's free names are bound to in the scopes between it and its module (module bindings
   * are not among them: a walk logs those it reads, see effects/moduleReads.ts). With its code and those
   * module reads, they are all the closure's behaviour can depend on.
   */
  capturedValues(freeNames: Iterable<string>): Array<Value | PendingBinding> {
    const values: Array<Value | PendingBinding> = [];
    for (const name of freeNames) {
      // Only the names the code uses matter: a captured but unused binding (a fresh array) must not defeat reuse.
      for (let scope: Scope | undefined = this; scope?.parent; scope = scope.parent) {
        const binding = scope.bindings.get(name);
        if (!binding) continue;
        values.push(binding.state === 'value' ? binding.value : binding);
        break;
      }
    }
    return values;
  }

  /**
   * Function values bound in the scopes of a closure, up to (not including) the module scope:
   * for `wrap(step.executionHandler)`, the handler the wrapper closes over.
   */
  capturedFunctions(): Value[] {
    const found: Value[] = [];
    for (let scope: Scope | undefined = this; scope?.parent; scope = scope.parent) {
      for (const binding of scope.bindings.values()) {
        if (binding.state === 'value' && binding.value.k === 'function') found.push(binding.value);
        if (binding.state === 'value' && binding.value.k === 'object') {
          // `(step) => ({ ...step, executionHandler: wrap(step) })` closes over the step object.
          const handler = binding.value.props.get('executionHandler')?.get();
          if (handler?.k === 'function') found.push(handler);
        }
      }
    }
    return found;
  }

  lookup(name: string): Value | undefined {
    for (let scope: Scope | undefined = this; scope; scope = scope.parent) {
      const binding = scope.bindings.get(name);
      if (!binding) continue;
      switch (binding.state) {
        case 'value':
          return binding.value;
        case 'busy':
          return unknown(`'${name}' refers to itself while it is being computed (circular reference)`);
        case 'lazy': {
          scope.bindings.set(name, { state: 'busy' });
          let value: Value;
          try {
            value = binding.compute();
          } finally {
            // A compute that threw (evaluation budget) leaves the binding unknown rather than busy forever.
            if (scope.bindings.get(name)?.state === 'busy') {
              scope.bindings.set(name, { state: 'value', value: unknown(`'${name}' could not be evaluated`) });
            }
          }
          scope.bindings.set(name, { state: 'value', value });
          return value;
        }
      }
    }
    return undefined;
  }
}
