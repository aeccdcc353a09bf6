import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { CiElement, LinkElement } from './types';

export interface ParsedImport {
  root?: Node;
  syntaxErrors: ParseError[];
  cis: CiElement[];
  links: LinkElement[];
  /** The `cis` / `links` array nodes when they are arrays. */
  cisNode?: Node;
  linksNode?: Node;
}

/**
 * Parses the text tolerantly (half-typed text still gives a tree) with the engine's strictness: no comments, no
 * trailing commas (Go's encoding/json refuses both).
 */
export function parseImport(text: string): ParsedImport {
  const syntaxErrors: ParseError[] = [];
  const root = parseTree(text, syntaxErrors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const parsed: ParsedImport = { root, syntaxErrors, cis: [], links: [] };
  if (root?.type !== 'object') return parsed;
  const cisNode = propertyValue(root, 'cis');
  const linksNode = propertyValue(root, 'links');
  if (cisNode?.type === 'array') {
    parsed.cisNode = cisNode;
    parsed.cis = (cisNode.children ?? []).map((node, index) => readCi(node, index));
  }
  if (linksNode?.type === 'array') {
    parsed.linksNode = linksNode;
    parsed.links = (linksNode.children ?? []).map((node, index) => readLink(node, index));
  }
  return parsed;
}

export function syntaxErrorText(error: ParseError): string {
  const name = printParseErrorCode(error.error);
  const known: Record<string, string> = {
    InvalidSymbol: 'invalid symbol',
    InvalidNumberFormat: 'invalid number',
    PropertyNameExpected: 'property name expected',
    ValueExpected: 'value expected',
    ColonExpected: 'colon expected',
    CommaExpected: 'comma expected',
    CloseBraceExpected: 'closing brace expected',
    CloseBracketExpected: 'closing bracket expected',
    EndOfFileExpected: 'end of file expected (the import must be one JSON object)',
    InvalidCommentToken: 'comments are not allowed in JSON',
    UnexpectedEndOfComment: 'unexpected end of comment',
    UnexpectedEndOfString: 'unexpected end of string',
    UnexpectedEndOfNumber: 'unexpected end of number',
    InvalidUnicode: 'invalid unicode sequence',
    InvalidEscapeCharacter: 'invalid escape character',
    InvalidCharacter: 'invalid character in string',
  };
  return known[name] ?? name;
}

/** The value node of a property of an object node (the last one when the key is repeated, as JSON decoders do). */
export function propertyValue(object: Node, key: string): Node | undefined {
  let found: Node | undefined;
  for (const property of object.children ?? []) {
    if (property.type === 'property' && property.children?.[0]?.value === key) found = property.children[1];
  }
  return found;
}

function stringAt(object: Node, key: string): { value: string; node: Node } | undefined {
  const node = propertyValue(object, key);
  return node?.type === 'string' ? { value: node.value as string, node } : undefined;
}

function readCi(node: Node, index: number): CiElement {
  const ci: CiElement = { kind: 'ci', index, node, invalid: false };
  if (node.type !== 'object') return ci;
  const id = stringAt(node, '_id');
  const action = stringAt(node, 'action');
  ci.id = id?.value;
  ci.idNode = id?.node;
  ci.action = action?.value;
  ci.actionNode = action?.node;
  ci.type = stringAt(node, 'type')?.value;
  ci.name = stringAt(node, 'name')?.value;
  const enabled = propertyValue(node, 'enabled');
  if (enabled?.type === 'boolean') ci.enabled = enabled.value as boolean;
  const infos = propertyValue(node, 'infos');
  if (infos?.type === 'object') ci.infos = Object.fromEntries((infos.children ?? []).map((p) => [p.children?.[0]?.value as string, p.children?.[1] ? shallowValue(p.children[1]) : undefined]));
  return ci;
}

function readLink(node: Node, index: number): LinkElement {
  const link: LinkElement = { kind: 'link', index, node, from: [], invalid: false };
  if (node.type !== 'object') return link;
  const from = propertyValue(node, 'from');
  if (from?.type === 'array') for (const item of from.children ?? []) if (item.type === 'string') link.from.push({ id: item.value as string, node: item });
  const to = stringAt(node, 'to');
  if (to) link.to = { id: to.value, node: to.node };
  const action = stringAt(node, 'action');
  link.action = action?.value;
  link.actionNode = action?.node;
  return link;
}

/** Scalars as they are; objects and arrays summarised (infos are shown in hovers, not compared). */
function shallowValue(node: Node): unknown {
  if (node.type === 'object') return '{…}';
  if (node.type === 'array') return '[…]';
  return node.value;
}
