import * as path from 'node:path';
import { parseTree, getNodeValue, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { Finding } from '../rules/types';
import type { CollectedHost } from './host';
import { MALFORMED_CODE } from './graphFile';
import type { CollectionSummary, StepResultRecord } from './types';

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/**
 * `<root>/summary.json` as the SDK's executeIntegration writes it ({integrationStepResults, metadata}). Undefined
 * summary when the file is absent (nothing collected yet); a finding when it cannot be read as one.
 */
export function readSummary(root: string, host: CollectedHost): { summary?: CollectionSummary; findings: Finding[] } {
  const file = path.join(root, 'summary.json');
  const text = host.readFile(file);
  if (text === undefined) return { findings: [] };
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true });
  const value = tree && !errors.length ? (getNodeValue(tree) as unknown) : undefined;
  const results = value && typeof value === 'object' ? (value as { integrationStepResults?: unknown }).integrationStepResults : undefined;
  if (!Array.isArray(results)) {
    const at = errors[0]?.offset ?? 0;
    const why = errors[0] ? `it is not valid JSON (${printParseErrorCode(errors[0].error)})` : 'it has no "integrationStepResults" list';
    return {
      findings: [{ code: MALFORMED_CODE, severity: 'error', range: { file, start: at, end: at + 1 }, message: `summary.json cannot be read: ${why}. Run the collection again to rewrite it.` }],
    };
  }
  const steps: StepResultRecord[] = [];
  for (const r of results) {
    if (!r || typeof r !== 'object' || typeof (r as { id?: unknown }).id !== 'string') continue;
    const o = r as Record<string, unknown>;
    const counts: Record<string, number> = {};
    if (o.encounteredTypeCounts && typeof o.encounteredTypeCounts === 'object') {
      for (const [k, v] of Object.entries(o.encounteredTypeCounts)) if (typeof v === 'number') counts[k] = v;
    }
    steps.push({
      id: o.id as string,
      name: typeof o.name === 'string' ? o.name : undefined,
      status: typeof o.status === 'string' ? o.status : undefined,
      declaredTypes: strings(o.declaredTypes),
      partialTypes: strings(o.partialTypes),
      encounteredTypes: strings(o.encounteredTypes),
      encounteredTypeCounts: counts,
      dependsOn: strings(o.dependsOn),
    });
  }
  const metadata = (value as { metadata?: { partialDatasets?: { types?: unknown } } }).metadata;
  return { summary: { file, steps, partialTypes: strings(metadata?.partialDatasets?.types) }, findings: [] };
}
