import { bundledDataModel, projectDataModel, type DataModelView } from '../dataModel';
import type { QueryFacts } from '../queries/types';
import type { RuleContext } from './types';

const views = new WeakMap<RuleContext, DataModelView>();

/** The data model the project's SDK uses, loaded once per rule run and shared by the rules that need it. */
export function dataModelOf(context: RuleContext): DataModelView {
  let view = views.get(context);
  if (!view) {
    view = context.dataModelSource === 'bundled' ? bundledDataModel() : projectDataModel(context.model.projectPath, context.host);
    views.set(context, view);
  }
  return view;
}

/** What the editor queries and document kinds need of a rule run: its handler effects and its data model. */
export function queryFactsOf(context: RuleContext): QueryFacts {
  return { effects: (step) => context.effects(step), dataModel: dataModelOf(context) };
}
