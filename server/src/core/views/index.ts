export * from './graphData';
export { stepsView, type StepsView, type StepView, type DeclaredEntity, type DeclaredRelationship } from './stepsView';
export { typesGraph } from './typesGraph';
export { stepGraph } from './stepGraph';
export { collectedGraphData } from './collectedGraph';
