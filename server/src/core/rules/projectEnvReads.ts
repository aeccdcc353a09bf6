import type { IntegrationModel } from '../model/types';
import type { FileHost } from '../project/fileHost';
import { projectSources } from './projectSources';

const ENV_READ = /process\s*\.\s*env\s*(?:\.\s*([A-Za-z_$][\w$]*)|\[\s*(['"`])([^'"`\n]+)\2\s*\])/g;

/**
 * The names the project's own code reads from `process.env` (`process.env.X`, `process.env['X']`).
 * A `.env` variable read that way is the integration's own setting, not a stray one.
 */
export function projectEnvReads(model: IntegrationModel, host: FileHost): Set<string> {
  const names = new Set<string>();
  for (const { text } of projectSources(model, host)) for (const m of text.matchAll(ENV_READ)) names.add(m[1] ?? m[3]);
  return names;
}
