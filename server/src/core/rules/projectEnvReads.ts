import * as path from 'node:path';
import type { IntegrationModel } from '../model/types';
import type { FileHost } from '../project/fileHost';
import { projectSources } from './projectSources';

const ENV_READ = /process\s*\.\s*env\s*(?:\.\s*([A-Za-z_$][\w$]*)|\[\s*(['"`])([^'"`\n]+)\2\s*\])/g;

/** Where integrations set up their tests and recordings (the template's layout): they read `.env` too. */
const TEST_SETUP = ['test/config.ts', 'test/config.js', 'test/recording.ts', 'test/setup.ts', 'jest.config.js', 'jest.globalSetup.js', 'jest.globalSetup.ts', 'jest.setup.ts', 'jest.setup.js'];

/**
 * The names the project's own code reads from `process.env` (`process.env.X`, `process.env['X']`),
 * in the integration and its test setup. A `.env` variable read that way is the integration's own
 * setting, not a stray one.
 */
export function projectEnvReads(model: IntegrationModel, host: FileHost): Set<string> {
  const names = new Set<string>();
  const roots = TEST_SETUP.map((file) => path.join(model.projectPath, file)).filter((file) => host.fileExists(file));
  for (const { text } of projectSources(model, host, roots)) for (const m of text.matchAll(ENV_READ)) names.add(m[1] ?? m[3]);
  return names;
}
