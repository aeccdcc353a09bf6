// Cold `check` of a project on disk in a fresh process, recording the project's own TypeScript and
// JavaScript files the check read, so that their bare parse can be timed beside it (bench/real.mjs).
const fs = require('node:fs');
const path = require('node:path');

const project = path.resolve(process.argv[2]);
const listFile = process.argv[3];
const read = new Set();
const readFileSync = fs.readFileSync;
fs.readFileSync = function (file, ...rest) {
  if (typeof file === 'string' && /\.[cm]?[jt]sx?$/.test(file) && file.startsWith(project + path.sep) && !file.includes(`${path.sep}node_modules${path.sep}`)) read.add(file);
  return readFileSync.call(this, file, ...rest);
};
const { analyzeIntegration, runRules, diskFileHost } = require('../dist/core.js');

const started = process.hrtime.bigint();
const analysis = analyzeIntegration({ projectPath: project });
if ('kind' in analysis) throw new Error(analysis.message);
const findings = runRules(analysis, diskFileHost);
const ms = Number(process.hrtime.bigint() - started) / 1e6;
fs.writeFileSync(listFile, JSON.stringify([...read]));
process.stdout.write(JSON.stringify({ ms, steps: analysis.model.steps.items.length, files: read.size, findings: findings.length }));
