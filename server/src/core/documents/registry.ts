import { collectedGraphKind } from '../collected/documentKind';
import { contextGraphKind } from '../contextGraph/kind';
import { questionsKind } from '../questions/kind';
import type { DocumentClaimContext, DocumentKind } from './types';

/** Every document kind, first match wins (so put kinds that decide by path before kinds that sniff content). */
export const DOCUMENT_KINDS: readonly DocumentKind[] = [collectedGraphKind, questionsKind, contextGraphKind];

/** The kind that owns a file, if any; a kind that throws while deciding does not claim it. */
export function documentKindOf(file: string, text: string, context: DocumentClaimContext, kinds: readonly DocumentKind[] = DOCUMENT_KINDS): DocumentKind | undefined {
  for (const kind of kinds) {
    try {
      if (kind.claims(file, text, context)) return kind;
    } catch {
      // A claim must never take the caller down; the file is simply not this kind's.
    }
  }
  return undefined;
}
