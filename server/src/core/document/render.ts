import type { DocumentMetadata } from './collect';
import { NEWEST_DOCUMENT_FLAVOR, type DocumentFlavor } from './flavor';

// The SDK CLI depends on markdown-table ^2.0.0 (2.0.0 is the only 2.x); the same version pads and
// aligns cells exactly as the committed docs expect. It ships no types.
const markdownTable: (rows: string[][]) => string = require('markdown-table');

export const DOCUMENTATION_MARKER_START = '<!-- {J1_DOCUMENTATION_MARKER_START} -->';
export const DOCUMENTATION_MARKER_END = '<!-- {J1_DOCUMENTATION_MARKER_END} -->';

/** The CLI's own words when a file has a start marker but no end marker. */
export const MISSING_END_MARKER_MESSAGE =
  'Could not generate documentation. Documentation starter marker found, but ending marker not found!';

/**
 * The CLI logs "No entities or relationships found ..." and writes nothing when this is false.
 * Mapped relationships alone do not count, as in the CLI.
 */
export function hasDocumentableTypes(metadata: DocumentMetadata): boolean {
  return metadata.entities.length > 0 || metadata.relationships.length > 0;
}

/** The generated block, from start marker to end marker, with no trailing newline. */
export function renderDocumentationSection(
  metadata: DocumentMetadata,
  flavor: DocumentFlavor = NEWEST_DOCUMENT_FLAVOR,
): string {
  let sections = '';
  if (metadata.entities.length) {
    const rows = metadata.entities.map((e) => [e.resourceName, code(e._type), classCell(e._class)]);
    sections += section(
      'Entities',
      'The following entities are created:',
      markdownTable([['Resources', 'Entity `_type`', 'Entity `_class`'], ...rows]),
    );
  }
  if (metadata.relationships.length) {
    const rows = metadata.relationships.map((r) => [code(r.sourceType), `**${r._class}**`, code(r.targetType)]);
    sections += section(
      'Relationships',
      flavor.relationshipsIntro,
      markdownTable([['Source Entity `_type`', 'Relationship `_class`', 'Target Entity `_type`'], ...rows]),
    );
  }
  if (flavor.mappedRelationships && metadata.mappedRelationships.length) {
    // Mapped targets are type names the mapper resolves, set in italics inside the code span.
    const rows = metadata.mappedRelationships.map((r) => [
      code(r.sourceType),
      `**${r._class}**`,
      `\`*${r.targetType}*\``,
      `${r.direction}`,
    ]);
    sections += section(
      'Mapped Relationships',
      'The following mapped relationships are created:',
      markdownTable([
        ['Source Entity `_type`', 'Relationship `_class`', 'Target Entity `_type`', 'Direction'],
        ...rows,
      ]),
    );
  }

  return [
    DOCUMENTATION_MARKER_START,
    '<!--',
    STARS,
    'NOTE: ALL OF THE FOLLOWING DOCUMENTATION IS GENERATED USING THE',
    '"j1-integration document" COMMAND. DO NOT EDIT BY HAND! PLEASE SEE THE DEVELOPER',
    'DOCUMENTATION FOR USAGE INFORMATION:',
    '',
    `https://github.com/JupiterOne/sdk/blob/${flavor.docsBranch}/docs/integrations/development.md`,
    STARS,
    '-->',
    '',
    `## Data Model${sections}`,
    '',
    '<!--',
    STARS,
    'END OF GENERATED DOCUMENTATION AFTER BELOW MARKER',
    STARS,
    '-->',
    DOCUMENTATION_MARKER_END,
  ].join('\n');
}

/**
 * The whole file after `document`: the old text between (and including) the markers replaced, or
 * the section appended after a blank line when the file has no start marker. Only the first
 * start marker and the first end marker count, as in the CLI.
 */
export function replaceBetweenDocumentMarkers(oldFile: string, section: string): { text: string } | { error: string } {
  const start = oldFile.indexOf(DOCUMENTATION_MARKER_START);
  if (start === -1) return { text: oldFile + '\n\n' + section };
  const end = oldFile.indexOf(DOCUMENTATION_MARKER_END);
  if (end === -1) return { error: MISSING_END_MARKER_MESSAGE };
  // The end marker is searched from the file's start, so one placed before the start marker
  // duplicates the text between them; the CLI does the same and so must we.
  return { text: oldFile.substring(0, start) + section + oldFile.substring(end + DOCUMENTATION_MARKER_END.length) };
}

const STARS = '*'.repeat(80);

/** A heading, its sentence and its table, each preceded by a blank line. */
function section(title: string, sentence: string, table: string): string {
  return `\n\n### ${title}\n\n${sentence}\n\n${table}`;
}

function code(text: string): string {
  return `\`${text}\``;
}

function classCell(_class: string | string[]): string {
  return typeof _class === 'string' ? code(_class) : _class.map(code).join(', ');
}
