import * as path from 'node:path';
import { matchesGlobs } from '../documents/pathPatterns';
import type { DocumentContext, DocumentKind } from '../documents/types';
import { analyzeImport, DEFAULT_MAX_BYTES } from './analyze';
import { resolveBasePath } from './base';
import { importDefinition, importHover } from './navigate';
import { looksLikeContextGraphImport } from './sniff';

/** Canopsis context-graph import files: `{"cis": [...], "links": [...]}`. */
export const contextGraphKind: DocumentKind = {
  id: 'context-graph',
  claims(file, text, { root, settings }) {
    if (matchesGlobs(file, root, settings.contextGraphFiles)) return true;
    if (!/\.json$/i.test(file) || path.basename(file) === 'package.json') return false;
    return looksLikeContextGraphImport(text, settings.contextGraphMaxBytes ?? DEFAULT_MAX_BYTES);
  },
  check(file, text, context) {
    return analyzeImport(file, text, options(context)).findings;
  },
  hover(file, text, offset, context) {
    return importHover(analyzeImport(file, text, options(context)), file, text, offset);
  },
  definition(file, text, offset, context) {
    return importDefinition(analyzeImport(file, text, options(context)), offset);
  },
  inputs(_file, { root, settings }) {
    return settings.contextGraphBase ? [resolveBasePath(settings.contextGraphBase, root)] : [];
  },
  discover(settings) {
    // Content-claimed imports elsewhere are found too: every JSON file is offered and the claim decides.
    return [...settings.contextGraphFiles, '**/*.json'];
  },
};

function options(context: DocumentContext) {
  return { root: context.root, settings: context.settings, host: context.host };
}
