// Injects the faults of issue 3 into a copy of a real integration, one at a time, and checks that
// `integration-lens check` finds each. Usage: npx tsx scripts/faults/inject.ts <integration dir>...
// Nothing is written to the integration itself; copies go to the system's temp folder.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ts } from 'ts-morph';
import { analyzeIntegration, type IntegrationModel, type SourceRange } from '../../server/src/core';

interface Edit {
  range: SourceRange;
  newText: string;
}

interface Fault {
  name: string;
  expect: string;
  edits(model: IntegrationModel): Edit[] | undefined;
}

const cli = path.resolve(__dirname, '../../dist/cli.js');
const knownSteps = (m: IntegrationModel) => m.steps.items.filter((s) => s.id.kind === 'known');

const faults: Fault[] = [
  {
    name: 'rename a dependsOn target',
    expect: 'unknown-dependency',
    edits: (m) => {
      const dep = m.steps.items.flatMap((s) => s.dependsOn.items).find((d) => d.kind === 'known');
      return dep?.kind === 'known' ? [{ range: dep.range, newText: `'${dep.value}s'` }] : undefined;
    },
  },
  {
    name: 'duplicate a step id',
    expect: 'duplicate-step-id',
    edits: (m) => {
      const [a, b] = knownSteps(m);
      return a && b && a.id.kind === 'known' ? [{ range: b.id.range, newText: `'${a.id.value}'` }] : undefined;
    },
  },
  {
    name: 'add a cycle',
    expect: 'dependency-cycle',
    edits: (m) => {
      for (const step of knownSteps(m)) {
        const dep = step.dependsOn.items.find((d) => d.kind === 'known');
        if (dep?.kind !== 'known' || step.id.kind !== 'known') continue;
        const target = knownSteps(m).find((s) => s.id.kind === 'known' && s.id.value === dep.value);
        const list = target?.dependsOn.range;
        if (!target || !list) {
          // The target has no dependsOn: add one after its id.
          if (!target) continue;
          return [{ range: { ...target.id.range, start: target.id.range.end }, newText: `, dependsOn: ['${step.id.value}']` }];
        }
        const text = fs.readFileSync(list.file, 'utf8').slice(list.start, list.end);
        if (!text.startsWith('[')) continue;
        return [{ range: { file: list.file, start: list.start + 1, end: list.start + 1 }, newText: `'${step.id.value}', ` }];
      }
      return undefined;
    },
  },
  {
    name: "drop a type from a step's entities",
    expect: 'undeclared-type',
    edits: (m) => {
      const step = knownSteps(m).find((s) => s.entities.items.length === 1 && s.entities.range);
      const list = step?.entities.range;
      return list ? [{ range: list, newText: '[]' }] : undefined;
    },
  },
  {
    name: 'remove a getStepStartStates entry',
    expect: 'start-state-missing',
    edits: (m) => {
      const hook = m.hooks.getStepStartStates;
      if (hook?.kind !== 'function') return undefined;
      const source = ts.createSourceFile(hook.range.file, fs.readFileSync(hook.range.file, 'utf8'), ts.ScriptTarget.Latest, true);
      let edit: Edit | undefined;
      const visit = (node: ts.Node): void => {
        if (edit) return;
        if (ts.isReturnStatement(node) && node.expression && ts.isObjectLiteralExpression(node.expression)) {
          const property = node.expression.properties[0];
          if (property) {
            const end = source.text[property.end] === ',' ? property.end + 1 : property.end;
            edit = { range: { file: hook.range.file, start: property.getStart(source), end }, newText: '' };
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
      return edit ? [edit] : undefined;
    },
  },
];

function applyEdits(dir: string, original: string, edits: Edit[]): void {
  const byFile = new Map<string, Edit[]>();
  for (const e of edits) byFile.set(e.range.file, [...(byFile.get(e.range.file) ?? []), e]);
  for (const [file, list] of byFile) {
    let text = fs.readFileSync(file, 'utf8');
    for (const e of list.sort((a, b) => b.range.start - a.range.start)) text = text.slice(0, e.range.start) + e.newText + text.slice(e.range.end);
    fs.writeFileSync(path.join(dir, path.relative(original, file)), text);
  }
}

type Diagnostic = { code: string; file: string; line: number; message: string };

function check(dir: string): Diagnostic[] {
  let out = '';
  try {
    out = execFileSync(process.execPath, [cli, 'check', '-p', dir, '-f', 'json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (error) {
    out = (error as { stdout?: string }).stdout ?? '';
  }
  return (JSON.parse(out || '{"diagnostics":[]}') as { diagnostics: Diagnostic[] }).diagnostics;
}

let missed = 0;
for (const project of process.argv.slice(2)) {
  const original = path.resolve(project);
  const analysis = analyzeIntegration({ projectPath: original });
  if ('kind' in analysis) throw new Error(analysis.message);
  // Findings the integration already has do not count as finding an injected fault.
  const before = new Set(check(original).map((d) => `${d.code}\0${d.message}`));
  console.log(`\n${path.basename(original)} (${before.size} finding(s) before any fault)`);
  for (const fault of faults) {
    const edits = fault.edits(analysis.model);
    if (!edits) {
      console.log(`  -     ${fault.name}: not applicable to this integration`);
      continue;
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lens-fault-'));
    fs.cpSync(original, dir, { recursive: true, filter: (src) => !src.includes(`${path.sep}node_modules`) && !src.includes(`${path.sep}.git`) });
    applyEdits(dir, original, edits);
    const diagnostics = check(dir).filter((d) => !before.has(`${d.code}\0${d.message}`));
    const hit = diagnostics.find((d) => d.code === fault.expect);
    if (!hit) missed++;
    console.log(`  ${hit ? 'found' : 'MISSED'} ${fault.name}: ${hit ? `${hit.code} at ${hit.file}:${hit.line}` : `no ${fault.expect} (got ${diagnostics.map((d) => d.code).join(', ') || 'nothing'})`}`);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
process.exitCode = missed ? 1 : 0;
