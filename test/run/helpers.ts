// Runs the task's CLI runner (client/src/tasks/cliProcess.ts) with the real j1-integration 8.41.0 on a fresh copy
// of the fixture integration (test/fixtures/run-integration), against the local data server.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startCli, type CliExit } from '../../client/src/tasks/cliProcess';
import { buildArguments, type J1TaskDefinition } from '../../client/src/tasks/definition';
import type { RunEvent, RunReport } from '../../client/src/tasks/outputParser';

export const FIXTURE_TOKEN = 'fixture-token-7f3a9c';
export const API_KEY = 'j1-api-key-51d0e2';
export const ACCOUNT = 'j1-account-1';

const copies: string[] = [];
let fixture: string | undefined;
// Root hooks (this module is loaded with the spec files): install the fixture's dependencies once (npm ci, a minute
// on a fresh machine; nothing when its package-lock.json is unchanged), remove the copies at the end.
before(async function () {
  this.timeout(10 * 60_000);
  const { ensureRunFixture } = await import('../support/runFixture.mjs');
  fixture = ensureRunFixture();
});
after(() => {
  for (const dir of copies.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A copy of the fixture's sources in a temporary folder, its node_modules a link to the installed fixture's. */
export function copyFixture(): string {
  if (!fixture) throw new Error('the fixture is installed by the root before() hook');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'il-run-'));
  copies.push(dir);
  for (const entry of ['src', 'package.json', 'package-lock.json']) fs.cpSync(path.join(fixture, entry), path.join(dir, entry), { recursive: true });
  fs.symlinkSync(path.join(fixture, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

export interface Run {
  exit: CliExit;
  report: RunReport;
  output: string;
  events: RunEvent[];
}

export async function runTask(
  projectPath: string,
  definition: Omit<J1TaskDefinition, 'type'>,
  env: Record<string, string | undefined>,
  secrets: string[] = [],
): Promise<Run> {
  const events: RunEvent[] = [];
  let output = '';
  const run = startCli({
    cli: path.join(projectPath, 'node_modules', '.bin', 'j1-integration'),
    args: buildArguments({ type: 'j1-integration', ...definition }),
    cwd: projectPath,
    env: { ...process.env, FORCE_COLOR: '1', ...env },
    secrets,
    onOutput: (text) => (output += text),
    onEvent: (event) => events.push(event),
  });
  const exit = await run.exited;
  return { exit, report: run.report, output, events };
}

/** Every graph object the CLI wrote under .j1-integration/graph, by kind. */
export function readGraph(projectPath: string): { entities: Record<string, unknown>[]; relationships: Record<string, unknown>[] } {
  const graph = { entities: [] as Record<string, unknown>[], relationships: [] as Record<string, unknown>[] };
  const root = path.join(projectPath, '.j1-integration', 'graph');
  for (const file of listFiles(root)) {
    if (file.split(path.sep).includes('index')) continue; // the by-type index repeats the same objects
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { entities?: Record<string, unknown>[]; relationships?: Record<string, unknown>[] };
    graph.entities.push(...(data.entities ?? []));
    graph.relationships.push(...(data.relationships ?? []));
  }
  return graph;
}

export function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}
