// Generates a synthetic integration shaped like real ones (constants objects, per-service step
// modules with handlers and converters, a barrel that spreads step arrays, generateRelationshipType
// at module load, a wrapped steps array) for benchmarks. Usage: node bench/generate.mjs DIR [STEPS] [FILES]
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function generateIntegration(dir, stepCount = 250, fileTarget = 200) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src', 'steps'), { recursive: true });
  mkdirSync(join(dir, 'src', 'converters'), { recursive: true });
  mkdirSync(join(dir, 'src', 'constants'), { recursive: true });
  mkdirSync(join(dir, 'docs'), { recursive: true });
  const files = [];
  const write = (rel, text) => {
    writeFileSync(join(dir, rel), text);
    files.push(rel);
  };
  // Fixed files: index, config, constants (3), steps barrel, client, util = 8; the rest hold steps and converters.
  const serviceCount = Math.max(1, Math.floor((fileTarget - 8) / 2));
  const services = [];
  let made = 0;
  for (let s = 0; s < serviceCount; s++) {
    // Spread the steps evenly so every service module exists and holds one or more steps.
    const until = Math.round(((s + 1) * stepCount) / serviceCount);
    const steps = [];
    for (; made < until; made++) steps.push(made);
    if (steps.length) services.push({ name: `service${s}`, steps });
  }

  write('package.json', JSON.stringify({ name: 'bench-integration', devDependencies: { '@jupiterone/integration-sdk-dev-tools': '^12.0.0' }, dependencies: { '@jupiterone/integration-sdk-core': '^12.0.0' } }, null, 2));
  write('docs/jupiterone.md', '# Bench\n');

  let steps = 'export const Steps = {\n';
  let entities = "import { StepEntityMetadata } from '@jupiterone/integration-sdk-core';\n\nexport const Entities: Record<string, StepEntityMetadata> = {\n";
  let rels =
    "import { generateRelationshipType, RelationshipClass, StepRelationshipMetadata } from '@jupiterone/integration-sdk-core';\nimport { Entities } from './entities';\n\nexport const Relationships: Record<string, StepRelationshipMetadata> = {\n";
  for (let n = 0; n < stepCount; n++) {
    steps += `  STEP_${n}: 'fetch-resource-${n}',\n`;
    entities += `  RESOURCE_${n}: {\n    resourceName: 'Resource ${n}',\n    _type: 'bench_resource_${n}',\n    _class: ['Resource'],\n    schema: {\n      properties: {\n        name: { type: 'string' },\n        webLink: { type: 'string', format: 'uri' },\n        createdOn: { type: 'number' },\n      },\n      required: ['name'],\n    },\n  },\n`;
    const parent = n === 0 ? 'ACCOUNT' : `RESOURCE_${Math.floor((n - 1) / 2)}`;
    rels += `  ${parent}_HAS_RESOURCE_${n}: {\n    _type: generateRelationshipType(RelationshipClass.HAS, Entities.${parent}, Entities.RESOURCE_${n}),\n    sourceType: Entities.${parent}._type,\n    _class: RelationshipClass.HAS,\n    targetType: Entities.RESOURCE_${n}._type,\n  },\n`;
  }
  entities += "  ACCOUNT: { resourceName: 'Account', _type: 'bench_account', _class: ['Account'] },\n};\n";
  write('src/constants/steps.ts', steps + "  ACCOUNT: 'fetch-account',\n} as const;\n");
  write('src/constants/entities.ts', entities);
  write('src/constants/relationships.ts', rels + '};\n');
  write('src/constants/index.ts', "export * from './steps';\nexport * from './entities';\nexport * from './relationships';\n");
  write('src/config.ts', `import { IntegrationInstanceConfigFieldMap, IntegrationExecutionContext } from '@jupiterone/integration-sdk-core';\n\nexport const instanceConfigFields: IntegrationInstanceConfigFieldMap = {\n  clientId: { type: 'string' },\n  clientSecret: { type: 'string', mask: true },\n};\n\nexport interface IntegrationConfig {\n  clientId: string;\n  clientSecret: string;\n}\n\nexport async function validateInvocation(context: IntegrationExecutionContext<IntegrationConfig>) {\n  const { config } = context.instance;\n  if (!config.clientId || !config.clientSecret) {\n    throw new Error('Config requires all of {clientId, clientSecret}');\n  }\n}\n`);
  write('src/client.ts', `export class APIClient {\n  constructor(readonly config: { clientId: string }) {}\n  async iterateResources(kind: string, cb: (r: { id: string; name: string }) => Promise<void>) {\n    for (let i = 0; i < 3; i++) await cb({ id: kind + i, name: kind });\n  }\n}\n\nexport function createAPIClient(config: { clientId: string }) {\n  return new APIClient(config);\n}\n`);
  write('src/util.ts', `import { IntegrationStep } from '@jupiterone/integration-sdk-core';\nimport { IntegrationConfig } from './config';\n\nexport function withLogging(steps: IntegrationStep<IntegrationConfig>[]): IntegrationStep<IntegrationConfig>[] {\n  return steps.map((step) => ({\n    ...step,\n    executionHandler: async (context) => {\n      context.logger.info({ step: step.id }, 'starting');\n      return step.executionHandler(context);\n    },\n  }));\n}\n`);

  let barrelImports = '';
  let barrelSpreads = '';
  for (const service of services) {
    const conv = `src/converters/${service.name}.ts`;
    let converter = "import { createIntegrationEntity, Entity } from '@jupiterone/integration-sdk-core';\nimport { Entities } from '../constants';\n\n";
    let module = `import {\n  createDirectRelationship,\n  IntegrationStep,\n  IntegrationStepExecutionContext,\n  RelationshipClass,\n} from '@jupiterone/integration-sdk-core';\nimport { createAPIClient } from '../client';\nimport { IntegrationConfig } from '../config';\nimport { Entities, Relationships, Steps } from '../constants';\nimport { ${service.steps.map((n) => `createResource${n}Entity`).join(', ')} } from '../converters/${service.name}';\n\n`;
    for (const n of service.steps) {
      const parent = n === 0 ? 'ACCOUNT' : `RESOURCE_${Math.floor((n - 1) / 2)}`;
      converter += `export function createResource${n}Entity(data: { id: string; name: string; url?: string; created?: string }): Entity {\n  return createIntegrationEntity({\n    entityData: {\n      source: data,\n      assign: {\n        _key: \`bench-resource-${n}:\${data.id}\`,\n        _type: Entities.RESOURCE_${n}._type,\n        _class: Entities.RESOURCE_${n}._class,\n        name: data.name,\n        displayName: data.name,\n        webLink: data.url,\n        createdOn: data.created ? Date.parse(data.created) : undefined,\n      },\n    },\n  });\n}\n\n`;
      module += `export async function fetchResource${n}({\n  instance,\n  jobState,\n  logger,\n}: IntegrationStepExecutionContext<IntegrationConfig>): Promise<void> {\n  const client = createAPIClient(instance.config);\n  await jobState.iterateEntities({ _type: Entities.${parent}._type }, async (parent) => {\n    await client.iterateResources('resource-${n}', async (resource) => {\n      const entity = await jobState.addEntity(createResource${n}Entity(resource));\n      await jobState.addRelationship(\n        createDirectRelationship({\n          _class: RelationshipClass.HAS,\n          from: parent,\n          to: entity,\n        }),\n      );\n    });\n  });\n  logger.info({ step: Steps.STEP_${n} }, 'done');\n}\n\n`;
    }
    module += `export const ${service.name}Steps: IntegrationStep<IntegrationConfig>[] = [\n`;
    for (const n of service.steps) {
      const parent = n === 0 ? 'ACCOUNT' : `RESOURCE_${Math.floor((n - 1) / 2)}`;
      const parentStep = n === 0 ? 'ACCOUNT' : `STEP_${Math.floor((n - 1) / 2)}`;
      module += `  {\n    id: Steps.STEP_${n},\n    name: 'Fetch Resource ${n}',\n    entities: [Entities.RESOURCE_${n}],\n    relationships: [Relationships.${parent}_HAS_RESOURCE_${n}],\n    dependsOn: [Steps.${parentStep}],\n    executionHandler: fetchResource${n},\n  },\n`;
    }
    module += '];\n';
    write(conv, converter);
    write(`src/steps/${service.name}.ts`, module);
    barrelImports += `import { ${service.name}Steps } from './${service.name}';\n`;
    barrelSpreads += `  ...${service.name}Steps,\n`;
  }
  write('src/steps/account.ts', `import { IntegrationStep } from '@jupiterone/integration-sdk-core';\nimport { IntegrationConfig } from '../config';\nimport { Entities, Steps } from '../constants';\n\nexport const accountSteps: IntegrationStep<IntegrationConfig>[] = [\n  {\n    id: Steps.ACCOUNT,\n    name: 'Fetch Account',\n    entities: [Entities.ACCOUNT],\n    relationships: [],\n    executionHandler: async ({ jobState }) => {\n      await jobState.addEntity({ _key: 'account', _type: Entities.ACCOUNT._type, _class: ['Account'] });\n    },\n  },\n];\n`);
  write('src/steps/index.ts', `import { accountSteps } from './account';\n${barrelImports}\nexport const integrationSteps = [\n  ...accountSteps,\n${barrelSpreads}];\n`);
  write('src/index.ts', `import { IntegrationInvocationConfig } from '@jupiterone/integration-sdk-core';\nimport { instanceConfigFields, IntegrationConfig, validateInvocation } from './config';\nimport { integrationSteps } from './steps';\nimport { withLogging } from './util';\n\nexport const invocationConfig: IntegrationInvocationConfig<IntegrationConfig> = {\n  instanceConfigFields,\n  validateInvocation,\n  integrationSteps: withLogging(integrationSteps),\n};\n`);
  return files.filter((f) => f.endsWith('.ts'));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, steps, files] = process.argv.slice(2);
  const written = generateIntegration(dir ?? '.bench/integration', Number(steps ?? 250), Number(files ?? 200));
  console.log(`${written.length} TypeScript files written to ${dir ?? '.bench/integration'}`);
}
