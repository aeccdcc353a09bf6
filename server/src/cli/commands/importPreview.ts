import * as path from 'node:path';
import { analyzeImport, DEFAULT_DOCUMENT_SETTINGS, diskFileHost, type ResultEntity } from '../../core';
import { EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK } from '../exitCodes';
import { formatText } from '../findings/formatText';
import { locateFindings } from '../findings/locatedFinding';
import { Locator } from '../locations';
import type { Output } from '../output';

export interface ImportPreviewOptions {
  file: string;
  base?: string;
  format?: string;
  /** Size limit in MB (files above it are refused, not checked). */
  maxSize?: string;
}

/**
 * `integration-lens import-preview FILE [--base FILE]`: what Canopsis would do with a context-graph import: the
 * `stats` it would report (updated, deleted), or the element where it would stop; with `--format json`, the
 * resulting graph too. Exit 1 when the import has an error (Canopsis would fail it), 2 on bad input.
 */
export function importPreviewCommand(options: ImportPreviewOptions, output: Output): number {
  const file = path.resolve(options.file);
  const text = diskFileHost.readFile(file);
  if (text === undefined) {
    output.err(`error: cannot read ${options.file}`);
    return EXIT_BAD_INPUT;
  }
  const maxMb = options.maxSize === undefined ? undefined : Number(options.maxSize);
  if (maxMb !== undefined && !(maxMb > 0)) {
    output.err(`error: --max-size must be a positive number of MB, not "${options.maxSize}"`);
    return EXIT_BAD_INPUT;
  }
  const base = options.base ? path.resolve(options.base) : undefined;
  if (base && !diskFileHost.fileExists(base)) {
    output.err(`error: cannot read the base graph ${options.base}`);
    return EXIT_BAD_INPUT;
  }
  const root = process.cwd();
  const analysis = analyzeImport(file, text, {
    root,
    host: diskFileHost,
    settings: { ...DEFAULT_DOCUMENT_SETTINGS, contextGraphBase: base, contextGraphMaxBytes: maxMb === undefined ? undefined : maxMb * 1024 * 1024 },
  });
  const locator = new Locator(root, diskFileHost);
  const findings = locateFindings(analysis.findings, locator);
  const errors = analysis.findings.filter((f) => f.severity === 'error').length;
  const simulation = analysis.simulation;
  const count = (status: ResultEntity['status']) => simulation?.entities.filter((e) => e.status === status).length ?? 0;

  if (options.format === 'json') {
    output.out(
      JSON.stringify(
        {
          file: locator.relative(file),
          baseGraph: analysis.base.graph ? locator.relative(analysis.base.graph.file) : null,
          status: !simulation ? 'unchecked' : errors ? 'failed' : 'done',
          stats: simulation?.stats ?? null,
          abort: analysis.abort ? { ...locator.locate(analysis.abort.range), code: analysis.abort.code, message: analysis.abort.message } : null,
          diagnostics: findings.map(({ finding, location }) => ({ ...location, severity: finding.severity, code: finding.code, message: finding.message })),
          entities: simulation?.entities ?? [],
        },
        null,
        2,
      ),
    );
  } else {
    if (findings.length) output.out(formatText(findings));
    if (!simulation) output.out('Not checked (see above).');
    else {
      const stats = `updated ${simulation.stats.updated}, deleted ${simulation.stats.deleted}`;
      const lines = [analysis.abort ? `stats if the errors were fixed: ${stats}` : `stats: ${stats}`];
      lines.push(`entities: ${count('created')} created, ${count('updated')} updated, ${count('deleted')} deleted${simulation.closed ? `, ${count('unchanged')} unchanged` : ''}`);
      if (!simulation.closed) lines.push(`no base graph: ${count('assumed')} entities named but not created are assumed to exist (--base FILE checks them)`);
      if (analysis.abort) lines.push(`Canopsis would fail this import at ${locator.prefix(analysis.abort.range)} (${analysis.abort.code}): nothing would be applied.`);
      else lines.push('Canopsis would apply this import (status done) and report these stats.');
      output.out(lines.join('\n'));
    }
  }
  return errors ? EXIT_FINDINGS : EXIT_OK;
}
