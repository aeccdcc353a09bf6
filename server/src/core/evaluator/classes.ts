import { ts } from '../project/ts';
import type { Evaluator } from './evaluator';
import { accessorProp } from './expressions';
import { functionValue, hasModifier } from './functions';
import { Scope } from './scope';
import { str, unknown, type ObjectValue, type Prop, type Value } from './values';

/** SyntaxKind read once: each `ts.SyntaxKind` access goes through a module getter. */
const SK = ts.SyntaxKind;

export type ClassNode = ts.ClassDeclaration | ts.ClassExpression;

/** Where a class value was declared: the handler analysis builds its instances from the declaration. */
export interface ClassDeclaration {
  node: ClassNode;
  /** The scope of the class body: the class name is bound to the class in it. */
  scope: Scope;
}

const declarations = new WeakMap<ObjectValue, ClassDeclaration>();

/** The declaration of a class value the evaluator built from project source (never a package's class). */
export function classDeclarationOf(value: Value): ClassDeclaration | undefined {
  return value.k === 'object' && value.className !== undefined ? declarations.get(value) : undefined;
}

/**
 * A class as the constructor object its static members live on (`Steps.USERS`, `Entities.get()`):
 * static fields are evaluated in order when the class is first read, as class definition does, with
 * `this` and the class name bound to the class. Instances (`new X()`) are not evaluated.
 */
export function classValue(ev: Evaluator, node: ClassNode, outer: Scope): Value {
  const record = outer.module;
  const name = node.name?.text ?? inferredName(node);
  const at = ev.range(node.name ?? node, record);
  const label = `class ${name ?? '(anonymous)'}`;
  if (node.members.some((m) => ts.isClassStaticBlockDeclaration(m))) {
    return unknown(`${label} has a static block: its static members are not evaluated statically`, at);
  }
  const props = new Map<string, Prop>();
  const cls: ObjectValue = { k: 'object', props, className: name ?? '', at };
  const hidden = (value: Value): Prop => ({ get: () => value, enumerable: false });
  props.set('length', hidden(unknown(`the length of ${label}`, at)));
  props.set('name', hidden(str(name ?? '', at)));
  props.set('prototype', hidden(unknown(`the prototype of ${label} is not modelled`, at)));
  if (node.heritageClauses?.some((h) => h.token === SK.ExtendsKeyword)) {
    cls.open = unknown(`${label} extends another class: inherited static members are not modelled`, at);
  }
  // Inside the class body the class name is bound to the class itself.
  const scope = new Scope(outer, record);
  if (node.name) scope.define(node.name.text, cls);
  declarations.set(cls, { node, scope });
  const init = new Scope(scope, record);
  init.define('this', cls);

  for (const member of node.members) {
    if (!hasModifier(member, SK.StaticKeyword) || !member.name) continue;
    if (ts.isPrivateIdentifier(member.name)) continue;
    const key = memberKey(ev, member.name, init);
    if (key === undefined) {
      cls.open ??= unknown(`${label} has a static member with a computed name known only at run time`, ev.range(member.name, record));
      continue;
    }
    const keyAt = ev.range(member.name, record);
    if (ts.isPropertyDeclaration(member)) {
      if (hasModifier(member, SK.DeclareKeyword)) continue;
      const initializer = member.initializer;
      // Evaluated now, in order: a field read by an earlier initializer is still undefined, as in JavaScript.
      const value: Value = initializer
        ? ev.evaluate(initializer, init)
        : unknown(`static ${key} of ${label} has no initializer: whether it exists depends on the compiler settings`, keyAt);
      props.set(key, { keyAt, valueAt: initializer ? ev.range(initializer, record) : keyAt, get: () => value });
    } else if (ts.isMethodDeclaration(member)) {
      const fn = functionValue(ev, member, scope, record);
      props.set(key, { keyAt, valueAt: ev.range(member, record), get: () => fn, enumerable: false });
    } else if (ts.isGetAccessorDeclaration(member)) {
      props.set(key, accessorProp(ev, member, scope, cls, false));
    } else if (ts.isSetAccessorDeclaration(member)) {
      if (props.get(key)?.accessor) continue;
      const value = unknown(`static ${key} of ${label} has only a setter`, keyAt);
      props.set(key, { keyAt, get: () => value, enumerable: false });
    }
  }
  return cls;
}

function memberKey(ev: Evaluator, name: ts.PropertyName, scope: Scope): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  if (ts.isNumericLiteral(name)) return String(Number(name.text));
  if (ts.isComputedPropertyName(name)) {
    const key = ev.evaluate(name.expression, scope);
    if (key.k === 'string' || key.k === 'number' || key.k === 'boolean') return String(key.v);
  }
  return undefined;
}

function inferredName(node: ClassNode): string | undefined {
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  return undefined;
}
