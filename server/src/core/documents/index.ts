export * from './types';
export { DOCUMENT_KINDS, documentKindOf } from './registry';
export { matchesGlobs } from './pathPatterns';
