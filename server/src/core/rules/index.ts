import { analyzeStepEffects, type StepEffects } from '../effects';
import { startStateReturns, type StartStateReturn } from '../effects/startStates';
import type { IntegrationAnalysis } from '../model/buildModel';
import type { Problem, StepModel } from '../model/types';
import type { FileHost } from '../project/fileHost';
import type { ParsedFile } from '../project/sourceFile';
import { crossGraphDependency } from './crossGraphDependency';
import { dependencyCycle } from './dependencyCycle';
import { duplicateStepId } from './duplicateStepId';
import { startStates } from './startStates';
import { EffectsCache } from './effectsCache';
import type { Finding, Rule, RuleContext } from './types';
import { unknownDependency } from './unknownDependency';
import { unknownIngestionSource } from './unknownIngestionSource';
import { unknownEntityClass } from './unknownEntityClass';
import { missingRequiredProperty } from './missingRequiredProperty';
import { unknownRelationshipClass } from './unknownRelationshipClass';
import { relationshipTypeMismatch } from './relationshipTypeMismatch';
import { undeclaredConfigField } from './undeclaredConfigField';
import { unusedConfigField } from './unusedConfigField';
import { unmaskedSecretField } from './unmaskedSecretField';
import { envVariables } from './envVariables';
import { undeclaredType } from './undeclaredType';
import { unusedDeclaredType } from './unusedDeclaredType';
import { missingDataDependency } from './missingDataDependency';

export type { Finding, Fix, RelatedLocation, Rule, Severity, TextEdit } from './types';
export { EffectsCache } from './effectsCache';

export const ALL_RULES: readonly Rule[] = [
  duplicateStepId,
  unknownDependency,
  dependencyCycle,
  crossGraphDependency,
  startStates,
  unknownIngestionSource,
  unknownEntityClass,
  missingRequiredProperty,
  unknownRelationshipClass,
  relationshipTypeMismatch,
  undeclaredConfigField,
  unusedConfigField,
  unmaskedSecretField,
  envVariables,
  undeclaredType,
  unusedDeclaredType,
  missingDataDependency,
];

/** The context rules read, with the expensive facts (handler effects) computed once, on demand. */
export function createRuleContext(
  analysis: IntegrationAnalysis,
  host: FileHost,
  options: { dataModelSource?: 'project' | 'bundled'; effectsCache?: EffectsCache } = {},
): RuleContext {
  const effects = new Map<StepModel, StepEffects>();
  // Rules read the same files' text hundreds of times (every _class value's literal), and some need their
  // syntax; each read would stat the file for its version. A context serves one analysis: the first read
  // of a file is kept, and its tree is the evaluator's (never parsed again).
  const files = new Map<string, ParsedFile | undefined>();
  const parsed = (file: string): ParsedFile | undefined => {
    if (!files.has(file)) files.set(file, analysis.evaluator.parse(file));
    return files.get(file);
  };
  let starts: StartStateReturn[] | undefined | null = null;
  return {
    model: analysis.model,
    host,
    dataModelSource: options.dataModelSource,
    text: (file) => parsed(file)?.text ?? host.readFile(file),
    sourceFile: (file) => parsed(file)?.sourceFile,
    effects(step) {
      let result = effects.get(step);
      if (!result) {
        const handler = analysis.handlerOf(step);
        result =
          handler && options.effectsCache
            ? options.effectsCache.get(handler, analysis.evaluator, (reads) => analyzeStepEffects(analysis.evaluator, handler, step.range, reads))
            : analyzeStepEffects(analysis.evaluator, handler, step.range);
        effects.set(step, result);
      }
      return result;
    },
    startStates() {
      if (starts === null) {
        const fn = analysis.hookOf('getStepStartStates');
        starts = fn ? startStateReturns(analysis.evaluator, fn) : undefined;
      }
      return starts;
    },
  };
}

/** Problems that limited the analysis, as findings: a syntax error is an error in the project. */
export function problemFindings(problems: Problem[]): Finding[] {
  return problems
    .filter((p) => p.range)
    .map((p) => ({ code: p.code, severity: p.severity, range: p.range!, message: p.message }));
}

/** Runs every rule; findings sorted by file and position. A rule that throws is reported, never fatal. */
export function runRules(
  analysis: IntegrationAnalysis,
  host: FileHost,
  rules: readonly Rule[] = ALL_RULES,
  // The language server passes its own context so editor queries reuse the effects the rules computed.
  context: RuleContext = createRuleContext(analysis, host),
): Finding[] {
  const findings: Finding[] = [...problemFindings(analysis.model.problems)];
  for (const rule of rules) {
    try {
      findings.push(...rule.run(context));
    } catch (error) {
      findings.push({
        code: 'internal-error',
        severity: 'warning',
        range: analysis.model.invocationConfig,
        message: `Integration Lens could not run the rule for ${rule.codes.join(', ')}: ${(error as Error).message}. Please report this.`,
      });
    }
  }
  return findings.sort((a, b) => (a.range.file < b.range.file ? -1 : a.range.file > b.range.file ? 1 : a.range.start - b.range.start || a.code.localeCompare(b.code)));
}
