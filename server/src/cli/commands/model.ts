import { EXIT_OK } from '../exitCodes';
import { loadModel, type ProjectOptions } from '../loadModel';
import { reportProblems, type Output } from '../output';
import { serializeModel } from '../serializeModel';

/** `integration-lens model`: the static model as JSON on stdout; problems on stderr. */
export function modelCommand(options: ProjectOptions, output: Output): number {
  const loaded = loadModel(options, output);
  if ('exitCode' in loaded) return loaded.exitCode;
  reportProblems(loaded.model.problems, loaded.locator, output);
  output.out(JSON.stringify(serializeModel(loaded.model, loaded.locator), null, 2));
  return EXIT_OK;
}
