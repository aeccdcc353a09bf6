import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  collectDocumentMetadata,
  detectSdkCliVersion,
  diskFileHost,
  docStepsOf,
  documentFlavorForCliVersion,
  hasDocumentableTypes,
  renderDocumentationSection,
  replaceBetweenDocumentMarkers,
  unifiedDiff,
} from '../../core';
import { EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK } from '../exitCodes';
import { loadModel, type ProjectOptions } from '../loadModel';
import { reportProblems, type Output } from '../output';

export interface DocumentOptions extends ProjectOptions {
  outputFile?: string;
  check?: boolean;
}

const DEFAULT_OUTPUT = path.join('docs', 'jupiterone.md');

/**
 * `integration-lens document`: what `j1-integration document` writes, computed from the static model.
 * The version of the project's own CLI decides the table order and de-duplication rules.
 */
export function documentCommand(options: DocumentOptions, output: Output): number {
  const loaded = loadModel(options, output);
  if ('exitCode' in loaded) return loaded.exitCode;
  const { model, locator } = loaded;
  reportProblems(model.problems, locator, output);

  const docSteps = docStepsOf(model);
  if ('unresolved' in docSteps) {
    for (const u of docSteps.unresolved) output.err(`${locator.prefix(u.range)} error unresolved ${u.reason}`);
    output.err(
      `error: the documentation cannot be generated statically: ${docSteps.unresolved.length} value(s) above are known only at run time. Use "j1-integration document" for this project.`,
    );
    return EXIT_BAD_INPUT;
  }

  const cli = detectSdkCliVersion(model.projectPath, diskFileHost);
  const flavor = documentFlavorForCliVersion(cli?.version);
  const metadata = collectDocumentMetadata(docSteps.steps, flavor);
  if ('error' in metadata) {
    output.err(`error: j1-integration document would fail: ${metadata.error}`);
    return EXIT_BAD_INPUT;
  }
  if (!hasDocumentableTypes(metadata)) {
    output.err('No entities or relationships found to generate documentation for. Exiting.');
    return EXIT_OK;
  }

  const outputFile = path.resolve(model.projectPath, options.outputFile ?? DEFAULT_OUTPUT);
  const shown = locator.relative(outputFile);
  let oldText: string;
  try {
    oldText = fs.readFileSync(outputFile, 'utf8');
  } catch (error) {
    output.err(`error: cannot read the documentation file ${shown}: ${(error as Error).message}`);
    return EXIT_BAD_INPUT;
  }
  const section = renderDocumentationSection(metadata, flavor);
  const replaced = replaceBetweenDocumentMarkers(oldText, section);
  if ('error' in replaced) {
    output.err(`${shown}: error: ${replaced.error}`);
    return EXIT_BAD_INPUT;
  }
  const versionNote = cli ? `j1-integration ${cli.version} (from ${cli.source})` : 'the newest j1-integration (no version found in the project)';

  if (options.check) {
    if (replaced.text === oldText) {
      output.err(`${shown} is up to date (rules of ${versionNote}).`);
      return EXIT_OK;
    }
    output.out(unifiedDiff(oldText, replaced.text, `${shown} (committed)`, `${shown} (generated)`));
    output.err(`${shown} is out of date (rules of ${versionNote}): run "integration-lens document" to update it.`);
    return EXIT_FINDINGS;
  }
  if (replaced.text !== oldText) fs.writeFileSync(outputFile, replaced.text, 'utf8');
  output.err(`${replaced.text === oldText ? 'Documentation already up to date' : 'Successfully generated documentation'}: ${shown} (rules of ${versionNote}).`);
  return EXIT_OK;
}
