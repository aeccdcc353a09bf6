import * as path from 'node:path';
import type { IntegrationAnalysis } from '../model/buildModel';
import type { Resolved, SourceRange, StepModel } from '../model/types';
import { LineIndex } from '../text/lineIndex';
import { parsedFile } from './syntax';

/** Small helpers for the text the queries show (hover Markdown, details). */

/** Inline code that survives backticks in the value. */
export function code(value: string): string {
  const fence = value.includes('`') ? '``' : '`';
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

/** Plain text with the characters that are active inside a Markdown line escaped (names are never at a line start). */
export function escapeMarkdown(value: string): string {
  return value.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);
}

export function known<T>(value: Resolved<T> | undefined): T | undefined {
  return value?.kind === 'known' ? value.value : undefined;
}

const lineIndexes = new WeakMap<object, LineIndex>();

/** `src/steps/users.ts:12`: the project-relative file and 1-based line of a range's start. */
export function location(analysis: IntegrationAnalysis, range: SourceRange): string {
  const relative = path.relative(analysis.model.projectPath, range.file).split(path.sep).join('/');
  const parsed = parsedFile(analysis, range.file);
  if (!parsed) return relative;
  let lines = lineIndexes.get(parsed.sourceFile);
  if (!lines) {
    lines = new LineIndex(parsed.text);
    lineIndexes.set(parsed.sourceFile, lines);
  }
  return `${relative}:${lines.position(range.start).line + 1}`;
}

/** `fetch-users` (Fetch Users): how a step is named in lists. */
export function stepLabel(step: StepModel): string {
  const id = known(step.id);
  const name = known(step.name);
  if (id === undefined) return name !== undefined ? `a step with an id known only at run time (${escapeMarkdown(name)})` : 'a step with an id known only at run time';
  return name !== undefined ? `${code(id)} (${escapeMarkdown(name)})` : code(id);
}

export function uniqueSteps(steps: Array<StepModel | undefined>): StepModel[] {
  return [...new Set(steps.filter((s): s is StepModel => s !== undefined))];
}
