import type { Finding } from '../../rules/types';
import type { QuestionDocument } from '../questionFile';
import { property } from '../questionFile';
import { child, type YamlNode } from '../yamlTree';

export const DUPLICATE_ID = 'question-duplicate-id';
export const DUPLICATE_TITLE = 'question-duplicate-title';
export const DUPLICATE_TAG = 'question-duplicate-tag';
export const DUPLICATE_QUERY_NAME = 'question-duplicate-query-name';

interface Seen {
  node: YamlNode;
}

/**
 * The SDK's uniqueness checks (managedQuestionFileValidator.ts), with its messages: question ids and titles across
 * the file, tags and query names within a question. The SDK stops at the first; every repeat is reported here, on
 * the repeated value, with the first occurrence as related information.
 */
export function uniquenessFindings(doc: QuestionDocument): Finding[] {
  const findings: Finding[] = [];
  const questionNodes = child(doc.root, 'questions')?.value;
  const questionValues = property(doc.value, 'questions');
  if (questionNodes?.kind !== 'sequence' || !Array.isArray(questionValues)) return findings;
  const ids = new Map<string, Seen>();
  const titles = new Map<string, Seen>();
  const file = doc.file;
  const report = (code: string, node: YamlNode, first: Seen, message: string, what: string) =>
    findings.push({
      code,
      severity: 'error',
      range: { file, start: node.start, end: node.end },
      message,
      related: [{ range: { file, start: first.node.start, end: first.node.end }, message: `the first ${what}` }],
    });

  questionNodes.items.forEach((questionNode, q) => {
    const question = questionValues[q];
    const id = property(question, 'id');
    const idText = typeof id === 'string' ? id : String(id);
    const idNode = child(questionNode, 'id')?.value;
    if (typeof id === 'string' && idNode) {
      const first = ids.get(id);
      if (first) {
        report(DUPLICATE_ID, idNode, first, `Non-unique question ID found in file (questionId=${id}). Give this question an id no other question in the file has.`, 'question with this id');
      } else ids.set(id, { node: idNode });
    }
    const title = property(question, 'title');
    const titleNode = child(questionNode, 'title')?.value;
    if (typeof title === 'string' && titleNode) {
      const first = titles.get(title);
      if (first) {
        report(
          DUPLICATE_TITLE,
          titleNode,
          first,
          `Non-unique question title found in file (questionId=${idText}, questionTitle=${title}). Reword this title: every question in the file needs its own.`,
          'question with this title',
        );
      } else titles.set(title, { node: titleNode });
    }

    const tagNodes = child(questionNode, 'tags')?.value;
    const tags = property(question, 'tags');
    if (tagNodes?.kind === 'sequence' && Array.isArray(tags)) {
      const seen = new Map<string, Seen>();
      tagNodes.items.forEach((tagNode, t) => {
        const tag = tags[t];
        if (typeof tag !== 'string') return;
        const first = seen.get(tag);
        if (first) report(DUPLICATE_TAG, tagNode, first, `Non-unique question tag found (questionId=${idText}, tag=${tag}). Remove the repeated tag.`, 'occurrence of this tag');
        else seen.set(tag, { node: tagNode });
      });
    }

    const queryNodes = child(questionNode, 'queries')?.value;
    const queries = property(question, 'queries');
    if (queryNodes?.kind === 'sequence' && Array.isArray(queries)) {
      const seen = new Map<string, Seen>();
      queryNodes.items.forEach((queryNode, i) => {
        const name = property(queries[i], 'name');
        const nameNode = child(queryNode, 'name')?.value;
        // The SDK skips falsy names (`if (query.name)`): an empty name is never a duplicate.
        if (typeof name !== 'string' || !name || !nameNode) return;
        const first = seen.get(name);
        if (first) {
          report(
            DUPLICATE_QUERY_NAME,
            nameNode,
            first,
            `Duplicate query name in question detected (questionId=${idText}, queryName=${name}). Name each query of a question differently (e.g. good and bad).`,
            'query with this name',
          );
        } else seen.set(name, { node: nameNode });
      });
    }
  });
  return findings;
}
