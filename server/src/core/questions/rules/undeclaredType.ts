import { closest } from '../../rules/suggest';
import type { Finding } from '../../rules/types';
import type { DocumentContext } from '../../documents/types';
import { integrationTypes } from '../integrationTypes';
import { queryRange, type QuestionDocument } from '../questionFile';
import { where } from './j1qlSyntax';

export const J1QL_UNDECLARED_TYPE = 'j1ql-undeclared-type';

/**
 * A snake_case `_type` in FIND or THAT that has this integration's prefix but that no step declares: a typo or a type
 * the integration no longer produces, so the question finds nothing. Silent when the model is incomplete (a step or
 * a type known only at run time), when the integration has no clear prefix, and for types of other integrations.
 */
export function undeclaredTypeFindings(doc: QuestionDocument, context: DocumentContext): Finding[] {
  if (!context.integration) return [];
  const types = integrationTypes(context.integration);
  if (!types.complete || !types.prefixes.length) return [];
  const findings: Finding[] = [];
  let produced: Set<string> | undefined;
  // A type a handler adds without declaring it still reaches the graph (the runtime only warns): the query would
  // find it, so it is not reported here (TypeScript's undeclared-type finding is the one to fix). Computed only
  // when a candidate turns up, as handler effects cost more than everything else here.
  const producedTypes = () => (produced ??= handlerTypes(context));
  for (const entry of doc.queries) {
    for (const ref of entry.parsed().references) {
      if (ref.kind !== 'type' || types.declared.has(ref.name) || types.endpoints.has(ref.name)) continue;
      const prefix = types.prefixes.find((p) => ref.name.startsWith(p));
      if (!prefix || producedTypes().has(ref.name)) continue;
      const suggestion = closest(ref.name, types.declared.keys());
      const range = { file: doc.file, ...queryRange(entry, ref.start, ref.end) };
      findings.push({
        code: J1QL_UNDECLARED_TYPE,
        severity: 'warning',
        range,
        message:
          `No step of this integration declares the _type "${ref.name}" (in ${where(entry)}), so the query finds no entity of it. ` +
          (suggestion ? `Did you mean "${suggestion}"? ` : '') +
          `Use a _type a step declares in its entities or relationships, or declare "${ref.name}" in the step that creates it.`,
        data: { type: ref.name, suggestion },
        fixes: suggestion
          ? [{ title: `Change to "${suggestion}"`, edits: [{ range, newText: suggestion }], preferred: true }]
          : undefined,
      });
    }
  }
  return findings;
}

function handlerTypes(context: DocumentContext): Set<string> {
  const types = new Set<string>();
  const effects = context.facts?.effects;
  if (!effects || !context.integration) return types;
  for (const step of context.integration.model.steps.items) {
    const e = effects(step);
    for (const record of [...e.entities, ...e.relationships]) if (record._type.kind === 'known') types.add(record._type.value);
  }
  return types;
}
