import { fileURLToPath } from 'node:url';
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { diskFileHost, type FileHost } from '../core';

/**
 * Files as the editor sees them: open documents (unsaved edits included) over the disk.
 * The version token of an open document is its LSP version, so edits re-parse only that file.
 */
export class OverlayHost implements FileHost {
  private readonly open = new Map<string, TextDocument>();

  constructor(documents: TextDocuments<TextDocument>) {
    const sync = (doc: TextDocument) => {
      const path = pathOf(doc.uri);
      if (path) this.open.set(path, doc);
    };
    documents.onDidOpen(({ document }) => sync(document));
    documents.onDidChangeContent(({ document }) => sync(document));
    documents.onDidClose(({ document }) => {
      const path = pathOf(document.uri);
      if (path) this.open.delete(path);
    });
  }

  document(path: string): TextDocument | undefined {
    return this.open.get(path);
  }

  readFile(path: string): string | undefined {
    return this.open.get(path)?.getText() ?? diskFileHost.readFile(path);
  }

  fileExists(path: string): boolean {
    return this.open.has(path) || diskFileHost.fileExists(path);
  }

  directoryExists(path: string): boolean {
    return diskFileHost.directoryExists(path);
  }

  version(path: string): string | undefined {
    const doc = this.open.get(path);
    return doc ? `open:${doc.version}:${doc.getText().length}` : diskFileHost.version(path);
  }
}

export function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
