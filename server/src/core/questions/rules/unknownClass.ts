import { classCatalog, entityClassNames } from '../../queries/classCatalog';
import type { DataModelFacts } from '../../queries/types';
import { closest } from '../../rules/suggest';
import type { Finding } from '../../rules/types';
import type { DocumentContext } from '../../documents/types';
import { queryRange, type QuestionDocument } from '../questionFile';
import { where } from './j1qlSyntax';

export const J1QL_UNKNOWN_CLASS = 'j1ql-unknown-class';

/**
 * A TitleCase class in FIND or THAT that the data model does not define: the query finds nothing. Questions run
 * on the JupiterOne platform, whose data model may be newer than the project's, so a class is unknown only when
 * neither the project's @jupiterone/data-model nor the bundled one defines it (and both could be read).
 */
export function unknownClassFindings(doc: QuestionDocument, context: DocumentContext): Finding[] {
  const findings: Finding[] = [];
  const dataModel = context.facts?.dataModel;
  for (const entry of doc.queries) {
    for (const ref of entry.parsed().references) {
      if (ref.kind !== 'class' || isEntityClass(ref.name, dataModel) !== false) continue;
      const suggestion = closest(ref.name, entityClassNames(dataModel));
      const range = { file: doc.file, ...queryRange(entry, ref.start, ref.end) };
      findings.push({
        code: J1QL_UNKNOWN_CLASS,
        severity: 'warning',
        range,
        message:
          `"${ref.name}" (in ${where(entry)}) is not an entity class of the JupiterOne data model, so the query finds nothing. ` +
          (suggestion ? `Did you mean "${suggestion}"? ` : '') +
          `Classes are TitleCase data-model classes (User, Host, CodeRepo); a snake_case word is a _type.`,
        data: { class: ref.name, suggestion },
        fixes: suggestion ? [{ title: `Change to "${suggestion}"`, edits: [{ range, newText: suggestion }], preferred: true }] : undefined,
      });
    }
  }
  return findings;
}

/** True or false when some data model knows; false only when every data model that could be read says no. */
export function isEntityClass(name: string, dataModel: DataModelFacts | undefined): boolean | undefined {
  const project = dataModel?.isEntityClass(name);
  if (project) return true;
  const catalog = classCatalog();
  if (!catalog) return project;
  if (catalog.entityClasses.includes(name)) return true;
  return false;
}
