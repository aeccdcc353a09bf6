import * as path from 'node:path';
import type { FileHost } from '../project/fileHost';
import { readJsonObject } from '../project/jsonFile';
import { schemaDataModel, type ClassSchema, type ClassSchemaSource } from './schemaModel';
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
 * rather than judge the project by another version. Class schemas are read when first asked for.
 */
export function readInstalledDataModel(dir: string, host: FileHost): DataModelView | undefined {
  let version: string | undefined;
  try {
    const pkg = JSON.parse(host.readFile(path.join(dir, 'package.json')) ?? 'null') as { version?: unknown } | null;
    if (typeof pkg?.version === 'string') version = pkg.version;
  } catch {
    return undefined;
  }
  const files = schemaFiles(dir, host);
  const enumText = host.readFile(path.join(dir, 'dist/RelationshipClass.js'));
  if (!files.size || enumText === undefined) return undefined;
  const relationshipClasses = [...enumText.matchAll(ENUM_MEMBER)].map((m) => m[1]);
  if (!relationshipClasses.length) return undefined;
  return schemaDataModel(`@jupiterone/data-model ${version ?? '(unknown version)'} (installed in the project)`, version, schemaFileSource(files, host), relationshipClasses);
}

/** The class schema files the package's index requires, by the name of each file (`Account.json`: Account). */
function schemaFiles(dir: string, host: FileHost): Map<string, string> {
  for (const index of SCHEMA_INDEXES) {
    const file = path.join(dir, index);
    const text = host.readFile(file);
    if (text === undefined) continue;
    const files = new Map<string, string>();
    for (const [, specifier] of text.matchAll(JSON_REQUIRE)) {
      if (/relationship_schemas\//.test(specifier)) continue;
      files.set(path.basename(specifier, '.json'), path.resolve(path.dirname(file), specifier));
    }
    if (files.size) return files;
  }
  return new Map();
}

function schemaFileSource(files: Map<string, string>, host: FileHost): ClassSchemaSource {
  const parsed = new Map<string, ClassSchema | 'unreadable'>();
  const read = (name: string, file: string): ClassSchema | 'unreadable' => {
    let schema = parsed.get(name);
    if (!schema) parsed.set(name, (schema = readJsonObject(host, file) ?? 'unreadable'));
    return schema;
  };
  return {
    named(name) {
      const file = files.get(name);
      return file === undefined ? undefined : read(name, file);
    },
    all() {
      const schemas: ClassSchema[] = [];
      for (const [name, file] of files) {
        const schema = read(name, file);
        if (schema === 'unreadable') return undefined;
        schemas.push(schema);
      }
      return schemas;
    },
  };
}
