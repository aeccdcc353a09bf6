import * as path from 'node:path';
import type { FileHost } from '../project/fileHost';
import { schemaDataModel, type ClassSchema } from './schemaModel';
import type { DataModelView } from './types';

/**
 * The modules that list a data-model package's class schemas, newest layout first: 0.56+ requires
 * each `./X.json` from `dist/class_schemas/index.js`; older releases require `./schemas/X.json`
 * from `dist/IntegrationSchema.js`. The host cannot list folders, so the lists come from there.
 */
const SCHEMA_INDEXES = ['dist/class_schemas/index.js', 'dist/IntegrationSchema.js'];

/** `require("./X.json")` and `require('./schemas/X.json')`, as tsc emits them. */
const JSON_REQUIRE = /require\(\s*["'](\.{1,2}\/[^"']+\.json)["']\s*\)/g;

/** `RelationshipClass["HAS"] = "HAS"`: the keys of the compiled enum, which the SDK looks up. */
const ENUM_MEMBER = /RelationshipClass\[\s*["']([A-Za-z_][A-Za-z0-9_]*)["']\s*\]\s*=/g;

/**
 * Reads the data model installed at `dir` (a `@jupiterone/data-model` package folder) through the
 * host, never by running it. Undefined when its layout is not one we know: rules then stay silent
 * rather than judge the project by another version.
 */
export function readInstalledDataModel(dir: string, host: FileHost): DataModelView | undefined {
  let version: string | undefined;
  try {
    const pkg = JSON.parse(host.readFile(path.join(dir, 'package.json')) ?? 'null') as { version?: unknown } | null;
    if (typeof pkg?.version === 'string') version = pkg.version;
  } catch {
    return undefined;
  }
  const schemas: ClassSchema[] = [];
  for (const index of SCHEMA_INDEXES) {
    const file = path.join(dir, index);
    const text = host.readFile(file);
    if (text === undefined) continue;
    for (const [, specifier] of text.matchAll(JSON_REQUIRE)) {
      if (/relationship_schemas\//.test(specifier)) continue;
      const json = host.readFile(path.resolve(path.dirname(file), specifier));
      if (json === undefined) return undefined;
      try {
        schemas.push(JSON.parse(json) as ClassSchema);
      } catch {
        return undefined;
      }
    }
    if (schemas.length) break;
  }
  const enumText = host.readFile(path.join(dir, 'dist/RelationshipClass.js'));
  if (!schemas.length || enumText === undefined) return undefined;
  const relationshipClasses = [...enumText.matchAll(ENUM_MEMBER)].map((m) => m[1]);
  if (!relationshipClasses.length) return undefined;
  return schemaDataModel(`@jupiterone/data-model ${version ?? '(unknown version)'} (installed in the project)`, version, schemas, relationshipClasses);
}
