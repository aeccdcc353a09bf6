import { strict as assert } from 'node:assert';
import { LineSplitter, OutputParser, stripAnsi } from '../../../client/src/tasks/outputParser';
import { formatProblem, problemsOf, summaryLine } from '../../../client/src/tasks/problems';

// Lines as j1-integration 8.41.0 prints them (bunyan pretty output and the CLI's results, colours included).
const RUN_OUTPUT = [
  '\x1b[90m13:09:23.195Z\x1b[39m \x1b[32m INFO\x1b[39m Local: \x1b[36mStarting step "Fetch Users"...\x1b[39m\x1b[90m (stepId=fetch-users)\x1b[39m',
  '13:09:23.196Z  INFO Local: Starting step "Fetch Groups"... (stepId=fetch-groups)',
  '13:11:00.156Z ERROR Local: Step "Fetch Groups" failed to complete due to error. (errorCode="UNEXPECTED_ERROR", errorId="85ed", reason="Unexpected error") (stepId=fetch-groups, errorId=85ed)',
  '  Error: GET /groups answered 500',
  '      at getJson (/p/src/client.js:6:27)',
  '      at async executeStep (/p/node_modules/@jupiterone/integration-sdk-runtime/dist/src/execution/dependencyGraph.js:248:21)',
  '13:11:00.157Z  INFO Local: Collected metric.',
  'Results:',
  '',
  '\x1b[37mStep "\x1b[36mfetch-users\x1b[37m" completed with status:\x1b[39m \x1b[32msuccess\x1b[39m',
  'The following types were encountered but are not declared in the step\'s "types" field:',
  '  - run_service_account,',
  '  - run_account_has_service_account',
  'Step "fetch-groups" completed with status: failure',
  '',
  'Synchronization job status: FINALIZE_PENDING',
  'Entities uploaded: 5',
  'Relationships uploaded: 4',
];

describe('j1-integration output parser', () => {
  it('reads steps, results, undeclared types, errors with their frames and the sync status', () => {
    const parser = new OutputParser();
    const events = RUN_OUTPUT.flatMap((line) => parser.line(line));
    const { report } = parser;
    assert.deepEqual(report.started, ['fetch-users', 'fetch-groups']);
    assert.deepEqual([...report.results], [
      ['fetch-users', 'success'],
      ['fetch-groups', 'failure'],
    ]);
    assert.deepEqual([...report.undeclaredTypes], [['fetch-users', ['run_service_account', 'run_account_has_service_account']]]);
    assert.deepEqual(report.errors, [
      {
        stepName: 'Fetch Groups',
        errorCode: 'UNEXPECTED_ERROR',
        stepId: 'fetch-groups',
        message: 'Error: GET /groups answered 500',
        frames: [
          { file: '/p/src/client.js', line: 6, column: 27 },
          { file: '/p/node_modules/@jupiterone/integration-sdk-runtime/dist/src/execution/dependencyGraph.js', line: 248, column: 21 },
        ],
      },
    ]);
    assert.equal(report.syncStatus, 'FINALIZE_PENDING');
    assert.equal(report.entitiesUploaded, 5);
    assert.equal(report.relationshipsUploaded, 4);
    assert.deepEqual(events.map((e) => e.kind), ['stepStarted', 'stepStarted', 'stepResult', 'stepResult', 'syncStatus']);

    const problems = problemsOf(report, {
      projectPath: '/p',
      step: (id) => (id === 'fetch-users' ? { file: '/p/src/steps/users.js', line: 36, column: 5 } : undefined),
      configField: () => undefined,
      fallback: { file: '/p/src/index.js', line: 1, column: 1 },
    }).map(formatProblem);
    assert.deepEqual(problems, [
      '/p/src/steps/users.js:36:5: warning: Step "fetch-users" collected undeclared types: run_service_account, run_account_has_service_account. Declare them in the step\'s entities or relationships, or the data of a failed run may be deleted.',
      '/p/src/client.js:6:27: error: Step "fetch-groups" failed: Error: GET /groups answered 500',
    ]);
    assert.equal(
      summaryLine('run', report, 1, 2345),
      'j1-integration run failed (exit code 1) in 2.3 s: 2 steps (1 success, 1 failure); synchronization FINALIZE_PENDING: 5 entities, 4 relationships uploaded',
    );
  });

  it('a failed step without an error line points at the step, else the fallback', () => {
    const parser = new OutputParser();
    parser.line('Step "a" completed with status: failure');
    const problems = problemsOf(parser.report, { projectPath: '/p', step: () => undefined, configField: () => undefined, fallback: { file: '/p/package.json', line: 1, column: 1 } });
    assert.deepEqual(problems.map(formatProblem), ['/p/package.json:1:1: error: Step "a" failed: completed with status failure; see the log above.']);
  });

  it('splits chunks into lines across chunk boundaries', () => {
    const lines = new LineSplitter();
    assert.deepEqual(lines.push('ab'), []);
    assert.deepEqual(lines.push('c\r\nde\nf'), ['abc', 'de']);
    assert.deepEqual(lines.end(), ['f']);
    assert.deepEqual(lines.end(), []);
    assert.equal(stripAnsi('\x1b[1;31mred\x1b[0m'), 'red');
  });
});
