import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { buildModel, type IntegrationModel, type Resolved } from '../../../server/src/core';
import { memoryHost } from './memoryHost';

export const ROOT = path.resolve('/virtual/project');

/** The model of an in-memory project (paths relative to ROOT), with a small budget so a runaway test fails fast. */
export function model(files: Record<string, string>): IntegrationModel {
  const result = buildModel({ projectPath: ROOT, host: memoryHost(ROOT, files), budget: 200_000 });
  if ('kind' in result) assert.fail(result.message);
  return result;
}

export const known = <T>(r: Resolved<T> | undefined): T => {
  assert.ok(r && r.kind === 'known', `expected a known value, got ${JSON.stringify(r)}`);
  return r.value;
};

export const unresolvedReason = (r: Resolved<unknown> | undefined): string => {
  assert.ok(r && r.kind === 'unknown', `expected an unresolved value, got ${JSON.stringify(r)}`);
  return r.reason;
};
