export { contextGraphKind } from './kind';
export { analyzeImport, DEFAULT_MAX_BYTES, type ImportAnalysis } from './analyze';
export { previewOf, type ContextGraphPreview } from './preview';
export { looksLikeContextGraphImport } from './sniff';
export { parseBaseGraph, loadBaseGraph } from './base';
export type { ImportStats, ResultEntity, EntityStatus } from './types';
