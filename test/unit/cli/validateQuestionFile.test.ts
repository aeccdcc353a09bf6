import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { validateQuestionFileCommand } from '../../../server/src/cli/commands/validateQuestionFile';
import { run, runAsync } from '../../../server/src/cli/main';

function capture() {
  const out = { stdout: '', stderr: '' };
  return { out, output: { out: (t: string) => (out.stdout += t + '\n'), err: (t: string) => (out.stderr += t + '\n') } };
}

function questionFile(queries: string[], dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lens-questions-'))): { dir: string; file: string } {
  const file = path.join(dir, 'jupiterone', 'questions', 'questions.yaml');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const items = queries.map((q, i) => `  - id: q-${i}\n    title: Question ${i}\n    description: d\n    queries:\n      - query: ${q}\n    tags: []\n`);
  fs.writeFileSync(file, `---\nsourceId: managed:acme\nintegrationDefinitionId: '\${integration_definition_id}'\nquestions:\n${items.join('')}`);
  return { dir, file };
}

describe('integration-lens validate-question-file', () => {
  it('validates offline and prints file:line:col findings like check, exiting 1 on an error', () => {
    const { dir, file } = questionFile(['FIND acme_user', 'FIND acme_user WITH']);
    const { out, output } = capture();
    const code = run(['validate-question-file', '-p', file], output);
    assert.equal(code, 1, out.stderr);
    assert.match(out.stdout, /^jupiterone\/questions\/questions\.yaml:15:35 error j1ql-syntax Error parsing query questions\[1\]\.queries\[0\] \(question "q-1"\): Unexpected end of query/m);
    assert.match(out.stderr, /1 error, 0 warnings\.\nFailed to validate managed question file!/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints the JSON form of check and exits 0 on a valid file', () => {
    const { dir, file } = questionFile(['FIND acme_user']);
    const { out, output } = capture();
    assert.equal(run(['validate-question-file', '-p', file, '--format', 'json'], output), 0);
    assert.deepEqual(JSON.parse(out.stdout), { diagnostics: [] });
    assert.match(out.stderr, /Successfully validated managed question file!/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads ./jupiterone/questions/questions.yaml by default, and says when it is missing as the SDK does', () => {
    const { dir } = questionFile(['FIND acme_user']);
    const { out, output } = capture();
    assert.equal(validateQuestionFileCommand({ cwd: dir, env: {} }, output), 0);
    const missing = fs.mkdtempSync(path.join(os.tmpdir(), 'lens-questions-'));
    assert.equal(validateQuestionFileCommand({ cwd: missing, env: {} }, output), 2);
    assert.match(out.stderr, /Question file not found \(filePath=.*jupiterone\/questions\/questions\.yaml\)/);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(missing, { recursive: true, force: true });
  });

  describe('with an account and an API key', () => {
    let server: http.Server;
    let baseUrl: string;
    const requests: Array<{ url?: string; method?: string; headers: http.IncomingHttpHeaders; body: { queries: string[] } }> = [];
    let status = 200;

    before(async () => {
      server = http.createServer((req, res) => {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
          const parsed = JSON.parse(body) as { queries: string[] };
          requests.push({ url: req.url, method: req.method, headers: req.headers, body: parsed });
          res.writeHead(status, { 'Content-Type': 'application/json' });
          // The server's own answer shape: one result per query, in order; it rejects what it cannot resolve.
          res.end(JSON.stringify(parsed.queries.map((query) => (query.includes('Bogus') ? { valid: false, query, error: { message: 'Unknown class "Bogus"', code: 'VALIDATION_ERROR' } } : { valid: true, query }))));
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(() => new Promise<void>((resolve) => server.close(() => resolve())));
    beforeEach(() => {
      requests.length = 0;
      status = 200;
    });

    it('posts the queries to /j1ql/validate in batches of 250, as the SDK does, and reports what JupiterOne rejects', async () => {
      const queries = Array.from({ length: 260 }, (_, i) => (i === 257 ? 'FIND Bogus' : `FIND acme_user WITH n = ${i}`));
      const { dir, file } = questionFile(queries);
      const { out, output } = capture();
      const code = await runAsync(['validate-question-file', '-p', file, '--api-base-url', baseUrl, '--account', 'acct-1', '--api-key', 'key-1'], output);
      assert.deepEqual(requests.map((r) => [r.method, r.url, r.body.queries.length]), [
        ['POST', '/j1ql/validate', 250],
        ['POST', '/j1ql/validate', 10],
      ]);
      assert.equal(requests[0].headers['jupiterone-account'], 'acct-1');
      assert.equal(requests[0].headers.authorization, 'Bearer key-1');
      assert.equal(requests[0].headers['content-type'], 'application/json');
      assert.equal(requests[1].body.queries[7], 'FIND Bogus');
      assert.equal(code, 1);
      const line = 4 + 257 * 6 + 5;
      assert.match(out.stdout, new RegExp(`^jupiterone/questions/questions\\.yaml:${line}:16 error j1ql-server-validation JupiterOne rejected the query questions\\[257\\]\\.queries\\[0\\] \\(question "q-257"\\): Unknown class "Bogus" \\(VALIDATION_ERROR\\)`, 'm'));
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('takes the account and key from JUPITERONE_ACCOUNT and JUPITERONE_API_KEY, and the SDK option names', async () => {
      const { dir, file } = questionFile(['FIND acme_user']);
      const { output } = capture();
      const result = validateQuestionFileCommand({ filePath: file, apiBaseUrl: baseUrl, env: { JUPITERONE_ACCOUNT: 'env-acct', JUPITERONE_API_KEY: 'env-key' } }, output);
      assert.equal(await result, 0);
      assert.equal(requests[0].headers['jupiterone-account'], 'env-acct');
      await runAsync(['validate-question-file', '-p', file, '--api-base-url', baseUrl, '--jupiterone-account-id', 'sdk-acct', '--jupiterone-api-key', 'sdk-key'], output);
      assert.equal(requests[1].headers.authorization, 'Bearer sdk-key');
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('makes no request with --dry-run, and exits 2 with a clear message when JupiterOne refuses the key', async () => {
      const { dir, file } = questionFile(['FIND acme_user']);
      const { out, output } = capture();
      assert.equal(await runAsync(['validate-question-file', '-p', file, '--api-base-url', baseUrl, '-a', 'a', '-k', 'k', '--dry-run'], output), 0);
      assert.equal(requests.length, 0);
      status = 401;
      assert.equal(await runAsync(['validate-question-file', '-p', file, '--api-base-url', baseUrl, '-a', 'a', '-k', 'k'], output), 2);
      assert.match(out.stderr, /JupiterOne answered 401 Unauthorized to POST http:\/\/127\.0\.0\.1:\d+\/j1ql\/validate: check the account id and the API key/);
      fs.rmSync(dir, { recursive: true, force: true });
    });
  });
});

describe('integration-lens check: question files', () => {
  it('checks jupiterone/questions/*.yaml with the integration beside them', () => {
    const { dir, file } = questionFile(['FIND acme_usr', 'FIND acme_user THAT HAS']);
    fs.mkdirSync(path.join(dir, 'src'));
    fs.writeFileSync(
      path.join(dir, 'src', 'index.ts'),
      `export const invocationConfig = {
  integrationSteps: [
    { id: 'fetch-users', name: 'Users', entities: [{ resourceName: 'User', _type: 'acme_user', _class: 'User' }, { resourceName: 'Group', _type: 'acme_group', _class: 'Group' }], relationships: [], executionHandler: async () => {} },
  ],
};
`,
    );
    const { out, output } = capture();
    assert.equal(run(['check', '-p', dir], output), 1);
    const lines = out.stdout.trim().split('\n').filter((l) => l.startsWith('jupiterone/'));
    assert.deepEqual(
      lines.map((l) => l.split(' ').slice(0, 3).join(' ')),
      ['jupiterone/questions/questions.yaml:9:21 warning j1ql-undeclared-type', 'jupiterone/questions/questions.yaml:15:39 error j1ql-syntax'],
    );
    assert.match(out.stderr, /1 other file \(questions\)/);
    assert.ok(fs.existsSync(file));
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
