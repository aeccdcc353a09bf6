import type { ErrorObject } from 'ajv';
import { findNodeAtLocation, getNodeValue, type Node } from 'jsonc-parser';
import { pointerSegments } from '../../text/jsonPointer';
import { quoteList, type ImportIssue } from '../issue';
import { meaningfulErrors, schemaValidators } from '../schema';
import { CI_ACTIONS, ENTITY_TYPES, LINK_ACTIONS, UNIMPLEMENTED_LINK_ACTIONS, type ImportElement } from '../types';
import type { ParsedImport } from '../parse';

export const SCHEMA = 'context-graph-schema';

/**
 * The structure of the import, checked with its JSON Schema (Ajv): every error at the JSON node at fault, in the
 * engine's words where it has some (`_id is required`, `type is not valid "x"`, `The action x is not recognized`,
 * `cis should be an array`). Elements with an error are marked invalid: the engine would stop at them.
 */
export function structure(parsed: ParsedImport): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const root = parsed.root;
  if (!root) return issues;
  const { ci, link, root: rootValidator } = schemaValidators();
  if (root.type !== 'object') {
    issues.push({ code: SCHEMA, severity: 'error', node: root, message: 'A context-graph import is a JSON object: {"cis": [...], "links": [...]}.' });
    return issues;
  }
  const shallow = Object.fromEntries((root.children ?? []).map((p) => [p.children?.[0]?.value as string, p.children?.[1]?.type === 'array' ? [] : p.children?.[1] ? getNodeValue(p.children[1]) : undefined]));
  if (!rootValidator(shallow)) {
    for (const error of meaningfulErrors(rootValidator.errors)) {
      const key = error.instancePath.slice(1);
      const node = findNodeAtLocation(root, [key]);
      if (node) issues.push({ code: SCHEMA, severity: 'error', node, message: `${key} should be an array: write "${key}": [ ... ].` });
    }
  }
  for (const element of [...parsed.cis, ...parsed.links]) {
    const validate = element.kind === 'ci' ? ci : link;
    if (validate(getNodeValue(element.node))) continue;
    for (const error of meaningfulErrors(validate.errors)) {
      const issue = explain(element, error);
      if (issue.severity === 'error') element.invalid = true;
      issues.push(issue);
    }
  }
  return issues;
}

function explain(element: ImportElement, error: ErrorObject): ImportIssue {
  const segments = pointerSegments(error.instancePath);
  const node: Node = findNodeAtLocation(element.node, segments) ?? element.node;
  const field = segments.join('.');
  const where = element.kind === 'ci' ? `cis[${element.index}]` : `links[${element.index}]`;
  const issue = (message: string, extra: Partial<ImportIssue> = {}): ImportIssue => ({ code: SCHEMA, severity: 'error', node, message, element, ...extra });
  const value = node.type === 'string' ? (node.value as string) : undefined;

  if (error.keyword === 'required') {
    const missing = (error.params as { missingProperty: string }).missingProperty;
    if (field === 'action_properties') return issue(`action_properties.${missing} is required for the action "${missing}": the time(s) the entity was ${missing}d, a timestamp or a list of timestamps, e.g. "action_properties": {"${missing}": 1700000000}.`);
    if (missing === 'action_properties') return issue(`action_properties is required for the action "${element.kind === 'ci' ? element.action : ''}": add "action_properties": {"${element.kind === 'ci' ? element.action : ''}": <timestamp>}.`);
    if (missing === 'action') {
      const actions = element.kind === 'ci' ? CI_ACTIONS : LINK_ACTIONS;
      return issue(`action is required in ${where}: without it the engine fails with "The action  is not recognized". Add "action": one of ${quoteList(actions)}.`);
    }
    if (element.kind === 'link') {
      const role = missing === 'from' ? 'the ids of the entities that impact "to" (a list)' : missing === 'to' ? 'the id of the entity impacted by "from"' : missing;
      return issue(`${missing} is required in ${where}: ${role}.`);
    }
    if (missing === 'type') return issue(`type is required in ${where}: add "type": one of ${quoteList(ENTITY_TYPES)}.`);
    return issue(`${missing} is required in ${where}: the id of the entity the action applies to.`);
  }
  if (error.keyword === 'enum' && segments[0] === 'type') {
    return issue(`type is not valid ${JSON.stringify(value ?? getNodeValue(node))}: use one of ${quoteList(ENTITY_TYPES)}.`);
  }
  if (error.keyword === 'enum' && segments[0] === 'action') {
    if (element.kind === 'link' && (UNIMPLEMENTED_LINK_ACTIONS as readonly string[]).includes(value ?? '')) {
      return issue(`import action not implemented: a link can only be created or deleted (${quoteList(LINK_ACTIONS)}), not "${value}". To change a link, delete it and create the new one.`);
    }
    const actions = element.kind === 'ci' ? CI_ACTIONS : LINK_ACTIONS;
    return issue(`The action ${value ?? getNodeValue(node)} is not recognized: use one of ${quoteList(actions)}.`);
  }
  if (error.keyword === 'minLength') {
    if (segments[0] === '_id') return issue(`_id is required in ${where}: it is empty.`);
    return issue(`${field} is empty: give the id of an entity.`);
  }
  if (error.keyword === 'minItems' && segments[0] === 'from') {
    return issue(`from is empty: this link connects nothing and the engine skips it. Add the ids of the entities that impact "${element.kind === 'link' ? (element.to?.id ?? '') : ''}", or remove the link.`, { severity: 'warning' });
  }
  if (error.keyword === 'type' && segments.length === 0) {
    return issue(`Each element of "${element.kind === 'ci' ? 'cis' : 'links'}" is an object: ${where} is ${node.type === 'array' ? 'an array' : `a ${node.type}`}.`);
  }
  if (error.keyword === 'type' && element.kind === 'link' && field === 'from' && node.type === 'string') {
    return issue(`from must be a list of entity ids, not a string: the engine cannot decode this link. Write "from": [${JSON.stringify(node.value)}].`, {
      fixes: [{ title: 'Wrap in a list', preferred: true, edits: [{ offset: node.offset, length: node.length, newText: `[${JSON.stringify(node.value)}]` }] }],
    });
  }
  if (error.keyword === 'type') {
    const expected = (error.params as { type: string }).type;
    const article = expected === 'object' || expected === 'array' || expected === 'integer' ? 'an' : 'a';
    return issue(`${field} must be ${article} ${expected} (it is ${node.type === 'array' || node.type === 'object' ? `an ${node.type}` : `a ${node.type}`}): the engine cannot decode ${where}.`);
  }
  return issue(`${field || where} ${error.message ?? 'is not valid'}.`);
}
