import { resolveIntegrationEffects, type IntegrationEffects } from '../effects/dataFlow';
import type { RuleContext } from './types';

const memo = new WeakMap<RuleContext, IntegrationEffects>();

/** Every step's effects resolved across steps, computed once per rule context (the rules of one run share it). */
export function integrationEffects(context: RuleContext): IntegrationEffects {
  let result = memo.get(context);
  if (!result) {
    result = resolveIntegrationEffects(context.model, (step) => context.effects(step));
    memo.set(context, result);
  }
  return result;
}
