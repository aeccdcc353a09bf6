import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeIntegration, buildModel, diskFileHost, runRules, type FileHost } from '../../../server/src/core';
import { Evaluator } from '../../../server/src/core/evaluator/evaluator';
import { declaredImports } from '../../../server/src/core/evaluator/valueImports';
import { parseFile } from '../../../server/src/core/project/sourceFile';
import { memoryHost } from '../helpers/memoryHost';

const FIXTURES = path.resolve(__dirname, '../../fixtures/model');
const ROOT = path.resolve('/virtual/ahead');

/** A host that records which files were read. */
function recording(host: FileHost): FileHost & { read: Set<string> } {
  const read = new Set<string>();
  return { ...host, read, readFile: (p) => (read.add(p), host.readFile(p)) };
}

describe('parseAhead', () => {
  it('names the modules of value imports and re-exports, not of type-only ones', () => {
    const sf = parseFile('/p/index.ts', [
      "import { a } from './a';",
      "import type { T } from './types';",
      "import { type U, type V } from './onlyTypes';",
      "import { type W, value } from './mixed';",
      "import Default from './default';",
      "import * as all from './all';",
      "import './sideEffect';",
      "export * from './reexported';",
      "export type { X } from './typeReexport';",
      "import legacy = require('./legacy');",
      "const later = require('./required');",
    ].join('\n'), '1').sourceFile;
    assert.deepEqual(declaredImports(sf), ['./a', './mixed', './default', './all', './sideEffect', './reexported', './legacy']);
  });

  it('parses what the entry reaches before anything is loaded, and no type-only import', () => {
    const host = recording(memoryHost(ROOT, {
      'src/index.ts': "import { steps } from './steps';\nimport type { Config } from './types';\nexport const invocationConfig = { integrationSteps: steps };\n",
      'src/steps/index.ts': "export * from './list';\n",
      'src/steps/list.ts': "import { helper } from '../util';\nexport const steps = [];\n",
      'src/util.ts': 'export const helper = 1;\n',
      'src/types.ts': 'export interface Config { a: string }\n',
    }));
    const ev = new Evaluator({ host });
    ev.parseAhead(path.join(ROOT, 'src/index.ts'));
    assert.deepEqual([...host.read].filter((p) => p.endsWith('.ts')).map((p) => path.relative(ROOT, p)).sort(), ['src/index.ts', 'src/steps/index.ts', 'src/steps/list.ts', 'src/util.ts']);
    assert.deepEqual(ev.files, [], 'parsing loads no module: problems and values come when a module is loaded');
  });

  it('gives the same model and findings as parsing on demand, on every model fixture', () => {
    const names = fs.readdirSync(FIXTURES).filter((n) => fs.existsSync(path.join(FIXTURES, n, 'package.json')));
    assert.ok(names.length >= 10);
    for (const name of names) {
      const projectPath = path.join(FIXTURES, name);
      const onDemand = buildModel({ projectPath });
      const ahead = buildModel({ projectPath, parseAhead: true });
      assert.deepEqual(ahead, onDemand, name);
      const a = analyzeIntegration({ projectPath });
      const b = analyzeIntegration({ projectPath, parseAhead: true });
      if ('kind' in a || 'kind' in b) continue;
      assert.deepEqual(JSON.stringify(runRules(b, diskFileHost)), JSON.stringify(runRules(a, diskFileHost)), name);
    }
  });
});
