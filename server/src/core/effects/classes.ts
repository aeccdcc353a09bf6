import { ts } from '@ts-morph/common';
import { classDeclarationOf, type ClassNode } from '../evaluator/classes';
import { hasModifier } from '../evaluator/functions';
import type { Scope } from '../evaluator/scope';
import { constProp, unknown, type FunctionNode, type FunctionValue, type ObjectValue, type Value } from '../evaluator/values';
import type { SourceRange } from '../model/types';
import { join } from './abstract';
import { knownBaseOf, type KnownBase } from './knownBases';
import { evaluate } from './expressions';
import { isConfigCapability } from './world';
import type { Walker } from './walker';

/** SyntaxKind read once: each `ts.SyntaxKind` access goes through a module getter. */
const SK = ts.SyntaxKind;

/** A class declared in the project, as the analysis builds its instances. */
interface ClassInfo {
  node: ClassNode;
  /** The class body's scope (the class name bound in it): methods close over it. */
  scope: Scope;
  name: string;
  /** The class it extends: another project class, a class the analysis does not follow, or none. */
  base: ClassInfo | ForeignBase | undefined;
  /** Instance methods, getters and setters by name (private names with their `#`). */
  methods: Map<string, ts.MethodDeclaration>;
  getters: Map<string, ts.GetAccessorDeclaration>;
  setters: Map<string, ts.SetAccessorDeclaration>;
}

/** A base class outside the project (a package's, or an expression the analysis cannot resolve). */
interface ForeignBase {
  foreign: true;
  name: string;
  /** A package base whose behaviour is modelled (the SDK's BaseAPIClient). */
  known?: KnownBase;
}

interface Instance {
  info: ClassInfo;
  /** The first base class outside the project, if any: its code sees the instance. */
  foreign?: ForeignBase;
}

function isForeign(base: ClassInfo | ForeignBase | undefined): base is ForeignBase {
  return !!base && 'foreign' in base;
}

/**
 * Instances of the project's classes: `new APIClient(config)` runs the constructor (parameter
 * properties, field initialisers, `super(...)` into project base classes) on an object the walker
 * owns, and `client.iterateUsers(cb)` walks the method with `this` bound to it. Members a base
 * class outside the project may hold are unknown; what such a class may do with the instance
 * (read its fields, call its methods) is treated as code the analysis does not follow, except for
 * the modelled SDK base classes.
 */
/**
 * Class facts by the class body's scope, which the evaluator creates once per class value: shared
 * by every step's walk (a new evaluator, or a changed file, makes new scopes).
 */
const infosByScope = new WeakMap<Scope, ClassInfo>();

export class ClassModel {
  private readonly infos = new Map<ts.Node, ClassInfo>();
  private readonly instances = new WeakMap<ObjectValue, Instance>();
  private readonly functions = new Map<ts.Node, FunctionValue>();

  constructor(private readonly w: Walker) {}

  /** The project class a value is (a class object the evaluator built from project source). */
  classOf(value: Value): ClassInfo | undefined {
    const declaration = classDeclarationOf(value);
    if (!declaration) return undefined;
    return this.info(declaration.node, declaration.scope);
  }

  private info(node: ClassNode, scope: Scope): ClassInfo {
    let info = this.infos.get(node);
    if (info) return info;
    info = infosByScope.get(scope);
    if (info?.node === node) {
      this.infos.set(node, info);
      for (let base = info.base; base && !isForeign(base) && !this.infos.has(base.node); base = base.base) this.infos.set(base.node, base);
      return info;
    }
    const methods = new Map<string, ts.MethodDeclaration>();
    const getters = new Map<string, ts.GetAccessorDeclaration>();
    const setters = new Map<string, ts.SetAccessorDeclaration>();
    for (const member of node.members) {
      if (hasModifier(member, SK.StaticKeyword) || !member.name) continue;
      const key = staticKey(member.name);
      if (key === undefined) continue;
      if (ts.isMethodDeclaration(member) && member.body) methods.set(key, member);
      else if (ts.isGetAccessorDeclaration(member) && member.body) getters.set(key, member);
      else if (ts.isSetAccessorDeclaration(member) && member.body) setters.set(key, member);
    }
    const name = node.name?.text ?? 'an anonymous class';
    info = { node, scope, name, base: undefined, methods, getters, setters };
    this.infos.set(node, info);
    infosByScope.set(scope, info);
    const heritage = node.heritageClauses?.find((h) => h.token === SK.ExtendsKeyword)?.types[0];
    if (heritage) {
      // `extends Base` names a binding the read log can hold; other base expressions are read unlogged.
      if (ts.isIdentifier(heritage.expression)) this.w.logNameRead(heritage.expression.text, scope);
      else this.w.readThroughEvaluator();
      const baseValue = this.w.ev.evaluate(heritage.expression, scope);
      const declaration = classDeclarationOf(baseValue);
      const baseName = heritage.expression.getText(scope.module.file.sourceFile);
      if (declaration && declaration.node !== node) info.base = this.info(declaration.node, declaration.scope);
      else info.base = { foreign: true, name: baseName, known: knownBaseOf(heritage.expression, scope.module.file.sourceFile) };
    }
    return info;
  }

  private foreignBaseOf(info: ClassInfo): ForeignBase | undefined {
    const seen = new Set<ClassInfo>();
    let current: ClassInfo | ForeignBase | undefined = info;
    while (current && !isForeign(current)) {
      if (seen.has(current)) return { foreign: true, name: `${info.name}'s cyclic base classes` };
      seen.add(current);
      current = current.base;
    }
    return current;
  }

  private chain(info: ClassInfo): ClassInfo[] {
    const result: ClassInfo[] = [];
    for (let c: ClassInfo | ForeignBase | undefined = info; c && !isForeign(c) && !result.includes(c); c = c.base) result.push(c);
    return result;
  }

  /** An instance whose base class outside the project is modelled (its inherited methods do nothing unknown with it). */
  hasKnownBase(value: Value): boolean {
    return value.k === 'object' && !!this.instances.get(value)?.foreign?.known;
  }

  isInstance(value: Value): boolean {
    return value.k === 'object' && this.instances.has(value);
  }

  /** `new C(...args)` of a project class: the instance with its constructor run. */
  construct(info: ClassInfo, args: Value[], at: SourceRange): ObjectValue {
    const w = this.w;
    const instance = w.own<ObjectValue>({ k: 'object', props: new Map(), at });
    const foreign = this.foreignBaseOf(info);
    this.instances.set(instance, { info, foreign });
    if (foreign) instance.open = unknown(`a member ${info.name} may inherit from ${foreign.name}, which the analysis does not follow`, at);
    this.runConstructor(info, instance, args, at);
    // A field a method changes may hold either value whenever it is read (methods run in any order).
    for (const name of this.changedByMethods(info)) {
      const old = instance.props.get(name);
      const changed = unknown(`'${name}' is changed by a method of ${info.name}`, at);
      instance.props.set(name, { ...(old ?? {}), get: () => join([old?.get() ?? { k: 'undefined' }, changed], changed.reason, at) });
    }
    if (foreign?.known) {
      // The SDK's base class calls these methods itself (getAuthorizationHeaders on every request):
      // any of them the project defines runs with arguments only known at run time.
      for (const name of foreign.known.calls) {
        const method = this.findMethod(info, name);
        if (method) w.callFunction(method, method.node.parameters.map(() => unknown(`given by ${foreign.name} at run time`, at)), at, instance);
      }
    } else if (foreign) {
      w.escape(instance, at, `held by an instance of ${info.name}, whose base class ${foreign.name} the analysis does not follow`);
    }
    return instance;
  }

  private runConstructor(info: ClassInfo, instance: ObjectValue, args: Value[], at: SourceRange): void {
    const ctor = info.node.members.find((m): m is ts.ConstructorDeclaration => ts.isConstructorDeclaration(m) && !!m.body);
    if (!ctor) {
      // The implicit constructor passes its arguments to the base class, then initialises the fields.
      this.constructBase(info, instance, args, at);
      this.initFields(info, instance);
      return;
    }
    const fn = this.functionOf(ctor as unknown as FunctionNode, info.scope, info.name);
    // Without a base class the fields are initialised before the body; with one, at `super(...)`.
    this.w.callFunction(fn, args, at, instance, info.base ? undefined : (scope) => this.initFields(info, instance, scope, ctor));
  }

  private constructBase(info: ClassInfo, instance: ObjectValue, args: Value[], at: SourceRange): void {
    const base = info.base;
    if (!base) return;
    if (!isForeign(base)) {
      this.runConstructor(base, instance, args, at);
      return;
    }
    for (const arg of args) {
      if (base.known && arg.k === 'object' && this.w.isOwn(arg)) {
        for (const [key, prop] of arg.props) {
          // BaseAPIClient reads only the SDK's implicit agent fields of `integrationConfig`.
          if (base.known.configOptions.includes(key) && isConfigCapability(this.w.world, prop.get())) continue;
          this.w.escape(prop.get(), at, `passed to the constructor of ${base.name}`);
        }
        if (arg.open) this.w.escape(arg.open, at, `passed to the constructor of ${base.name}`);
      } else this.w.escape(arg, at, `passed to the constructor of ${base.name}`);
    }
  }

  /** Parameter properties (`constructor(private readonly config: Config)`), then field initialisers. */
  private initFields(info: ClassInfo, instance: ObjectValue, ctorScope?: Scope, ctor?: ts.ConstructorDeclaration): void {
    const w = this.w;
    const record = info.scope.module;
    if (ctor && ctorScope) {
      for (const param of ctor.parameters) {
        if (!ts.isParameterPropertyDeclaration(param, ctor) || !ts.isIdentifier(param.name)) continue;
        const value = ctorScope.lookup(param.name.text) ?? { k: 'undefined' as const };
        instance.props.set(param.name.text, constProp(value, w.ev.range(param.name, record), w.ev.range(param.name, record)));
      }
    }
    let fieldScope: Scope | undefined;
    for (const member of info.node.members) {
      if (!ts.isPropertyDeclaration(member) || hasModifier(member, SK.StaticKeyword) || hasModifier(member, SK.DeclareKeyword) || hasModifier(member, SK.AbstractKeyword)) continue;
      const key = staticKey(member.name);
      if (key === undefined) {
        instance.open ??= unknown(`${info.name} has a field whose name is only known at run time`, w.ev.range(member.name, record));
        continue;
      }
      if (!member.initializer) continue;
      if (!fieldScope) {
        fieldScope = w.newScope(info.scope);
        fieldScope.define('this', instance);
      }
      const value = evaluate(w, member.initializer, fieldScope);
      const prop = constProp(value, w.ev.range(member.name, record), w.ev.range(member.initializer, record));
      if (key.startsWith('#')) prop.enumerable = false;
      instance.props.set(key, prop);
    }
  }

  /** `super(...args)` in a constructor: the base class's part of the construction, then this class's fields. */
  superCall(node: ts.CallExpression, args: Value[], scope: Scope, at: SourceRange): Value {
    const ctor = enclosing(node, ts.isConstructorDeclaration);
    const self = scope.lookup('this');
    const instance = self && self.k === 'object' ? this.instances.get(self) : undefined;
    const info = ctor && instance ? this.infos.get(ctor.parent) : undefined;
    if (!ctor || !info || !self || self.k !== 'object') {
      for (const arg of args) this.w.escape(arg, at, "passed to 'super(...)'");
      return { k: 'undefined', at };
    }
    this.constructBase(info, self, args, at);
    this.initFields(info, self, scope, ctor);
    return { k: 'undefined', at };
  }

  /** `super.name` in a method: the base class's member, bound to `this`. */
  superMember(node: ts.Node, key: string, scope: Scope, at: SourceRange): Value {
    const member = enclosing(node, (n): n is ts.ClassElement => ts.isClassElement(n) && !!n.parent && ts.isClassLike(n.parent));
    const info = member ? this.infos.get(member.parent) : undefined;
    const self = scope.lookup('this');
    if (!info || !self || !this.isInstance(self)) return unknown(`'super.${key}' is not known here`, at);
    if (!info.base || isForeign(info.base)) return unknown(`'super.${key}' belongs to ${info.base?.name ?? 'no base class'}, which the analysis does not follow`, at);
    return this.lookup(info.base, self as ObjectValue, key, at) ?? unknown(`'super.${key}' may be inherited from a class the analysis does not follow`, at);
  }

  /** `instance[key]` for members that are not own fields: methods, getters (run), or what a foreign base may hold. */
  member(base: Value, key: string, at: SourceRange): Value | undefined {
    if (base.k !== 'object' || base.props.has(key)) return undefined;
    const instance = this.instances.get(base);
    if (!instance) return undefined;
    return this.lookup(instance.info, base, key, at);
  }

  private lookup(from: ClassInfo, self: ObjectValue, key: string, at: SourceRange): Value | undefined {
    for (const info of this.chain(from)) {
      const method = info.methods.get(key);
      if (method) return this.functionOf(method, info.scope);
      const getter = info.getters.get(key);
      if (getter) return this.w.callFunction(this.functionOf(getter, info.scope), [], at, self);
      if (info.setters.has(key)) return { k: 'undefined', at };
    }
    // Not a member of the project classes: an own field not set yet, or a foreign base's member.
    return self.open ?? { k: 'undefined', at };
  }

  private findMethod(info: ClassInfo, key: string): FunctionValue | undefined {
    for (const c of this.chain(info)) {
      const method = c.methods.get(key);
      if (method) return this.functionOf(method, c.scope);
    }
    return undefined;
  }

  /**
   * `instance.key = value`: a setter of the project classes runs; a foreign base class may read
   * any field. False when the walker should store the value itself.
   */
  assign(target: Value, key: string, value: Value, at: SourceRange): boolean {
    if (target.k !== 'object') return false;
    const instance = this.instances.get(target);
    if (!instance) return false;
    if (instance.foreign && !instance.foreign.known) this.w.escape(value, at, `stored in an instance of ${instance.info.name}, whose base class ${instance.foreign.name} the analysis does not follow`);
    if (target.props.has(key)) return false;
    for (const info of this.chain(instance.info)) {
      const setter = info.setters.get(key);
      if (setter) {
        this.w.callFunction(this.functionOf(setter as unknown as FunctionNode, info.scope), [value], at, target);
        return true;
      }
      if (info.getters.has(key) || info.methods.has(key)) return false;
    }
    return false;
  }

  private functionOf(node: FunctionNode, scope: Scope, name?: string): FunctionValue {
    let fn = this.functions.get(node);
    if (!fn) {
      const key = node.name && !ts.isComputedPropertyName(node.name) ? node.name.getText(scope.module.file.sourceFile) : undefined;
      fn = { k: 'function', node, scope, name: name ?? key, at: this.w.ev.range(node.name ?? node, scope.module) };
      this.functions.set(node, fn);
    }
    return fn;
  }

  /** Fields (`this.x = ...`) assigned anywhere but directly in a constructor body: by methods, callbacks, accessors. */
  private changedByMethods(info: ClassInfo): Set<string> {
    const names = new Set<string>();
    for (const c of this.chain(info)) for (const name of fieldsChangedLater(c.node)) names.add(name);
    return names;
  }
}

const changedCache = new WeakMap<ClassNode, string[]>();

function fieldsChangedLater(node: ClassNode): string[] {
  const cached = changedCache.get(node);
  if (cached) return cached;
  const names = new Set<string>();
  const target = (expr: ts.Expression): void => {
    while (ts.isParenthesizedExpression(expr) || ts.isNonNullExpression(expr)) expr = expr.expression;
    if (ts.isPropertyAccessExpression(expr) && expr.expression.kind === SK.ThisKeyword) names.add(expr.name.text);
    else if (ts.isElementAccessExpression(expr) && expr.expression.kind === SK.ThisKeyword && ts.isStringLiteralLike(expr.argumentExpression)) names.add(expr.argumentExpression.text);
  };
  const visit = (n: ts.Node, later: boolean): void => {
    if (later) {
      if (ts.isBinaryExpression(n) && n.operatorToken.kind >= SK.FirstAssignment && n.operatorToken.kind <= SK.LastAssignment) target(n.left);
      else if ((ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n)) && (n.operator === SK.PlusPlusToken || n.operator === SK.MinusMinusToken)) target(n.operand);
      else if (ts.isDeleteExpression(n)) target(n.expression);
    }
    const nested = later || ts.isFunctionLike(n);
    ts.forEachChild(n, (child) => visit(child, nested));
  };
  for (const member of node.members) {
    if (hasModifier(member, SK.StaticKeyword)) continue;
    if (ts.isConstructorDeclaration(member)) {
      if (member.body) ts.forEachChild(member.body, (child) => visit(child, false));
    } else visit(member, !ts.isPropertyDeclaration(member));
  }
  const result = [...names];
  changedCache.set(node, result);
  return result;
}

/** A member name known without evaluation (identifiers, string and numeric literals, private names). */
function staticKey(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  if (ts.isNumericLiteral(name)) return String(Number(name.text));
  return undefined;
}

function enclosing<T extends ts.Node>(node: ts.Node, is: (n: ts.Node) => n is T): T | undefined {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (is(n)) return n;
    // `super` inside a nested function refers to that function's own home, never an outer one;
    // arrows see the enclosing member's.
    if (ts.isFunctionLike(n) && !ts.isArrowFunction(n) && !(ts.isClassElement(n) && ts.isClassLike(n.parent))) return undefined;
    if (ts.isClassLike(n)) return undefined;
  }
  return undefined;
}
