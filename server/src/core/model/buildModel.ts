import * as path from 'node:path';
import { BudgetExceeded, Evaluator } from '../evaluator/evaluator';
import type { FunctionValue, ObjectValue, Value } from '../evaluator/values';
import { diskFileHost, type FileHost } from '../project/fileHost';
import type { ParseCache } from '../project/sourceFile';
import { Converter } from './convert';
import { ENTRY_CANDIDATES, entryCandidates } from './findEntry';
import { dependsOnSdk } from './sdkDependency';
import { convertStep } from './convertStep';
import type {
  ConfigFieldModel,
  IngestionSourceModel,
  IntegrationModel,
  InvocationHooks,
  ListModel,
  ModelLoadFailure,
  SourceRange,
  StepModel,
} from './types';

export interface BuildModelOptions {
  projectPath: string;
  /** An explicit module exporting `invocationConfig`, relative to the project path. */
  module?: string;
  host?: FileHost;
  cache?: ParseCache;
  budget?: number;
  /** An evaluator kept from an earlier analysis (the language server): unchanged modules keep their values. */
  evaluator?: Evaluator;
  /**
   * Parse the files the entry module reaches before evaluating (Evaluator.parseAhead): for a one-shot
   * analysis of the whole project (the CLI). The language server leaves it off: it parses on demand, so
   * that the model (and its first diagnostics) does not wait for files only the handlers' effects read.
   */
  parseAhead?: boolean;
}

const HOOKS: Array<keyof InvocationHooks> = [
  'getStepStartStates',
  'validateInvocation',
  'loadExecutionConfig',
  'beforeAddEntity',
  'beforeAddRelationship',
  'executionHandlerWrapper',
];

/** The model plus what analyses of handler bodies need: the evaluator and each step's handler value. */
export interface IntegrationAnalysis {
  model: IntegrationModel;
  evaluator: Evaluator;
  handlerOf(step: StepModel): FunctionValue | undefined;
  hookOf(name: keyof InvocationHooks): FunctionValue | undefined;
}

/** Builds the static model of the integration at `projectPath` without running any of its code. */
export function buildModel(options: BuildModelOptions): IntegrationModel | ModelLoadFailure {
  const analysis = analyzeIntegration(options);
  return 'kind' in analysis ? analysis : analysis.model;
}

/** Like buildModel, keeping the evaluator for further analyses (rules over handler bodies). */
export function analyzeIntegration(options: BuildModelOptions): IntegrationAnalysis | ModelLoadFailure {
  const host = options.host ?? diskFileHost;
  const projectPath = path.resolve(options.projectPath);
  if (!host.directoryExists(projectPath)) {
    return { kind: 'load-failure', message: `Project directory not found: ${projectPath}`, problems: [] };
  }
  const candidates = entryCandidates(projectPath, host, options.module);
  if (candidates.length === 0) {
    const looked = options.module ? [options.module] : ENTRY_CANDIDATES;
    return {
      kind: 'load-failure',
      message: `No integration found in ${projectPath}: none of ${looked.join(', ')} exists. Pass the module that exports "invocationConfig" with -m.`,
      problems: [],
    };
  }
  const ev = options.evaluator ?? new Evaluator({ host, cache: options.cache, budget: options.budget });
  ev.beginAnalysis();
  try {
    for (const entryFile of candidates) {
      if (options.parseAhead) ev.parseAhead(entryFile);
      const record = ev.module(entryFile);
      if (!record) continue;
      const hasExport = ev.exportNames(record).has('invocationConfig');
      if (!hasExport && entryFile !== candidates[candidates.length - 1]) continue;
      const at: SourceRange = { file: entryFile, start: 0, end: 0 };
      if (!hasExport) {
        return {
          kind: 'load-failure',
          message:
            `${path.relative(projectPath, entryFile)} does not export "invocationConfig". Ensure "invocationConfig" is exported from the integration's entry module.` +
            (dependsOnSdk(projectPath, host) === false
              ? ` The package.json there does not depend on any @jupiterone/integration-sdk-* package either: is ${projectPath} an integration?`
              : ''),
          range: at,
          problems: ev.problems,
        };
      }
      const config = ev.exportOf(record, 'invocationConfig', at);
      return modelFromConfig(ev, projectPath, entryFile, config, at);
    }
  } catch (error) {
    if (error instanceof BudgetExceeded) {
      return { kind: 'load-failure', message: 'The analysis stopped: the integration needs more evaluation than the budget allows.', problems: ev.problems };
    }
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      // Expressions nested thousands deep (generated code) exceed the stack of a recursive evaluator.
      return { kind: 'load-failure', message: 'The analysis stopped: an expression is nested too deeply to evaluate.', problems: ev.problems };
    }
    throw error;
  }
  return { kind: 'load-failure', message: `Cannot read ${candidates[0]}`, problems: ev.problems };
}

function modelFromConfig(ev: Evaluator, projectPath: string, entryFile: string, config: Value, at: SourceRange): IntegrationAnalysis | ModelLoadFailure {
  const convert = new Converter();
  if (config.k !== 'object') {
    const reason = config.k === 'unknown' ? config.reason : `it is not an object`;
    return {
      kind: 'load-failure',
      message: `"invocationConfig" in ${path.relative(projectPath, entryFile)} cannot be analysed: ${reason}`,
      range: config.at ?? at,
      problems: ev.problems,
    };
  }
  const configAt = config.at ?? at;
  const prop = (name: string) => config.props.get(name) ?? (config.open ? { get: () => config.open as Value } : undefined);
  const stepsProp = prop('integrationSteps');
  const stepsAt = stepsProp?.valueAt ?? configAt;
  const steps = convert.list(stepsProp?.get(), stepsAt, (value, itemAt) => convertStep(convert, value, itemAt));

  const hooks: InvocationHooks = {};
  for (const hook of HOOKS) {
    const hookProp = config.props.get(hook);
    if (!hookProp) continue;
    const value = hookProp.get();
    if (value.k === 'undefined') continue;
    hooks[hook] = convert.functionRef(value, hookProp.valueAt ?? configAt);
    if (value.k === 'function') convert.hooks.set(hook, value);
  }

  const model: IntegrationModel = {
    projectPath,
    entryFile,
    invocationConfig: configAt,
    steps,
    hooks,
    unresolved: convert.unresolved,
    problems: ev.problems,
    files: ev.files,
  };
  const fieldsProp = config.props.get('instanceConfigFields');
  if (fieldsProp) model.instanceConfigFields = configFields(convert, fieldsProp.get(), fieldsProp.valueAt ?? configAt);
  const ingestionProp = config.props.get('ingestionConfig');
  if (ingestionProp) model.ingestionConfig = ingestionSources(convert, ingestionProp.get(), ingestionProp.valueAt ?? configAt);
  return { model, evaluator: ev, handlerOf: (step) => convert.handlers.get(step), hookOf: (name) => convert.hooks.get(name) };
}

function objectEntries<T>(
  convert: Converter,
  value: Value,
  use: SourceRange,
  entry: (name: string, object: ObjectValue, keyAt: SourceRange) => T,
): ListModel<T> {
  if (value.k === 'unknown') return { items: [], complete: false, unknowns: [convert.unknownOf(value, use)], range: use };
  if (value.k !== 'object') return { items: [], complete: false, unknowns: [convert.problem('expected an object', value.at ?? use)], range: use };
  const list: ListModel<T> = { items: [], complete: !value.open, unknowns: [], range: use };
  if (value.open) list.unknowns.push(convert.unknownOf(value.open, use));
  for (const [name, prop] of value.props) {
    const inner = prop.get();
    const keyAt = prop.keyAt ?? prop.valueAt ?? use;
    if (inner.k === 'object') list.items.push(entry(name, inner, keyAt));
    else if (inner.k === 'unknown') {
      list.complete = false;
      list.unknowns.push(convert.unknownOf(inner, keyAt));
    }
  }
  return list;
}

function configFields(convert: Converter, value: Value, use: SourceRange): ListModel<ConfigFieldModel> {
  return objectEntries(convert, value, use, (name, object, keyAt) => {
    const field: ConfigFieldModel = { name, range: keyAt };
    const type = convert.optional(object.props.get('type'), keyAt, (v, u) => convert.string(v, u, 'type'));
    const mask = convert.optional(object.props.get('mask'), keyAt, (v, u) => convert.boolean(v, u, 'mask'));
    const optional = convert.optional(object.props.get('optional'), keyAt, (v, u) => convert.boolean(v, u, 'optional'));
    if (type) field.type = type;
    if (mask) field.mask = mask;
    if (optional) field.optional = optional;
    return field;
  });
}

function ingestionSources(convert: Converter, value: Value, use: SourceRange): ListModel<IngestionSourceModel> {
  return objectEntries(convert, value, use, (id, object, keyAt) => {
    const source: IngestionSourceModel = { id, range: keyAt };
    const str = (key: 'title' | 'description') => convert.optional(object.props.get(key), keyAt, (v, u) => convert.string(v, u, key));
    const flag = (key: 'defaultsToDisabled' | 'cannotBeDisabled') =>
      convert.optional(object.props.get(key), keyAt, (v, u) => convert.boolean(v, u, key));
    const title = str('title');
    const description = str('description');
    const defaultsToDisabled = flag('defaultsToDisabled');
    const cannotBeDisabled = flag('cannotBeDisabled');
    if (title) source.title = title;
    if (description) source.description = description;
    if (defaultsToDisabled) source.defaultsToDisabled = defaultsToDisabled;
    if (cannotBeDisabled) source.cannotBeDisabled = cannotBeDisabled;
    return source;
  });
}
