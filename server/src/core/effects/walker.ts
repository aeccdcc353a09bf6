import { ts } from '../project/ts';
import type { Evaluator } from '../evaluator/evaluator';
import { functionValue, hasModifier } from '../evaluator/functions';
import { globalValue } from '../evaluator/builtins/globals';
import { memberOf } from '../evaluator/members';
import type { ModuleRecord } from '../evaluator/moduleRecord';
import { Scope } from '../evaluator/scope';
import { constProp, unknown, type ArrayValue, type FunctionValue, type ObjectValue, type Prop, type Value } from '../evaluator/values';
import type { SourceRange } from '../model/types';
import { alternativesOf, choices, dataOf, dataValue, join } from './abstract';
import { arrayCallbackMethod, ARRAY_CALLBACK_METHODS } from './arrayCalls';
import { callBuiltin } from './builtinCalls';
import { ClassModel } from './classes';
import { evaluate } from './expressions';
import type { ProvenanceTable } from './provenance';
import { bindPattern } from './patterns';
import { CallMemo, plainInputs } from './callMemo';
import type { ModuleReadLog } from './moduleReads';
import { assignedNames, isMutableModuleName } from './scans';
import type { EffectSink } from './sink';
import { block, hoistFunctions } from './statements';
import { ADD_METHODS, isConfigCapability, isJobStateCapability, type HandlerWorld } from './world';

/** SyntaxKind read once: each `ts.SyntaxKind` access goes through a module getter. */
const SK = ts.SyntaxKind;

/** Helper calls nested deeper than this are not followed (the effects are then incomplete). */
const MAX_CALL_DEPTH = 40;
/** How many calls of one function may be walked inside each other (recursion, nested use of a helper). */
const MAX_REENTRY = 3;
/** Upper bound on analysis steps for one handler: a pathological helper must not stall `check`. */
const STEP_BUDGET = 400_000;
/**
 * How many times the loops over known lists that are under way may walk their bodies element by element, all
 * together: a loop nest (regions, then each region's zones) multiplies its lists' lengths. Past it, a loop takes
 * all its elements at once, as it does for a list known only at run time.
 */
const UNROLL_LIMIT = 64;

export class WalkBudgetExceeded extends Error {}

/** `this` of a function called without a receiver (`const f = client.method; f()`). */
const UNBOUND_THIS = unknown("'this' of a function called without a receiver depends on how it is called");

interface Frame {
  returns: Value[];
  /** The walker's creation counter when the call started: what has a higher serial was made during it. */
  start: number;
  /** False once the call changed what existed before it, read what may change, or was cut short. */
  reusable: boolean;
  /** How many calls deep its walk went, itself included. */
  height: number;
  /** Where its entries in the walker's log of entered functions begin. */
  log: number;
  /** Whether the call may be kept (see CallMemo): only then do its reusability and log matter. */
  memo: boolean;
}

/**
 * Walks a handler the way it can run: every branch whose condition is not statically known,
 * every callback (of a client iterator, of `items.map`, of `iterateEntities`), every project
 * function it calls, with the argument values of each call site. Values are the evaluator's;
 * effects (graph objects added, types read, config read) go to the sink.
 */
export class Walker {
  // Maps, not WeakMaps: a walker lives for one handler and every value it marks lives as long anyway;
  // a WeakMap's ephemeron table costs more per add and in every GC during the walk.
  /** Scopes the walker created (the only ones it assigns to: module scopes belong to the evaluator), with when. */
  private readonly ownScopes = new Map<Scope, number>();
  /** Objects and arrays the walker created (the only ones it mutates), with when. */
  private readonly ownValues = new Map<object, number>();
  /** Creation counter of own scopes and values: a call notes it when it starts. */
  private serial = 0;
  private readonly memo = new CallMemo();
  /** The calls being walked, per function: a function may run inside itself with other arguments. */
  private readonly active = new Map<ts.Node, Array<{ args: Value[]; self?: Value; scope: Scope; start: number }>>();
  private readonly escaped = new Set<FunctionValue>();
  private readonly frames: Frame[] = [];
  /**
   * Every function the walk entered while some call that may be kept is under way, in order (a reused call adds
   * what its walk entered): what a kept call depends on. Emptied whenever no such call is under way.
   */
  private readonly entered: ts.Node[] = [];
  /** How many calls under way may still be kept: while none is, nothing needs watching. */
  private watching = 0;
  private readonly isRunning = (node: ts.Node): boolean => !!this.active.get(node)?.length;
  private depth = 0;
  /** The product of the lengths of the known lists whose loops are walking element by element (1 outside any). */
  private unrolled = 1;
  private ticks = 0;
  /** Values the handler stores in module variables, by module scope and name. */
  private readonly moduleWrites = new Map<Scope, Map<string, Value>>();
  /** Instances of the project's classes the handler creates. */
  readonly classes = new ClassModel(this);

  constructor(
    readonly ev: Evaluator,
    readonly sink: EffectSink,
    readonly provenance: ProvenanceTable,
    readonly world: HandlerWorld,
    /** Where the module bindings the walk reads are logged, when its effects are kept across analyses. */
    private readonly reads?: ModuleReadLog,
  ) {
    // A call that reported something is never kept: stop watching it (and the calls around it) at once.
    sink.onEvent = () => this.touch(0);
  }

  tick(): void {
    if (++this.ticks > STEP_BUDGET) throw new WalkBudgetExceeded('the handler needs more analysis than the budget allows');
  }

  range(node: ts.Node, scope: Scope): SourceRange {
    return this.ev.range(node, scope.module);
  }

  newScope(parent: Scope, record: ModuleRecord = parent.module): Scope {
    const scope = new Scope(parent, record);
    this.ownScopes.set(scope, ++this.serial);
    return scope;
  }

  own<T extends ObjectValue | ArrayValue>(value: T): T {
    this.ownValues.set(value, ++this.serial);
    return value;
  }

  /**
   * Objects a kept call may not take as inputs: the walker's own, and the handler's context, jobState,
   * instance and config (a call given those reads the config or adds to the graph, so it is never kept, and
   * watching it would only cost the walk of every handler).
   */
  private readonly unfit = (value: Value): boolean =>
    this.isOwn(value) || value === this.world.context || value === this.world.jobState || value === this.world.instance || value === this.world.config;

  isOwn(value: Value): boolean {
    return (value.k === 'object' || value.k === 'array') && this.ownValues.has(value);
  }

  /** The scope that declares `name`, walking outwards from `scope`. */
  private declaring(name: string, scope: Scope): Scope | undefined {
    for (let s: Scope | undefined = scope; s; s = s.parent) if (s.has(name)) return s;
    return undefined;
  }

  /** The value of an identifier; its range is computed only when the value needs one (most lookups find a binding). */
  lookup(node: ts.Identifier, scope: Scope): Value {
    const name = node.text;
    if (name === 'undefined') return { k: 'undefined', at: this.range(node, scope) };
    const declaring = this.declaring(name, scope);
    if (!declaring) return name === 'Promise' ? PROMISE : globalValue(name, this.range(node, scope));
    const moduleLevel = !declaring.parent && !this.ownScopes.has(declaring);
    if (moduleLevel && isMutableModuleName(declaring.module, name)) {
      this.reads?.mutable(declaring, name);
      // What this handler stored there so far: a later call may read something else.
      this.touch(0);
      const at = this.range(node, scope);
      const earlier = unknown(`'${name}' is a module variable that changes at run time`, at);
      const written = this.moduleWrites.get(declaring)?.get(name);
      return written ? join([earlier, written], `'${name}' is a module variable that changes at run time`, at) : earlier;
    }
    const value = declaring.lookup(name);
    if (moduleLevel) this.reads?.binding(declaring, name, value);
    return value ?? { k: 'undefined', at: this.range(node, scope) };
  }

  /**
   * Logs a read of `name` that the evaluator, not the walker, is about to make (a class's base): the value is
   * computed here, memoized in the module's scope, so both see the same.
   */
  logNameRead(name: string, scope: Scope): void {
    if (!this.reads) return;
    const declaring = this.declaring(name, scope);
    if (!declaring || declaring.parent || this.ownScopes.has(declaring)) return;
    // The evaluator reads a binding that code changes at its value after loading: only the instance vouches for it.
    if (isMutableModuleName(declaring.module, name)) this.reads.readThroughEvaluator();
    else this.reads.binding(declaring, name, declaring.lookup(name));
  }

  /** Module state was read through the evaluator (`require`, another base expression): the read log cannot name it. */
  readThroughEvaluator(): void {
    this.reads?.readThroughEvaluator();
  }

  /**
   * Assigns a variable the walker owns. A module variable keeps whatever code run earlier stored,
   * but may also hold what this handler stores (`if (!client) client = new APIClient(config)`).
   */
  assign(name: string, value: Value, scope: Scope, at: SourceRange): void {
    const declaring = this.declaring(name, scope);
    if (declaring && this.ownScopes.has(declaring)) {
      this.wrote(declaring);
      declaring.define(name, value);
      return;
    }
    if (declaring && !declaring.parent && isMutableModuleName(declaring.module, name)) {
      this.touch(0);
      let writes = this.moduleWrites.get(declaring);
      if (!writes) this.moduleWrites.set(declaring, (writes = new Map()));
      const earlier = writes.get(name);
      writes.set(name, earlier ? join([earlier, value], `'${name}' is a module variable that changes at run time`, at) : value);
    }
    this.escape(value, at, `stored in '${name}', outside the handler`);
  }

  /** Current values of the variables `node` may assign, for merging paths. */
  snapshot(node: ts.Node, scope: Scope, extra: readonly string[] = []): Map<Scope, Map<string, Value>> {
    const result = new Map<Scope, Map<string, Value>>();
    for (const name of extra.length ? [...assignedNames(node), ...extra] : assignedNames(node)) {
      const declaring = this.declaring(name, scope);
      if (!declaring || !this.ownScopes.has(declaring)) continue;
      let values = result.get(declaring);
      if (!values) result.set(declaring, (values = new Map()));
      values.set(name, declaring.lookup(name) ?? { k: 'undefined' });
    }
    return result;
  }

  restore(snapshot: Map<Scope, Map<string, Value>>): void {
    for (const [scope, values] of snapshot) {
      this.wrote(scope);
      for (const [name, value] of values) scope.define(name, value);
    }
  }

  /** Sets each variable of `snapshots` to any of the values it has in them. */
  merge(snapshots: Array<Map<Scope, Map<string, Value>>>, reason: string): void {
    const first = snapshots[0];
    if (!first) return;
    for (const [scope, values] of first) {
      this.wrote(scope);
      for (const name of values.keys()) {
        const options = snapshots.map((s) => s.get(scope)?.get(name) ?? { k: 'undefined' as const });
        scope.define(name, join(options, reason));
      }
    }
  }

  /**
   * Narrows a variable the walker owns to the alternatives a condition lets through
   * (`if (!entity) return;` leaves `entity` without its undefined alternative).
   */
  narrow(name: string, scope: Scope, keep: (v: Value) => boolean): void {
    const declaring = this.declaring(name, scope);
    if (!declaring || !this.ownScopes.has(declaring)) return;
    const value = declaring.lookup(name);
    const options = value && alternativesOf(value);
    if (!value || !options) return;
    const kept = options.filter(keep);
    if (!kept.length || kept.length === options.length) return;
    this.wrote(declaring);
    declaring.define(name, join(kept, value.k === 'unknown' ? value.reason : 'narrowed', value.at));
  }

  /** Before code that may run any number of times: each variable it assigns may hold an earlier run's value. */
  havoc(node: ts.Node, scope: Scope, reason: string): void {
    for (const [s, values] of this.snapshot(node, scope)) {
      this.wrote(s);
      for (const [name, value] of values) s.define(name, join([value, unknown(reason)], reason));
    }
  }

  /**
   * `base[key]`: alternatives and data reads are mapped, reads of the instance config recorded (at
   * `keyNode` when given: its range is computed only for such a read, not for every member access).
   */
  member(base: Value, key: string, at: SourceRange, keyNode?: ts.Node, scope?: Scope): Value {
    const options = alternativesOf(base);
    if (options) return join(options.map((o) => this.member(o, key, at, keyNode, scope)), `'${key}' of a value that differs between paths`, at);
    const data = dataOf(base);
    if (data) return dataValue(data.key, [...data.path, key], at);
    if (base === this.world.config) this.sink.configRead(key, keyNode && scope ? this.range(keyNode, scope) : at);
    return this.classes.member(base, key, at) ?? memberOf(this.ev, base, key, at);
  }

  currentFrame(): Frame | undefined {
    return this.frames[this.frames.length - 1];
  }

  /**
   * Calls a project function with these arguments: its body is walked, its effects recorded, its
   * result returned. `prologue` runs once the parameters are bound (a constructor's field initialisers).
   */
  callFunction(fn: FunctionValue, args: Value[], at: SourceRange, self?: Value, prologue?: (scope: Scope) => void): Value {
    const node = fn.node;
    const name = fn.name ?? 'an anonymous function';
    if (!node.body) return unknown(`'${name}' has no body`, at);
    let running = this.active.get(node);
    if (running === undefined) this.active.set(node, (running = []));
    if (running.length) {
      // What this call finds depends on the call of the same function it is inside: the calls under way
      // since that one began cannot be reused (the calls around a recursion still can).
      this.touch(running[0].start);
      // Inside itself (recursion, or a helper used again by its own callback): arguments that keep
      // changing (a halved threshold) would never converge, so everything but functions and the
      // handler's context is widened to unknown; the walk then covers every deeper call.
      args = args.map((a) => this.widen(a, 0));
      if (self) self = this.widen(self, 0);
      // A closure of the same code over other variables (a pager's inner callback calling another
      // iteratee) is another function: only the same closure with the same arguments repeats a call.
      const earlierCalls = running;
      if (earlierCalls.some((earlier) => earlier.scope === fn.scope && sameArguments(earlier, args, self))) {
        // The same call is being walked already: walking it again would find nothing new.
        return unknown(`the result of the recursive call of '${name}'`, at);
      }
    }
    if (running.length >= MAX_REENTRY) {
      this.sink.gap(`'${name}' calls itself with ever new arguments: the deeper calls are not followed`, at);
      for (const arg of args) this.escape(arg, at, `passed to the recursive call of '${name}'`, true);
      return unknown(`the result of the recursive call of '${name}'`, at);
    }
    if (this.depth >= MAX_CALL_DEPTH) {
      this.sink.gap(`calls nested deeper than ${MAX_CALL_DEPTH}: '${name}' is not followed`, at);
      for (const arg of args) this.escape(arg, at, `passed to '${name}'`, true);
      return unknown(`the result of '${name}', nested too deep to follow`, at);
    }
    const memoizable = !running.length && !prologue && plainInputs(args, self, this.unfit);
    if (memoizable) {
      const reused = this.reuse(fn, args, self, at);
      if (reused) return reused;
    }
    const frame = this.enter(fn, memoizable);
    const events = this.sink.events;
    const scope = this.newScope(fn.scope, fn.scope.module);
    try {
      this.bindParameters(node, scope, args, at, self);
      prologue?.(scope);
    } catch (error) {
      this.leave(frame);
      throw error;
    }
    running.push({ args, self, scope: fn.scope, start: frame.start });
    this.depth++;
    let finished = false;
    try {
      if (!ts.isBlock(node.body)) frame.returns.push(evaluate(this, node.body, scope));
      else {
        hoistFunctions(this, node.body.statements, scope);
        const flow = block(this, node.body.statements, scope);
        if (flow & NORMAL_FLOW) frame.returns.push({ k: 'undefined', at });
      }
      finished = true;
    } finally {
      if (!finished) this.leave(frame);
      this.depth--;
      running.pop();
      if (!running.length) this.active.delete(node);
    }
    const returns = frame.returns;
    const result = node.asteriskToken
      ? unknown(`'${name}' is a generator`, at)
      : returns.length === 1 && !alternativesOf(returns[0])
        ? returns[0]
        : join(returns, `'${name}' returns different values on different paths`, at);
    this.leave(frame, { fn, args, self, at, result, events });
    return result;
  }

  /** A kept result for this call (see CallMemo), where walking it again would not reach the depth limit. */
  private reuse(fn: FunctionValue, args: Value[], self: Value | undefined, at: SourceRange): Value | undefined {
    const reused = this.memo.lookup(fn, args, self, at, MAX_CALL_DEPTH - this.depth, this.isRunning);
    if (!reused) return undefined;
    const caller = this.frames[this.frames.length - 1];
    if (caller && caller.height < reused.height + 1) caller.height = reused.height + 1;
    if (this.watching) for (const node of reused.entered) this.entered.push(node);
    return reused.value;
  }

  /** The frame of a call starting now, on the stack. */
  private enter(fn: FunctionValue, memoizable: boolean): Frame {
    // A closure over the handler's variables reads and writes them: the calls under way that did not make them
    // (this one included) cannot be reused.
    const closure = this.watching || memoizable ? this.closureSerial(fn.scope) : undefined;
    if (closure !== undefined) this.touch(closure);
    const frame: Frame = { returns: [], start: this.serial, reusable: closure === undefined, height: 1, log: this.entered.length, memo: memoizable };
    if (frame.memo && frame.reusable) this.watching++;
    if (this.watching) this.entered.push(fn.node);
    // On the stack before the parameters are bound: what a parameter's default changes counts against this call.
    this.frames.push(frame);
    return frame;
  }

  /**
   * Takes a call's frame off the stack; with `done` (the call finished), keeps the call when it may be kept
   * and reported nothing.
   */
  private leave(frame: Frame, done?: { fn: FunctionValue; args: Value[]; self: Value | undefined; at: SourceRange; result: Value; events: number }): void {
    if (!done) {
      this.frames.pop();
      if (frame.memo && frame.reusable) this.unwatch(frame);
      return;
    }
    // How deep the calls inside went: the caller's walk goes that much deeper.
    const caller = this.frames[this.frames.length - 2];
    if (caller && caller.height < frame.height + 1) caller.height = frame.height + 1;
    this.frames.pop();
    if (!frame.memo || !frame.reusable) return;
    if (!done.fn.node.asteriskToken && this.sink.events === done.events) {
      const log = this.entered;
      this.memo.store(done.fn, done.args, done.self, done.at, done.result, frame.height, () => [...new Set(log.slice(frame.log))], this.unfit);
    }
    this.unwatch(frame);
  }

  private bindParameters(node: FunctionValue['node'], scope: Scope, args: Value[], at: SourceRange, self: Value | undefined): void {
    // A function that is not an arrow has its own `this`: unknown when it is called without a receiver.
    if (node.kind !== SK.ArrowFunction) scope.define('this', self ?? UNBOUND_THIS);
    const params = node.parameters;
    for (let index = 0; index < params.length; index++) {
      const param = params[index];
      let value: Value;
      if (param.dotDotDotToken) value = this.own({ k: 'array', items: args.slice(index).map((v) => ({ value: v, at: v.at })), unknowns: [], at });
      else {
        value = args[index] ?? { k: 'undefined', at };
        if (param.initializer) value = withDefault(this, value, param.initializer, scope);
      }
      bindPattern(this, param.name, value, scope);
    }
  }

  /** An own object or list changed: the calls under way that did not make it changed what existed before them. */
  changed(target: object): void {
    this.touch(this.ownValues.get(target) ?? 0);
  }

  /** A variable of `scope` (one the walker made) is assigned. */
  private wrote(scope: Scope): void {
    this.touch(this.ownScopes.get(scope) ?? 0);
  }

  /** The calls under way that started after `serial` (0: all of them) cannot be reused. */
  private touch(serial: number): void {
    if (!this.watching) return;
    for (let i = this.frames.length - 1; i >= 0 && this.frames[i].start >= serial; i--) {
      const frame = this.frames[i];
      if (frame.memo && frame.reusable) this.unwatch(frame);
      frame.reusable = false;
    }
  }

  /** A call that may be kept ended or can no longer be kept. */
  private unwatch(frame: Frame): void {
    frame.reusable = false;
    if (--this.watching === 0) this.entered.length = 0;
  }

  /** When the nearest scope of a closure that the walker made was made; undefined for the evaluator's closures. */
  private closureSerial(scope: Scope): number | undefined {
    // Module-level code (a module scope has no parent) closes over nothing the walker made.
    if (!scope.parent) return undefined;
    for (let s: Scope | undefined = scope; s; s = s.parent) {
      const serial = this.ownScopes.get(s);
      if (serial !== undefined) return serial;
    }
    return undefined;
  }

  /** Whether a loop over a known list of `length` elements may walk them one by one, inside the loops under way. */
  mayUnroll(length: number): boolean {
    return this.unrolled * Math.max(length, 1) <= UNROLL_LIMIT;
  }

  /** Walks a loop over a known list of `length` elements one by one (after mayUnroll said it may). */
  unrolling<T>(length: number, walk: () => T): T {
    const outer = this.unrolled;
    this.unrolled = outer * Math.max(length, 1);
    try {
      return walk();
    } finally {
      this.unrolled = outer;
    }
  }

  /**
   * A function that runs an unknown number of times (a callback of a client iterator, of
   * iterateEntities, of a list whose length is unknown): walked once, with the variables it assigns
   * holding either their earlier or their new values afterwards.
   */
  callback(fn: FunctionValue, args: Value[] | undefined, at: SourceRange): Value {
    const before = this.snapshot(fn.node, fn.scope);
    this.havoc(fn.node, fn.scope, `changed by a callback that may run several times`);
    const actual = args ?? fn.node.parameters.map((p) => unknown(`'${p.name.getText(fn.scope.module.file.sourceFile)}' is given at run time`, at));
    const result = this.callFunction(fn, actual, at);
    const after = this.snapshot(fn.node, fn.scope);
    this.merge([before, after], 'changed by a callback that may or may not run');
    return result;
  }

  /**
   * `value` reaches code the analysis does not follow (a package, a class, a module variable): the
   * functions in it may run there (they are walked as callbacks), and if it carries the job state,
   * that code may add graph objects the analysis cannot see.
   */
  escape(value: Value, at: SourceRange, why: string, silentFunctions = false, depth = 0): void {
    for (const option of choices(value)) {
      if (isJobStateCapability(this.world, option)) this.sink.gap(`jobState is ${why}, which the analysis does not follow`, at);
      if (isConfigCapability(this.world, option)) this.sink.configGap(`the instance config is ${why}`, at);
      if (option.k === 'function' && !silentFunctions) {
        if (this.escaped.has(option)) continue;
        this.escaped.add(option);
        this.callback(option, undefined, at);
      } else if (depth < 3 && option.k === 'object' && this.ownValues.has(option)) {
        for (const prop of option.props.values()) this.escape(prop.get(), at, why, silentFunctions, depth + 1);
      } else if (depth < 3 && option.k === 'array' && this.ownValues.has(option)) {
        for (const item of option.items) this.escape(item.value, at, why, silentFunctions, depth + 1);
        for (const run of option.unknowns) this.escape(run, at, why, silentFunctions, depth + 1);
      }
    }
  }

  private widen(value: Value, depth: number): Value {
    if (value.k === 'function' || value.k === 'builtin' || this.classes.isInstance(value)) return value;
    if (value === this.world.context || value === this.world.jobState || value === this.world.logger || value === this.world.instance || value === this.world.config) return value;
    if (value.k === 'object' && this.ownValues.has(value) && depth < 2) {
      const props = new Map<string, Prop>();
      for (const [key, prop] of value.props) props.set(key, constProp(this.widen(prop.get(), depth + 1), prop.keyAt, prop.valueAt));
      return this.own<ObjectValue>({ k: 'object', props, open: value.open, at: value.at });
    }
    if ((value.k === 'object' || value.k === 'array') && !this.ownValues.has(value)) return value;
    const options = alternativesOf(value);
    if (options && options.every((o) => o.k === 'function')) return value;
    return unknown('a value that changes from one nested call to the next', value.at);
  }

  /** Calls any value: project functions are walked, SDK and jobState functions modelled, the rest escapes. */
  invoke(callee: Value, args: Value[], at: SourceRange, self?: Value, method?: string): Value {
    const options = alternativesOf(callee);
    if (options) return join(options.map((c) => this.invoke(c, args, at, self, method)), 'the function called differs between paths', at);
    switch (callee.k) {
      case 'function':
        return this.callFunction(callee, args, at, self);
      case 'builtin':
        return callBuiltin(this, callee, args, at, self, method);
      case 'unknown': {
        if (method && ARRAY_CALLBACK_METHODS.has(method) && self?.k === 'unknown' && !alternativesOf(self) && args[0]?.k === 'function') {
          // `items.map(convert)` on a list known only at run time: in TypeScript code that is a list
          // method, so its callback's results are what it returns.
          return arrayCallbackMethod(this, this.own({ k: 'array', items: [], unknowns: [{ ...unknown(self.reason, self.at), index: 0 }], at }), method, args, at);
        }
        if (method && ADD_METHODS.has(method)) this.sink.gap(`'${method}' is called on a value the analysis does not know (it may be a jobState)`, at);
        const what = method ? `an argument of '${method}'` : 'an argument of a function the analysis does not know';
        for (const arg of args) this.escape(arg, at, `passed as ${what}`);
        // The receiver reaches that code too: `fn.apply(this, args)` runs fn, `list.sort()` holds callbacks.
        // An instance of a class built on a modelled SDK base is not handed to that base's methods: what they do with it is known.
        if (self && !this.classes.hasKnownBase(self) && (this.isOwn(self) || isJobStateCapability(this.world, self) || choices(self).some((f) => f.k === 'function'))) {
          this.escape(self, at, `the receiver of '${method}'`);
        }
        return unknown(callee.reason, at);
      }
      default:
        for (const arg of args) this.escape(arg, at, 'passed to a call that throws');
        return unknown(`calling a ${callee.k} would throw at run time`, at);
    }
  }

  /** A function value for a function written in the handler's code. */
  functionAt(node: ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration | ts.MethodDeclaration, scope: Scope): FunctionValue {
    return functionValue(this.ev, node, scope, scope.module);
  }

  isAsync(fn: FunctionValue): boolean {
    return hasModifier(fn.node, SK.AsyncKeyword);
  }
}

export const NORMAL_FLOW = 1;

/** Whether a call repeats one being walked: the same values, up to plain unknowns (which say nothing more). */
function sameArguments(earlier: { args: Value[]; self?: Value }, args: Value[], self: Value | undefined): boolean {
  if (!sameValue(earlier.self, self, 0)) return false;
  const count = Math.max(earlier.args.length, args.length);
  for (let i = 0; i < count; i++) if (!sameValue(earlier.args[i], args[i], 0)) return false;
  return true;
}

function sameValue(a: Value | undefined, b: Value | undefined, depth: number): boolean {
  if (a === b) return true;
  if (!a || !b) return (a ?? { k: 'undefined' }).k === 'undefined' && (b ?? { k: 'undefined' }).k === 'undefined';
  if (a.k !== b.k) return false;
  switch (a.k) {
    case 'unknown':
      return !alternativesOf(a) && !alternativesOf(b) && !dataOf(a) && !dataOf(b);
    case 'string':
    case 'number':
    case 'boolean':
      return a.v === (b as typeof a).v;
    case 'undefined':
    case 'null':
      return true;
    case 'function':
      return a.node === (b as typeof a).node && a.scope === (b as typeof a).scope;
    case 'object': {
      const other = b as typeof a;
      if (depth > 2 || a.props.size !== other.props.size || !!a.open !== !!other.open) return false;
      for (const [key, prop] of a.props) {
        const theirs = other.props.get(key);
        if (!theirs || !sameValue(prop.get(), theirs.get(), depth + 1)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

/** A parameter or binding default: used when the value is (or may be) undefined. */
export function withDefault(walker: Walker, value: Value, initializer: ts.Expression, scope: Scope): Value {
  const options = choices(value);
  const undefinedAt = options.findIndex((o) => o.k === 'undefined');
  const mayBeUndefined = undefinedAt >= 0 || options.some((o) => o.k === 'unknown');
  if (!mayBeUndefined) return value;
  const fallback = evaluate(walker, initializer, scope);
  if (options.length === 1 && undefinedAt === 0) return fallback;
  return join([...options.filter((o) => o.k !== 'undefined'), fallback], 'a value or its default');
}

/** `Promise.all(list)` and friends: the analysis treats a promise as the value it resolves to. */
const PROMISE: Value = {
  k: 'builtin',
  name: '#Promise',
  props: new Map<string, Value>([
    ['all', { k: 'builtin', name: '#Promise.all' }],
    ['allSettled', { k: 'builtin', name: '#Promise.allSettled' }],
    ['race', { k: 'builtin', name: '#Promise.race' }],
    ['any', { k: 'builtin', name: '#Promise.any' }],
    ['resolve', { k: 'builtin', name: '#Promise.resolve' }],
    ['reject', { k: 'builtin', name: '#Promise.reject' }],
  ]),
};
