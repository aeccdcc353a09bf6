import { EXIT_OK } from '../exitCodes';
import { loadModel, type ProjectOptions } from '../loadModel';
import { reportProblems, type Output } from '../output';
import { serializeModel } from '../serializeModel';
import { formatModelText } from '../formatModelText';

export interface ModelOptions extends ProjectOptions {
  format?: string;
}

/** `integration-lens model`: the static model as JSON (or a readable summary) on stdout; problems on stderr. */
export function modelCommand(options: ModelOptions, output: Output): number {
  const loaded = loadModel(options, output);
  if ('exitCode' in loaded) return loaded.exitCode;
  reportProblems(loaded.model.problems, loaded.locator, output);
  if (options.format === 'text') output.out(formatModelText(loaded.model, loaded.locator));
  else output.out(JSON.stringify(serializeModel(loaded.model, loaded.locator), null, 2));
  return EXIT_OK;
}
