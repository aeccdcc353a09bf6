export * from './model/types';
export type { FileHost } from './project/fileHost';
export { diskFileHost } from './project/fileHost';
export { ParseCache } from './project/sourceFile';
export { buildModel, type BuildModelOptions } from './model/buildModel';
export { docStepsOf } from './model/docSteps';
export { LineIndex } from './text/lineIndex';
export * from './document';
