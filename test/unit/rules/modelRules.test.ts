import * as assert from 'node:assert/strict';
import { applyFix, check, textOf } from '../helpers/checkProject';

const codes = (files: Record<string, string>, code: string) => check(files).filter((f) => f.code === code);

/** A project whose steps are written inline; `steps` is the array literal body. */
function project(steps: string, extra: Record<string, string> = {}, config = ''): Record<string, string> {
  return {
    'src/index.ts': `import { Steps } from './constants';
export const invocationConfig = {
  ${config}
  integrationSteps: [
${steps}
  ],
};
`,
    'src/constants.ts': `export const Steps = { ACCOUNT: 'fetch-account', USERS: 'fetch-users', GROUPS: 'fetch-groups' };\n`,
    ...extra,
  };
}

const step = (id: string, deps = '', more = '') =>
  `    { id: ${id}, name: 'S', entities: [], relationships: [], ${deps ? `dependsOn: [${deps}], ` : ''}${more} executionHandler: async () => {} },`;

describe('rules over the step graph', () => {
  describe('duplicate-step-id', () => {
    it('reports the later step, saying the runtime drops it, with the first as related', () => {
      const files = project([step('Steps.ACCOUNT'), step("'fetch-account'")].join('\n'));
      const [f] = codes(files, 'duplicate-step-id');
      assert.equal(f.severity, 'error');
      assert.equal(textOf(files, f.range), "'fetch-account'");
      assert.match(f.message, /silently drops this one/);
      assert.equal(textOf(files, f.related![0].range), 'Steps.ACCOUNT');
    });
    it('warns where one step object is listed twice (the second entry is ignored; the step still runs)', () => {
      const files = project('', {
        'src/index.ts': `const users = { id: 'fetch-users', name: 'U', entities: [], relationships: [], executionHandler: async () => {} };
export const invocationConfig = { integrationSteps: [users, users] };
`,
      });
      const [f] = codes(files, 'duplicate-step-id');
      assert.equal(f.severity, 'warning');
      assert.match(f.message, /listed twice/);
      assert.equal(textOf(files, f.range), 'users');
      assert.ok(f.range.start > files['src/index.ts'].indexOf('[users'));
    });
    it('is silent for distinct ids', () => {
      assert.deepEqual(codes(project([step('Steps.ACCOUNT'), step('Steps.USERS')].join('\n')), 'duplicate-step-id'), []);
    });
    it('is silent when an id is unresolved', () => {
      assert.deepEqual(codes(project([step('Steps.ACCOUNT'), step('process.env.ID')].join('\n')), 'duplicate-step-id'), []);
    });
  });

  describe('unknown-dependency', () => {
    it('reports a dependsOn naming no step, with the runtime error, a did-you-mean and a fix', () => {
      const files = project([step('Steps.ACCOUNT'), step('Steps.USERS', "'fetch-acount'")].join('\n'));
      const [f] = codes(files, 'unknown-dependency');
      assert.equal(textOf(files, f.range), "'fetch-acount'");
      assert.match(f.message, /Node does not exist: fetch-acount/);
      assert.match(f.message, /Did you mean "fetch-account"\?/);
      const fixed = applyFix(files, f);
      assert.deepEqual(codes(fixed, 'unknown-dependency'), []);
    });
    it('offers no text fix when the value comes from a constant', () => {
      const files = project([step('Steps.USERS', 'Steps.GROUPS')].join('\n'));
      const [f] = codes(files, 'unknown-dependency');
      assert.equal(textOf(files, f.range), 'Steps.GROUPS');
      assert.equal(f.fixes, undefined);
    });
    it('is silent when every target exists', () => {
      assert.deepEqual(codes(project([step('Steps.ACCOUNT'), step('Steps.USERS', 'Steps.ACCOUNT')].join('\n')), 'unknown-dependency'), []);
    });
    it('is silent when some step id is unresolved (it could be the one named)', () => {
      const files = project([step('process.env.ACCOUNT_STEP'), step('Steps.USERS', "'fetch-account'")].join('\n'));
      assert.deepEqual(codes(files, 'unknown-dependency'), []);
    });
  });

  describe('dependency-cycle', () => {
    it('reports the whole path on every edge of the cycle', () => {
      const files = project(
        [step('Steps.ACCOUNT', 'Steps.GROUPS'), step('Steps.USERS', 'Steps.ACCOUNT'), step('Steps.GROUPS', 'Steps.USERS')].join('\n'),
      );
      const found = codes(files, 'dependency-cycle');
      assert.equal(found.length, 3);
      for (const f of found) {
        assert.match(f.message, /Dependency Cycle Found: (fetch-\w+) -> fetch-\w+ -> fetch-\w+ -> \1/);
        assert.equal(f.related!.length, 2);
      }
    });
    it('reports a step depending on itself', () => {
      const found = codes(project(step('Steps.ACCOUNT', 'Steps.ACCOUNT')), 'dependency-cycle');
      assert.equal(found.length, 1);
      assert.match(found[0].message, /fetch-account -> fetch-account/);
    });
    it('is silent for an acyclic graph', () => {
      assert.deepEqual(codes(project([step('Steps.ACCOUNT'), step('Steps.USERS', 'Steps.ACCOUNT')].join('\n')), 'dependency-cycle'), []);
    });
    it('is silent when the closing edge is unresolved', () => {
      const files = project([step('Steps.ACCOUNT', 'process.env.DEP'), step('Steps.USERS', 'Steps.ACCOUNT')].join('\n'));
      assert.deepEqual(codes(files, 'dependency-cycle'), []);
    });
  });

  describe('cross-graph-dependency', () => {
    it('reports a dependsOn into another dependency graph', () => {
      const files = project([step('Steps.ACCOUNT'), step('Steps.USERS', 'Steps.ACCOUNT', "dependencyGraphId: 'last',")].join('\n'));
      const [f] = codes(files, 'cross-graph-dependency');
      assert.equal(textOf(files, f.range), 'Steps.ACCOUNT');
      assert.match(f.message, /dependency graph "last" depends on "fetch-account" in the default dependency graph.*Node does not exist: fetch-account/);
    });
    it('is silent inside one graph', () => {
      const files = project(
        [step('Steps.ACCOUNT', '', "dependencyGraphId: 'last',"), step('Steps.USERS', 'Steps.ACCOUNT', "dependencyGraphId: 'last',")].join('\n'),
      );
      assert.deepEqual(codes(files, 'cross-graph-dependency'), []);
    });
    it('is silent when a graph id is unresolved', () => {
      const files = project([step('Steps.ACCOUNT'), step('Steps.USERS', 'Steps.ACCOUNT', 'dependencyGraphId: process.env.G,')].join('\n'));
      assert.deepEqual(codes(files, 'cross-graph-dependency'), []);
    });
  });

  describe('getStepStartStates', () => {
    const files = (body: string) => {
      const p = project([step('Steps.ACCOUNT'), step('Steps.USERS', 'Steps.ACCOUNT')].join('\n'), {
        'src/starts.ts': `import { Steps } from './constants';\nexport function getStepStartStates(context: any) {\n  const beta = !!context.instance.config.beta;\n  ${body}\n}\n`,
      }, 'getStepStartStates,');
      p['src/index.ts'] = `import { getStepStartStates } from './starts';\n${p['src/index.ts']}`;
      return p;
    };

    it('reports steps the returned states forget, in the SDK wording, with a fix', () => {
      const f = files(`return {\n    [Steps.ACCOUNT]: { disabled: false },\n  };`);
      const [finding] = codes(f, 'start-state-missing');
      assert.match(finding.message, /Start states not found for: "fetch-users"/);
      const fixed = applyFix(f, finding);
      assert.match(fixed['src/starts.ts'], /\[Steps.ACCOUNT\]: \{ disabled: false \},\n    'fetch-users': \{ disabled: false \},\n  \}/);
      assert.deepEqual(codes(fixed, 'start-state-missing'), []);
    });
    it('reports ids that are not steps, in the SDK wording', () => {
      const f = files(`return { [Steps.ACCOUNT]: { disabled: false }, [Steps.USERS]: { disabled: beta }, 'fetch-nothing': { disabled: true } };`);
      const [finding] = codes(f, 'start-state-unknown-step');
      assert.equal(textOf(f, finding.range), "'fetch-nothing'");
      assert.match(finding.message, /Unknown steps found in start states: "fetch-nothing"/);
      assert.deepEqual(codes(f, 'start-state-missing'), []);
    });
    it('checks every return statement', () => {
      const f = files(`if (beta) return { [Steps.ACCOUNT]: { disabled: false }, [Steps.USERS]: { disabled: false } };\n  return { [Steps.ACCOUNT]: { disabled: false } };`);
      assert.equal(codes(f, 'start-state-missing').length, 1);
    });
    it('is silent when a key or a spread is not statically known', () => {
      const f = files(`const extra = context.extra;\n  return { [Steps.ACCOUNT]: { disabled: false }, ...extra };`);
      assert.deepEqual(codes(f, 'start-state-missing'), []);
      const g = files(`const id = context.id;\n  return { [Steps.ACCOUNT]: { disabled: false }, [id]: { disabled: false } };`);
      assert.deepEqual(codes(g, 'start-state-missing'), []);
    });
    it('is silent when the states are built elsewhere', () => {
      const f = files(`const states: any = {};\n  states[Steps.ACCOUNT] = { disabled: false };\n  return states;`);
      assert.deepEqual([...codes(f, 'start-state-missing'), ...codes(f, 'start-state-unknown-step')], []);
    });
  });

  describe('unknown-ingestion-source', () => {
    const config = "ingestionConfig: { users: { title: 'Users', description: 'All users' } },";
    it('reports an id that is not a key of ingestionConfig, with a did-you-mean fix', () => {
      const files = project(step('Steps.USERS', '', "ingestionSourceId: 'user',"), {}, config);
      const [f] = codes(files, 'unknown-ingestion-source');
      assert.equal(textOf(files, f.range), "'user'");
      assert.match(f.message, /Did you mean "users"\?/);
      assert.deepEqual(codes(applyFix(files, f), 'unknown-ingestion-source'), []);
    });
    it('is a warning, since nothing fails at run time: the source is just not published', () => {
      const files = project(step('Steps.USERS', '', "ingestionSourceId: 'user',"), {}, config);
      assert.equal(codes(files, 'unknown-ingestion-source')[0].severity, 'warning');
    });
    it('notes an ingestionSourceId that has no effect because there is no ingestionConfig at all', () => {
      const [f] = codes(project(step('Steps.USERS', '', "ingestionSourceId: 'users',")), 'unknown-ingestion-source');
      assert.equal(f.severity, 'information');
      assert.match(f.message, /has no effect: invocationConfig has no ingestionConfig/);
    });
    it('is silent for a declared source', () => {
      assert.deepEqual(codes(project(step('Steps.USERS', '', "ingestionSourceId: 'users',"), {}, config), 'unknown-ingestion-source'), []);
    });
    it('is silent when ingestionConfig is not fully known', () => {
      const files = project(step('Steps.USERS', '', "ingestionSourceId: 'user',"), {}, 'ingestionConfig: { ...process.env.SOURCES },');
      assert.deepEqual(codes(files, 'unknown-ingestion-source'), []);
    });
  });
});
