import * as path from 'node:path';
import { analyzeIntegration, type IntegrationAnalysis, type SourceRange, type StepModel } from '../../../server/src/core';
import type { StepEffects, TypeRead, EntityCreation } from '../../../server/src/core/effects/types';
import type { QueryFacts } from '../../../server/src/core/queries';
import { memoryHost } from '../helpers/memoryHost';

export const ROOT = path.resolve('/virtual/queries');

export interface CursorProject {
  analysis: IntegrationAnalysis;
  files: Record<string, string>;
  /** The file holding the `|` marker (absolute), and the marker's offset once removed. */
  file: string;
  offset: number;
  /** The text a range covers. */
  text(range: SourceRange | undefined): string | undefined;
  /** `relative/path.ts:text` for a range, for readable assertions. */
  where(range: SourceRange | undefined): string | undefined;
  abs(relative: string): string;
  /** The range of the `n`th (0-based) occurrence of `needle` in a file. */
  find(relative: string, needle: string, n?: number): SourceRange;
}

/**
 * An in-memory project in which exactly one file holds a `|` cursor marker (the way prisma's
 * language-tools tests write positions); the marker is removed before analysis.
 */
export function cursorProject(input: Record<string, string>): CursorProject {
  const marked = Object.keys(input).filter((rel) => input[rel].includes('|'));
  if (marked.length !== 1) throw new Error(`exactly one file must hold the | marker, found ${marked.length}`);
  const rel = marked[0];
  const source = input[rel];
  const offset = source.indexOf('|');
  if (source.indexOf('|', offset + 1) >= 0) throw new Error(`${rel} holds more than one |`);
  const files = { ...input, [rel]: source.slice(0, offset) + source.slice(offset + 1) };
  const host = memoryHost(ROOT, files);
  const analysis = analyzeIntegration({ projectPath: ROOT, host });
  if ('kind' in analysis) throw new Error(analysis.message);
  const relOf = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');
  const text = (range: SourceRange | undefined) => (range ? files[relOf(range.file)]?.slice(range.start, range.end) : undefined);
  return {
    analysis,
    files,
    file: path.join(ROOT, rel),
    offset,
    text,
    where: (range) => (range ? `${relOf(range.file)}:${text(range)}` : undefined),
    abs: (relative) => path.join(ROOT, relative),
    find(relative, needle, n = 0) {
      const body = files[relative];
      let at = -1;
      for (let i = 0; i <= n; i++) {
        at = body.indexOf(needle, at + 1);
        if (at < 0) throw new Error(`${needle} (#${n}) not in ${relative}`);
      }
      return { file: path.join(ROOT, relative), start: at, end: at + needle.length };
    },
  };
}

/** Handler effects written by hand: per step id, the `_type`s it creates and reads, each at a needle in a file. */
export interface EffectsSpec {
  produces?: Array<{ type: string; at: SourceRange; origin?: SourceRange }>;
  reads?: Array<{ type: string; at: SourceRange; origin?: SourceRange }>;
  complete?: boolean;
}

/** A QueryFacts whose effects are given, standing in for the handler analysis (the queries only consume its types). */
export function fakeFacts(analysis: IntegrationAnalysis, specs: Record<string, EffectsSpec>): QueryFacts & { calls: number } {
  const facts = {
    calls: 0,
    effects(step: StepModel): StepEffects {
      facts.calls++;
      const id = step.id.kind === 'known' ? step.id.value : '';
      const spec = specs[id] ?? {};
      const known = (v: { type: string; at: SourceRange; origin?: SourceRange }) => ({ kind: 'known' as const, value: v.type, range: v.at, origin: v.origin });
      const entities: EntityCreation[] = (spec.produces ?? []).map((p) => ({ kind: 'createIntegrationEntity', range: p.at, _type: known(p) }));
      const reads: TypeRead[] = (spec.reads ?? []).map((r) => ({ kind: 'iterateEntities', range: r.at, _type: known(r) }));
      // Object.assign: fields the effects engineer adds (dataWrites, ...) stay valid whichever version of the type is checked out.
      return Object.assign({ dataWrites: [], configComplete: true }, { entities, relationships: [], reads, configReads: [], complete: spec.complete ?? true, gaps: [] });
    },
  };
  void analysis;
  return facts;
}

/** The reference project: constants in one file, steps in two, start states in the entry. */
export function acme(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    'src/constants.ts': `import { RelationshipClass } from '@jupiterone/integration-sdk-core';

export const Steps = {
  ACCOUNT: 'fetch-account',
  USERS: 'fetch-users',
  DEVICES: 'fetch-devices',
};

export const Entities = {
  ACCOUNT: { resourceName: 'Account', _type: 'acme_account', _class: ['Account'] },
  USER: { resourceName: 'User', _type: 'acme_user', _class: ['User'] },
  DEVICE: { resourceName: 'Device', _type: 'acme_device', _class: ['Device', 'Host'] },
};

export const Relationships = {
  ACCOUNT_HAS_USER: {
    _type: 'acme_account_has_user',
    sourceType: Entities.ACCOUNT._type,
    _class: RelationshipClass.HAS,
    targetType: Entities.USER._type,
  },
};
`,
    'src/steps/account.ts': `import { Entities, Steps } from '../constants';

export async function fetchAccount() {}

export const accountSteps = [
  {
    id: Steps.ACCOUNT,
    name: 'Fetch Account',
    entities: [Entities.ACCOUNT],
    relationships: [],
    executionHandler: fetchAccount,
  },
];
`,
    'src/steps/users.ts': `import { Entities, Relationships, Steps } from '../constants';

export async function fetchUsers({ jobState }) {
  await jobState.iterateEntities({ _type: Entities.ACCOUNT._type }, async () => {});
}

export async function fetchDevices() {}

export const userSteps = [
  {
    id: Steps.USERS,
    name: 'Fetch Users',
    entities: [Entities.USER],
    relationships: [Relationships.ACCOUNT_HAS_USER],
    dependsOn: [Steps.ACCOUNT],
    executionHandler: fetchUsers,
  },
  {
    id: 'fetch-devices',
    name: 'Fetch Devices',
    entities: [Entities.DEVICE],
    relationships: [],
    dependsOn: ['fetch-users'],
    executionHandler: fetchDevices,
  },
];
`,
    'src/index.ts': `import { accountSteps } from './steps/account';
import { userSteps } from './steps/users';
import { Steps } from './constants';

function getStepStartStates() {
  return {
    [Steps.ACCOUNT]: { disabled: false },
    [Steps.USERS]: { disabled: false },
    'fetch-devices': { disabled: false },
  };
}

export const invocationConfig = {
  getStepStartStates,
  integrationSteps: [...accountSteps, ...userSteps],
};
`,
    ...overrides,
  };
}

/** `acme()` with the cursor marker put at the first occurrence of `before|after` in `file`. */
export function acmeAt(file: string, needle: string, overrides: Record<string, string> = {}): CursorProject {
  const files = acme(overrides);
  const plain = needle.replace('|', '');
  const body = files[file];
  const at = body.indexOf(plain);
  if (at < 0) throw new Error(`${plain} not in ${file}`);
  files[file] = body.slice(0, at) + needle + body.slice(at + plain.length);
  return cursorProject(files);
}
