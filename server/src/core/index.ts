export * from './model/types';
export type { FileHost } from './project/fileHost';
export { diskFileHost } from './project/fileHost';
export { snapshotFileHost } from './project/snapshotHost';
export { ParseCache } from './project/sourceFile';
export { analyzeIntegration, buildModel, type BuildModelOptions, type IntegrationAnalysis } from './model/buildModel';
export * from './rules';
export { docStepsOf } from './model/docSteps';
export { LineIndex } from './text/lineIndex';
export * from './document';
export { Evaluator } from './evaluator/evaluator';
export * from './queries';
export * from './documents';
export * from './contextGraph';
// Collected data (.j1-integration) and the plain-data views, namespaced: their names are generic.
export * as collected from './collected';
export * as views from './views';
export { bundledDataModel } from './dataModel';
