/**
 * Files of a small @jupiterone/data-model package as npm installs it, in either dist layout:
 * `old` (<= 0.55: dist/IntegrationSchema.js requires ./schemas/X.json) or `new` (dist/class_schemas).
 * Every class extends Entity, which extends GraphObject, as in the real package.
 */
export function dataModelPackage(options: {
  version: string;
  classes: Record<string, string[]>;
  relationshipClasses: string[];
  layout?: 'old' | 'new';
  at?: string;
}): Record<string, string> {
  const at = options.at ?? 'node_modules/@jupiterone/data-model';
  const layout = options.layout ?? 'new';
  const folder = layout === 'new' ? 'dist/class_schemas' : 'dist/schemas';
  const schemas: Record<string, object> = {
    GraphObject: { $id: '#GraphObject', type: 'object', required: ['_key', '_class', '_type'] },
    Entity: { $id: '#Entity', allOf: [{ $ref: '#GraphObject' }, { required: ['name', 'displayName'] }] },
  };
  for (const [name, required] of Object.entries(options.classes)) {
    schemas[name] = { $id: `#${name}`, allOf: [{ $ref: '#Entity' }, { properties: {}, required }] };
  }
  const files: Record<string, string> = {
    [`${at}/package.json`]: JSON.stringify({ name: '@jupiterone/data-model', version: options.version, main: 'dist/index.js' }),
    [`${at}/dist/RelationshipClass.js`]:
      '"use strict";\nvar RelationshipClass;\n(function (RelationshipClass) {\n' +
      options.relationshipClasses.map((c) => `    RelationshipClass["${c}"] = "${c}";\n`).join('') +
      '})(RelationshipClass || (exports.RelationshipClass = RelationshipClass = {}));\n',
  };
  const requires = Object.keys(schemas).map((name) =>
    layout === 'new'
      ? `const ${name}_json_1 = __importDefault(require("./${name}.json"));\nexports.${name} = ${name}_json_1.default;\n`
      : `const ${name}_json_1 = __importDefault(require("./schemas/${name}.json"));\nexports.${name} = ${name}_json_1.default;\n`,
  );
  files[layout === 'new' ? `${at}/dist/class_schemas/index.js` : `${at}/dist/IntegrationSchema.js`] = `"use strict";\n${requires.join('')}`;
  for (const [name, schema] of Object.entries(schemas)) files[`${at}/${folder}/${name}.json`] = JSON.stringify(schema, null, 2);
  return files;
}

/** A yarn 1 lockfile in which integration-sdk-core resolves data-model `version`. */
export function yarnLock(version: string): string {
  return `# yarn lockfile v1


"@jupiterone/data-model@^${version}":
  version "${version}"
  resolved "https://registry.yarnpkg.com/@jupiterone/data-model/-/data-model-${version}.tgz"
  dependencies:
    ajv "^8.0.0"

"@jupiterone/integration-sdk-core@^9.0.0":
  version "9.0.0"
  dependencies:
    "@jupiterone/data-model" "^${version}"
    lodash "^4.17.21"
`;
}
