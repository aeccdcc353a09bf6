import { parse } from 'dotenv';

/** One `NAME=value` assignment of a `.env` file, with where its name is written. */
export interface EnvAssignment {
  name: string;
  value: string;
  /** Offsets of the name in the file. */
  start: number;
  end: number;
}

export interface EnvFile {
  /** Every assignment dotenv keeps, the last one for a repeated name (dotenv's own rule). */
  assignments: EnvAssignment[];
  /** The names dotenv reads. */
  names: Set<string>;
}

/**
 * dotenv's line syntax (lib/main.js): optional `export`, a name of word characters, dots and
 * dashes, `=` or `: `. Used only to find where each name dotenv parsed is written.
 */
const LINE = /^[ \t]*(?:export[ \t]+)?([\w.-]+)(?:[ \t]*=[ \t]*?|:[ \t]+?)/dgm;

/**
 * Parses a `.env` with dotenv itself (so values, quotes, comments and multi-line values are read as
 * the SDK reads them) and locates each parsed name. A name inside a multi-line quoted value is not
 * an assignment: only names dotenv returned are kept.
 */
export function parseEnvFile(text: string): EnvFile {
  const parsed = parse(text);
  const names = new Set(Object.keys(parsed));
  const last = new Map<string, EnvAssignment>();
  for (const match of text.matchAll(LINE)) {
    const name = match[1];
    if (!names.has(name)) continue;
    const start = match.indices![1][0];
    last.set(name, { name, value: parsed[name], start, end: start + name.length });
  }
  return { assignments: [...last.values()].sort((a, b) => a.start - b.start), names };
}
