// The preview of a context-graph import for the client's webview: the core simulates, this only finds the document.
import { analyzeImport, previewOf } from '../core';
import type { DocumentKindService } from './documentKinds';
import { pathOf } from './overlayHost';
import { ContextGraphPreviewRequest, type ContextGraphPreviewParams, type ContextGraphPreviewResult } from './protocol';

interface RequestConnection {
  onRequest(method: string, handler: (params: ContextGraphPreviewParams) => ContextGraphPreviewResult): unknown;
}

export function registerContextGraphPreview(connection: RequestConnection, kinds: DocumentKindService): void {
  connection.onRequest(ContextGraphPreviewRequest.method, ({ uri }): ContextGraphPreviewResult => {
    const file = pathOf(uri);
    const owned = file ? kinds.kindOf(file) : undefined;
    if (!file || owned?.kind.id !== 'context-graph') return { ok: false, message: 'This file is not a Canopsis context-graph import ({"cis": [...], "links": [...]}).' };
    const context = kinds.context(file);
    const analysis = analyzeImport(file, owned.text, { root: context.root, settings: context.settings, host: context.host });
    if (!analysis.simulation) return { ok: false, message: analysis.findings[0]?.message ?? 'The import could not be checked.' };
    return { ok: true, preview: previewOf(analysis) };
  });
}
