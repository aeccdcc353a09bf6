import { ts } from '../project/ts';
import type { Evaluator } from './evaluator';
import type { ModuleRecord } from './moduleRecord';
import { Scope } from './scope';
import { constProp, num, unknown, type ObjectValue, type Prop, type Value } from './values';

/** An enum as the object TypeScript emits (numeric members also map back from value to name). */
export function enumValue(ev: Evaluator, declaration: ts.EnumDeclaration, record: ModuleRecord, outer: Scope): Value {
  const props = new Map<string, Prop>();
  const at = ev.range(declaration, record);
  // Members may refer to earlier members by bare name.
  const scope = new Scope(outer, record);
  let next: number | undefined = 0;
  for (const member of declaration.members) {
    const name = ts.isIdentifier(member.name) || ts.isStringLiteral(member.name) ? member.name.text : undefined;
    if (name === undefined) continue;
    const keyAt = ev.range(member.name, record);
    let value: Value;
    if (member.initializer) {
      value = ev.evaluate(member.initializer, scope);
      next = value.k === 'number' ? value.v + 1 : undefined;
    } else if (next !== undefined) {
      value = num(next, keyAt);
      next += 1;
    } else {
      value = unknown(`enum member ${name} follows a member whose value is not known`, keyAt);
    }
    props.set(name, constProp(value, keyAt, member.initializer ? ev.range(member.initializer, record) : keyAt));
    scope.define(name, value);
    if (value.k === 'number') props.set(String(value.v), constProp({ k: 'string', v: name, at: keyAt }, keyAt));
  }
  const result: ObjectValue = { k: 'object', props, at };
  return result;
}
