import { spreadInto } from '../evaluator/expressions';
import { ENTITY_METADATA_SLOT } from '../evaluator/builtins/integrationHelpers';
import { unknown, type BuiltinValue, type ObjectValue, type Value } from '../evaluator/values';
import type { SourceRange } from '../model/types';
import { mapChoices, plain } from './abstract';
import { arrayCallbackMethod, ARRAY_CALLBACK_METHODS } from './arrayCalls';
import { jobStateCall } from './jobStateCalls';
import { MUTATING_METHODS } from '../project/writeSites';
import { sdkCall, SDK_GRAPH_FUNCTIONS } from './sdkCalls';
import type { Walker } from './walker';
import { JOB_STATE_PREFIX, LOGGER_PREFIX } from './world';

const SDK_PREFIX = '@jupiterone/integration-sdk-core.';

/** Builtins whose result is a new list or object (the walker may then change it). */
const FRESH_RESULTS = new Set([
  'Array.prototype.concat', 'Array.prototype.slice', 'Array.prototype.flat', 'Array.prototype.keys', 'Object.values',
  'Object.keys', 'Object.entries', 'Object.fromEntries', 'String.prototype.split',
]);

/** A call of a builtin: the job state, the logger, SDK functions, list methods with callbacks, the evaluator's builtins. */
export function callBuiltin(w: Walker, fn: BuiltinValue, args: Value[], at: SourceRange, self?: Value, method?: string): Value {
  const name = fn.name;
  if (name.startsWith(JOB_STATE_PREFIX)) return jobStateCall(w, name.slice(JOB_STATE_PREFIX.length), args, at);
  if (name.startsWith(LOGGER_PREFIX)) return name === `${LOGGER_PREFIX}child` ? w.world.logger : { k: 'undefined', at };
  if (name.startsWith('#Promise.')) {
    const kind = name.slice('#Promise.'.length);
    if (kind === 'all' || kind === 'resolve') return args[0] ?? { k: 'undefined', at };
    for (const arg of args) w.escape(arg, at, `passed to Promise.${kind}`);
    return unknown(`the result of Promise.${kind}`, at);
  }
  if (name.startsWith(SDK_PREFIX) && SDK_GRAPH_FUNCTIONS.has(name.slice(SDK_PREFIX.length))) {
    return sdkCall(w, name.slice(SDK_PREFIX.length), args, at);
  }
  const metadata = name === 'createEntityData' ? fn.props?.get(ENTITY_METADATA_SLOT) : undefined;
  if (metadata?.k === 'object') return entityData(w, metadata, args[0], at);
  const array = self?.k === 'array' ? self : undefined;
  if (array && method && ARRAY_CALLBACK_METHODS.has(method)) return arrayCallbackMethod(w, array, method, args, at);
  if (args.some((a) => a.k === 'function')) {
    // A builtin that calls back (sort, replace with a function): the callbacks run with unknown arguments.
    for (const arg of args) w.escape(arg, at, `passed to ${name}`);
    return unknown(`the result of ${name} with a callback`, at);
  }
  if (method && MUTATING_METHODS.has(method) && self && !w.isOwn(self)) {
    // A list or map the evaluator built (a module constant): changing it would change the model.
    for (const arg of args) w.escape(arg, at, `stored into a value outside the handler`);
    return unknown(`'${method}' on a value outside the handler`, at);
  }
  if (name === 'Object.assign') {
    const [target, ...sources] = args;
    if (!target || !w.isOwn(target)) {
      for (const arg of args) w.escape(arg, at, 'passed to Object.assign');
      return unknown('Object.assign on a value outside the handler', at);
    }
    for (const source of sources) {
      if (source === w.world.config || source === w.world.instance) w.sink.configGap('the instance config is copied with Object.assign', at);
    }
    // A source that differs between paths may set any property: the target becomes open.
    w.changed(target);
    return w.ev.call(fn, [target, ...sources.map(plain)], at);
  }
  for (const arg of args) {
    if (arg === w.world.config || arg === w.world.instance || arg === w.world.context) w.sink.configGap(`the instance config is passed to ${name}`, at);
  }
  // Mutating builtins keep choices as elements (a pushed choice is one element); the others see each alternative.
  if (method && MUTATING_METHODS.has(method) && self) w.changed(self);
  const result =
    method && MUTATING_METHODS.has(method)
      ? w.ev.call(fn, args, at, self)
      : mapChoices(args, (picked) => w.ev.call(fn, picked.map(plain), at, self && plain(self)), `the result of ${name} on values that differ between paths`, at);
  if (FRESH_RESULTS.has(name) && (result.k === 'array' || result.k === 'object')) w.own(result);
  return result;
}

/**
 * `createEntityData(data)` of createIntegrationHelpers' createEntityMetadata: `{ ...data, _class, _type }`
 * with the metadata's class and type (core/src/data/createIntegrationHelpers.ts).
 */
function entityData(w: Walker, metadata: ObjectValue, data: Value | undefined, at: SourceRange): Value {
  const result = w.own<ObjectValue>({ k: 'object', props: new Map(), at });
  if (data) spreadInto(result, plain(data), at);
  for (const key of ['_class', '_type']) {
    const prop = metadata.props.get(key);
    if (prop) result.props.set(key, prop);
    else result.props.delete(key);
  }
  return result;
}
