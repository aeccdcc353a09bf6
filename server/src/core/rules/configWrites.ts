import type { IntegrationModel } from '../model/types';
import type { FileHost } from '../project/fileHost';
import { projectSources } from './projectSources';

/** `instance.config = normalized`, `Object.assign(instance.config, ...)`, `Object.assign(config, ...)`. */
const REPLACED = /\binstance\s*(?:\.\s*config|\[\s*['"]config['"]\s*\])\s*=(?!=)|\bObject\s*\.\s*assign\s*\(\s*(?:[\w$.]*\.)?\w*config\b/i;
/** `x.name = ...` / `x['name'] = ...` (not `==`, `=>`): any property assignment of that name. */
const PROPERTY_WRITE = /(?:\.\s*([A-Za-z_$][\w$]*)|\[\s*['"]([^'"\n]+)['"]\s*\])\s*=(?![=>])/g;

/**
 * What the integration's own code does to its config: validateInvocation often replaces
 * `instance.config` with a normalised object or sets derived fields on it (`config.apiVersion =
 * detect()`), so a field read later exists although instanceConfigFields does not declare it.
 * Read from the text of every reachable file; it only ever keeps a rule silent.
 */
export interface ConfigWrites {
  /** The config object is replaced or merged into somewhere: any field may exist. */
  replaced: boolean;
  /** Property names assigned anywhere (on any object: the config is often renamed). */
  properties: Set<string>;
}

export function configWrites(model: IntegrationModel, host: FileHost): ConfigWrites {
  const result: ConfigWrites = { replaced: false, properties: new Set() };
  for (const { text } of projectSources(model, host)) {
    if (REPLACED.test(text)) result.replaced = true;
    for (const m of text.matchAll(PROPERTY_WRITE)) result.properties.add(m[1] ?? m[2]);
  }
  return result;
}
