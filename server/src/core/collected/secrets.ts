import type { IntegrationModel } from '../model/types';
import { parseEnvFile } from '../project/envFile';
import { configEnvironmentVariable } from '../sdk/configEnvironment';

/**
 * The values a view must never show: the `.env` values of config fields declared `mask: true` (or whose mask the
 * analysis cannot tell: hiding too much is harmless), and the JupiterOne API key.
 */
export function maskedValues(model: IntegrationModel | undefined, envText: string | undefined): string[] {
  if (!envText) return [];
  let env: Map<string, string>;
  try {
    env = new Map(parseEnvFile(envText).assignments.map((a) => [a.name, a.value]));
  } catch {
    return [];
  }
  const names = new Set(['JUPITERONE_API_KEY']);
  for (const field of model?.instanceConfigFields?.items ?? []) {
    if (field.mask?.kind === 'known' && field.mask.value !== true) continue;
    if (!field.mask) continue;
    names.add(configEnvironmentVariable(field.name));
  }
  return [...names].map((n) => env.get(n)).filter((v): v is string => !!v);
}
