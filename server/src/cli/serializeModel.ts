import type { IntegrationModel } from '../core';
import type { Locator } from './locations';

function isRange(value: object): value is { file: string; start: number; end: number } {
  const v = value as Record<string, unknown>;
  return typeof v.file === 'string' && typeof v.start === 'number' && typeof v.end === 'number' && Object.keys(v).length === 3;
}

/**
 * The model as plain JSON: known values as `{ value, range, origin? }`, unknown ones as
 * `{ unresolved: reason, range }`, and every range as a 1-based location relative to the project.
 */
export function serializeModel(model: IntegrationModel, locator: Locator): unknown {
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (value === null || typeof value !== 'object') return value;
    if (isRange(value)) return locator.locate(value);
    const object = value as Record<string, unknown>;
    if (object.kind === 'unknown') return { unresolved: object.reason, range: walk(object.range) };
    if (object.kind === 'known') {
      const out: Record<string, unknown> = { value: object.value, range: walk(object.range) };
      if (object.origin) out.origin = walk(object.origin);
      return out;
    }
    if (object.kind === 'function') return { function: object.name ?? null, range: walk(object.range) };
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(object)) out[key] = walk(inner);
    return out;
  };
  return {
    ...(walk({ ...model, projectPath: undefined, files: undefined }) as object),
    projectPath: model.projectPath,
    entryFile: locator.relative(model.entryFile),
    files: model.files.map((f) => locator.relative(f)),
  };
}
