import { replaceStringLiteral } from './edits';
import { closest } from './suggest';
import type { Finding, Rule } from './types';

/** A step's ingestionSourceId that is not a key of invocationConfig.ingestionConfig. */
export const unknownIngestionSource: Rule = {
  codes: ['unknown-ingestion-source'],
  run({ model, text }) {
    const config = model.ingestionConfig;
    if (config && !config.complete) return [];
    const ids = new Set(config?.items.map((s) => s.id) ?? []);
    const findings: Finding[] = [];
    for (const step of model.steps.items) {
      const source = step.ingestionSourceId;
      if (source?.kind !== 'known' || ids.has(source.value)) continue;
      const suggestion = closest(source.value, ids);
      const where = config ? 'is not a key of ingestionConfig' : 'is set, but invocationConfig has no ingestionConfig';
      const finding: Finding = {
        code: 'unknown-ingestion-source',
        severity: 'error',
        range: source.range,
        message:
          `ingestionSourceId "${source.value}" ${where}: JupiterOne cannot let users enable or disable this step's data.` +
          (suggestion ? ` Did you mean "${suggestion}"?` : ` Add "${source.value}" to ingestionConfig, or use one of its keys.`),
        data: { missing: source.value, suggestion },
      };
      if (suggestion) {
        const edit = replaceStringLiteral(source, suggestion, text);
        if (edit) finding.fixes = [{ title: `Change to "${suggestion}"`, edits: [edit], preferred: true }];
      }
      findings.push(finding);
    }
    return findings;
  },
};
