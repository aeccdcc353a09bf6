import { replaceStringLiteral } from './edits';
import { closest } from './suggest';
import type { Finding, Rule } from './types';

/** A step's ingestionSourceId that is not a key of invocationConfig.ingestionConfig (or there is none). */
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
      // Nothing fails at run time: the source is just not published (generate-ingestion-sources-config lists
      // only ingestionConfig's keys), so users can never disable this step's data.
      const message = config
        ? `ingestionSourceId "${source.value}" is not a key of ingestionConfig: the ingestion sources JupiterOne publishes will not include it, so users cannot disable this step's data.` +
          (suggestion ? ` Did you mean "${suggestion}"?` : ` Add "${source.value}" to ingestionConfig, or use one of its keys.`)
        : `ingestionSourceId "${source.value}" has no effect: invocationConfig has no ingestionConfig, so no ingestion source is published. Add an ingestionConfig with "${source.value}", or remove the ingestionSourceId.`;
      const finding: Finding = {
        code: 'unknown-ingestion-source',
        severity: config ? 'warning' : 'information',
        range: source.range,
        message,
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
