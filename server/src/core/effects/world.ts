import { constProp, unknown, type BuiltinValue, type ObjectValue, type Prop, type Value } from '../evaluator/values';

/** The jobState API (core/src/types/jobState.ts); any other member is unknown. */
export const JOB_STATE_METHODS = [
  'addEntity', 'addEntities', 'addRelationship', 'addRelationships', 'findEntity', 'hasKey', 'iterateEntities',
  'iterateRelationships', 'setData', 'getData', 'deleteData', 'flush', 'waitUntilUploadsComplete',
] as const;

/** Methods that add graph objects or store data: called on a value the analysis does not know, they may be jobState's. */
export const ADD_METHODS = new Set(['addEntity', 'addEntities', 'addRelationship', 'addRelationships', 'setData']);

/** IntegrationLogger members: they log, publish events and metrics, and never touch the job state. */
const LOGGER_METHODS = [
  'trace', 'debug', 'info', 'warn', 'error', 'fatal', 'child', 'isHandledError', 'stepStart', 'stepSuccess',
  'stepFailure', 'synchronizationUploadStart', 'synchronizationUploadEnd', 'validationFailure', 'publishMetric',
  'publishEvent', 'publishInfoEvent', 'publishWarnEvent', 'publishErrorEvent', 'on', 'once', 'emit', 'flush',
];

export const JOB_STATE_PREFIX = '#jobState.';
export const LOGGER_PREFIX = '#logger.';

/**
 * The method properties by prefix, built once and shared by every world: nothing changes them (the walker
 * only changes objects it made), and each world still gets its own object, whose identity the analysis follows.
 */
const methodProps = new Map<string, Map<string, Prop>>();

function methodsObject(prefix: string, names: readonly string[], open: string): ObjectValue {
  let props = methodProps.get(prefix);
  if (!props) {
    props = new Map<string, Prop>();
    for (const name of names) props.set(name, constProp({ k: 'builtin', name: `${prefix}${name}` } satisfies BuiltinValue));
    methodProps.set(prefix, props);
  }
  return { k: 'object', props, open: unknown(open) };
}

/**
 * What a step's executionHandler receives: `context` with `jobState`, `logger`, `instance.config` and
 * run-time facts. Identities matter: the analysis recognises these objects wherever they flow.
 */
export interface HandlerWorld {
  context: ObjectValue;
  jobState: ObjectValue;
  logger: ObjectValue;
  instance: ObjectValue;
  config: ObjectValue;
}

export function createWorld(): HandlerWorld {
  const jobState = methodsObject(JOB_STATE_PREFIX, JOB_STATE_METHODS, 'a jobState member outside the documented API');
  const logger = methodsObject(LOGGER_PREFIX, LOGGER_METHODS, 'a logger member the analysis does not model');
  const config: ObjectValue = { k: 'object', props: new Map(), open: unknown('an instance config value is only known at run time') };
  // Maps filled with set(): new Map([[k, v], ...]) goes through the iteration protocol, per step.
  const instanceProps = new Map<string, Prop>();
  instanceProps.set('config', constProp(config));
  const instance: ObjectValue = { k: 'object', props: instanceProps, open: unknown('an integration instance property is only known at run time') };
  const contextProps = new Map<string, Prop>();
  contextProps.set('jobState', constProp(jobState));
  contextProps.set('logger', constProp(logger));
  contextProps.set('instance', constProp(instance));
  const context: ObjectValue = { k: 'object', props: contextProps, open: unknown('an execution context property is only known at run time') };
  return { context, jobState, logger, instance, config };
}

/** Whether `value` hands out the job state: jobState itself, the context holding it, or one of its methods. */
export function isJobStateCapability(world: HandlerWorld, value: Value): boolean {
  if (value === world.jobState || value === world.context) return true;
  return value.k === 'builtin' && value.name.startsWith(JOB_STATE_PREFIX);
}

/** Whether `value` hands out the instance config. */
export function isConfigCapability(world: HandlerWorld, value: Value): boolean {
  return value === world.config || value === world.instance || value === world.context;
}
