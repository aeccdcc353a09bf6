/** The server's settings, from the client's `integrationLens` configuration section. */
export interface ServerSettings {
  /** When to analyse: on every change of an open document, or only when it is saved. */
  validate: 'onType' | 'onSave';
  /** Push diagnostics wait this long after the last change of a document. */
  debounceMs: number;
}

export function readSettings(raw: unknown): ServerSettings {
  const section = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const validate = section.validate === 'onSave' ? 'onSave' : 'onType';
  const debounce = Number(section.debounceMs);
  return { validate, debounceMs: Number.isFinite(debounce) && debounce >= 0 && debounce <= 5000 ? debounce : 150 };
}
