// Benchmark for issue 5: validating a generated question file with 1,000 queries (block, folded, quoted and plain
// scalars, placeholders, one syntax error and one unknown class planted), cold in fresh processes, beside js-yaml's
// bare load of the same file measured in the same run (alternating processes; the machine is noisy). Peak RSS is
// the whole process's; the baseline process shows what Node alone takes.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fresh, median } from './fresh.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const dir = join(root, '.bench', 'questions');
mkdirSync(dir, { recursive: true });
const file = join(dir, 'questions-1000.yaml');
const QUERIES = Number(process.env.BENCH_QUERIES ?? 1000);
const runs = Number(process.env.BENCH_RUNS ?? 7);

function generate(count) {
  const lines = ['---', 'sourceId: managed:acme', "integrationDefinitionId: '${integration_definition_id}'", 'questions:'];
  const perQuestion = 4;
  for (let q = 0; q * perQuestion < count; q++) {
    lines.push(`  - id: acme-question-${q}`, `    title: Which Acme users of group ${q} can reach resource ${q}?`);
    lines.push('    description: >-', `      Users of group ${q} and what they can reach, with their`, '      devices and the findings on them.', '    queries:');
    for (let i = 0; i < perQuestion && q * perQuestion + i < count; i++) {
      const n = q * perQuestion + i;
      const cls = n === 500 ? 'Usr' : 'User';
      const broken = n === 733 ? ' AND AND' : '';
      lines.push(`      - name: query-${i}`, `        resultsAre: ${['BAD', 'GOOD', 'INFORMATIVE', 'UNKNOWN'][i]}`);
      switch (i) {
        case 0:
          lines.push('        query: |', `          FIND ${cls} WITH active = true${broken}`, `            THAT IS acme_user WITH email $= '@{{domain}}'`, '            THAT HAS (acme_group|acme_team) AS g', '          RETURN g.name, count(acme_user)');
          break;
        case 1:
          lines.push('        query: >-', `          FIND acme_device WITH platform = 'windows' AND lastSeenOn > date.now - 30 days${broken}`, `            THAT !HAS acme_finding WITH severity = 'critical'`, '          ORDER BY acme_device.name LIMIT 100');
          break;
        case 2:
          lines.push(`        query: "FIND acme_user WITH name ~= \\"admin\\" AND _integrationDefinitionId = '\${integration_definition_id}'${broken}"`);
          break;
        default:
          lines.push(`        query: FIND acme_repository AS r THAT ALLOWS << acme_user AS u WHERE r.public = true${broken} RETURN r.name, u.email`);
      }
    }
    lines.push('    tags:', '      - acme', `      - group-${q}`);
  }
  return lines.join('\n') + '\n';
}

const text = generate(QUERIES);
writeFileSync(file, text);
execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), 'core'], { stdio: 'ignore' });

const run = (mode) => fresh('questionsOnly.cjs', [mode, file]);
const yaml = [];
const check = [];
for (let i = 0; i < runs; i++) {
  yaml.push(run('yaml'));
  check.push(run('check'));
}
const yamlMs = median(yaml.map((r) => r.ms));
const checkMs = median(check.map((r) => r.ms));
const findings = Object.entries(check[0].findings).map(([code, n]) => `${code} ${n}`).join(', ') || 'none';
console.log(`question file: ${yaml[0].queries} queries, ${(text.length / 1024).toFixed(0)} KiB, ${text.split('\n').length} lines; findings: ${findings}`);
console.log(`js-yaml load (the SDK's parse), median of ${runs}: ${yamlMs.toFixed(1)} ms; peak RSS ${median(yaml.map((r) => r.maxRssMb)).toFixed(0)} MB`);
const loadMs = median(check.map((r) => r.loadMs));
console.log(`validation, cold, median of ${runs}:      ${checkMs.toFixed(1)} ms = ${(checkMs / yamlMs).toFixed(1)}x js-yaml load (plus ${loadMs.toFixed(0)} ms to load dist/core.js, once per process); peak RSS ${median(check.map((r) => r.maxRssMb)).toFixed(0)} MB (heap +${median(check.map((r) => r.heapMb)).toFixed(0)} MB)`);
console.log(`validation, second run (one character edited, as on a keystroke), median of ${runs}: ${median(check.map((r) => r.warmMs)).toFixed(1)} ms`);
