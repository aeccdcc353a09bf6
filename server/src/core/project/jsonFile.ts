import type { FileHost } from './fileHost';

/** A JSON object (not an array, not null): what package.json files and lockfiles are made of. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The JSON object in `file`; undefined when it cannot be read, is not JSON, or is not an object. */
export function readJsonObject(host: FileHost, file: string): Record<string, unknown> | undefined {
  const text = host.readFile(file);
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
