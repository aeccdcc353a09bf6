import * as path from 'node:path';
import { analyzeIntegration, createRuleContext, type Finding, type Rule } from '../../../server/src/core';
import type { StepEffects } from '../../../server/src/core/effects/types';
import type { SourceRange } from '../../../server/src/core/model/types';
import type { RuleContext } from '../../../server/src/core/rules/types';
import { memoryHost } from './memoryHost';
import { ROOT } from './checkProject';

export { ROOT };

/** Effects with nothing in them and nothing missing, overridden by `partial`. */
export function effects(partial: Partial<StepEffects> = {}): StepEffects {
  return {
    entities: [],
    relationships: [],
    reads: [],
    configReads: [],
    complete: true,
    gaps: [],
    dataWrites: [],
    configComplete: true,
    ...partial,
  } as StepEffects;
}

/**
 * A rule context over an in-memory project whose handler effects are given by step id, so rules
 * that consume effects are tested without the handler analysis. Steps not listed get `fallback`.
 */
export function contextWith(files: Record<string, string>, byStep: Record<string, StepEffects> = {}, fallback: StepEffects = effects()): RuleContext {
  const host = memoryHost(ROOT, files);
  const analysis = analyzeIntegration({ projectPath: ROOT, host });
  if ('kind' in analysis) throw new Error(analysis.message);
  const base = createRuleContext(analysis, host);
  return {
    model: base.model,
    host: base.host,
    text: base.text,
    sourceFile: base.sourceFile,
    startStates: () => base.startStates(),
    effects: (step) => (step.id.kind === 'known' && byStep[step.id.value]) || fallback,
  };
}

/** Findings of one rule (and one code) over such a context. */
export function run(rule: Rule, context: RuleContext, code?: string): Finding[] {
  return rule.run(context).filter((f) => !code || f.code === code);
}

/** The range of the `occurrence`-th `snippet` in `file` of the in-memory project. */
export function at(files: Record<string, string>, file: string, snippet: string, occurrence = 1): SourceRange {
  const text = files[file];
  let start = -1;
  for (let i = 0; i < occurrence; i++) {
    start = text.indexOf(snippet, start + 1);
    if (start < 0) throw new Error(`"${snippet}" (#${occurrence}) not in ${file}`);
  }
  return { file: path.join(ROOT, file), start, end: start + snippet.length };
}
