import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeIntegration, createRuleContext, DEFAULT_DOCUMENT_SETTINGS, diskFileHost, LineIndex } from '../../../server/src/core';
import { questionDocument, questionsKind } from '../../../server/src/core/questions';
import { dataModelOf } from '../../../server/src/core/rules/projectDataModel';

/** Public integrations cloned read-only on the development machine; the test is skipped where they are absent. */
const EXT = process.env.INTEGRATION_LENS_EXT ?? '/work/ext';

/**
 * Findings in real question files, each checked by hand against the integration's source:
 * - graph-artifactory: the first question's `queries:` is a mapping, not a list; the SDK's runtypes check
 *   (`queries: Array(...)`) rejects the file.
 * - graph-azure: the steps declare `azure_network_firewall` (NetworkEntities.AZURE_FIREWALL); no step declares
 *   `azure_network_azure_firewall`.
 * - graph-tanium: the type is `tanium_endpoint` (src/steps/constants.ts); `tanium_endpoints` does not exist.
 * - graph-tenable-io: the container steps declare tenable_container_image, _repository, _report and so on;
 *   nothing declares `tenable_container`.
 */
const REAL_FINDINGS = [
  'graph-artifactory/jupiterone/questions/questions.yaml:12:5 question-schema "queries"',
  'graph-azure/jupiterone/questions/questions.yaml:1726:13 j1ql-undeclared-type "azure_network_azure_firewall"',
  'graph-azure/jupiterone/questions/questions.yaml:1749:13 j1ql-undeclared-type "azure_network_azure_firewall"',
  'graph-tanium/jupiterone/questions/questions.yaml:46:16 j1ql-undeclared-type "tanium_endpoints"',
  'graph-tenable-io/jupiterone/questions/questions.yaml:14:12 j1ql-undeclared-type "tenable_container"',
  'graph-tenable-io/jupiterone/questions/questions.yaml:20:12 j1ql-undeclared-type "tenable_container"',
  'graph-tenable-io/jupiterone/questions/questions.yaml:41:14 j1ql-undeclared-type "tenable_container"',
  'graph-tenable-io/jupiterone/questions/questions.yaml:69:12 j1ql-undeclared-type "tenable_container"',
  'graph-tenable-io/jupiterone/questions/questions.yaml:80:12 j1ql-undeclared-type "tenable_container"',
];

function questionFiles(): Array<{ project: string; file: string }> {
  if (!fs.existsSync(EXT)) return [];
  const found: Array<{ project: string; file: string }> = [];
  for (const name of fs.readdirSync(EXT).sort()) {
    const dir = path.join(EXT, name, 'jupiterone', 'questions');
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir).sort()) if (/\.ya?ml$/.test(f)) found.push({ project: path.join(EXT, name), file: path.join(dir, f) });
  }
  return found;
}

describe('questions: the question files of real public integrations', function () {
  this.timeout(300_000);
  const files = questionFiles();

  before(function () {
    if (!files.length) this.skip();
  });

  it('validate with no false finding, every query mapped exactly and parsed', () => {
    const findings: string[] = [];
    let queries = 0;
    for (const { project, file } of files) {
      const text = fs.readFileSync(file, 'utf8');
      const analysis = analyzeIntegration({ projectPath: project, host: diskFileHost });
      const integration = 'kind' in analysis ? undefined : analysis;
      const rules = integration && createRuleContext(integration, diskFileHost, {});
      const facts = rules ? { effects: rules.effects.bind(rules), dataModel: dataModelOf(rules) } : undefined;
      const doc = questionDocument(file, text);
      queries += doc.queries.length;
      for (const entry of doc.queries) assert.ok(entry.offsets().exact, `${file}: query ${entry.question}/${entry.query} not mapped exactly`);
      const lines = new LineIndex(text);
      for (const f of questionsKind.check(file, text, { root: project, settings: DEFAULT_DOCUMENT_SETTINGS, host: diskFileHost, integration, facts })) {
        const p = lines.position(f.range.start);
        findings.push(`${path.relative(EXT, file)}:${p.line + 1}:${p.character + 1} ${f.code} ${JSON.stringify(text.slice(f.range.start, f.range.end))}`);
      }
    }
    // Figures for the report; the assertion is the list.
    console.log(`      ${files.length} question files, ${queries} queries, ${findings.length} findings`);
    assert.deepEqual(findings, REAL_FINDINGS);
  });
});
