import { BudgetExceeded, type Evaluator } from '../evaluator/evaluator';
import type { FunctionValue } from '../evaluator/values';
import type { SourceRange } from '../model/types';
import { ProvenanceTable } from './provenance';
import type { ModuleReadLog } from './moduleReads';
import { EffectSink } from './sink';
import type { StepEffects } from './types';
import { Walker, WalkBudgetExceeded } from './walker';
import { createWorld } from './world';

export type { StepEffects } from './types';
export { resolveIntegrationEffects, type IntegrationEffects } from './dataFlow';

/**
 * What a step's executionHandler can do: the graph objects it can add (with the `_type` the SDK
 * would record), the types and data it reads, the config fields it reads. The handler is walked
 * with a model of its context; calls into project functions are followed with their argument values
 * (per step: a helper shared by steps adds types for whichever step calls it). With `reads`, the module
 * bindings the walk reads are logged there, so that its effects can be kept across analyses (EffectsCache).
 */
export function analyzeStepEffects(ev: Evaluator, handler: FunctionValue | undefined, at: SourceRange, reads?: ModuleReadLog): StepEffects {
  const provenance = new ProvenanceTable();
  const sink = new EffectSink(provenance);
  if (!handler) {
    sink.gap('the executionHandler is not a function the analysis can read', at);
    sink.configGap('no handler', at);
    return sink.result();
  }
  const world = createWorld();
  const walker = new Walker(ev, sink, provenance, world, reads);
  try {
    walker.callFunction(handler, [world.context], handler.at ?? at);
  } catch (error) {
    if (error instanceof WalkBudgetExceeded || error instanceof BudgetExceeded) {
      sink.gap(error.message, handler.at ?? at);
      sink.configGap(error.message, handler.at ?? at);
    } else if (error instanceof RangeError && /call stack/i.test(error.message)) {
      sink.gap('the handler nests too deeply to analyse', handler.at ?? at);
      sink.configGap('the handler nests too deeply to analyse', handler.at ?? at);
    } else throw error;
  }
  return sink.result();
}
