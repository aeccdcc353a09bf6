import type { Evaluator } from '../evaluator/evaluator';
import type { FunctionValue } from '../evaluator/values';
import type { SourceRange } from '../model/types';
import type { StepEffects } from './types';

export type { StepEffects } from './types';

/**
 * What a handler can do. Until the handler analysis lands, nothing is claimed: the effects are
 * empty and incomplete, so every rule that depends on them stays silent.
 */
export function analyzeStepEffects(_ev: Evaluator, handler: FunctionValue | undefined, at: SourceRange): StepEffects {
  return {
    entities: [],
    relationships: [],
    reads: [],
    configReads: [],
    complete: false,
    gaps: [{ reason: handler ? 'handler analysis not available' : 'no handler function', range: at }],
  };
}
