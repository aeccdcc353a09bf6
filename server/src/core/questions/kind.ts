import type { DocumentKind } from '../documents/types';
import { guarded } from '../queries/guard';
import type { Finding } from '../rules/types';
import { questionCompletion, questionDefinition, questionHover } from './editor';
import { questionDocument } from './questionFile';
import { j1qlSyntaxFindings } from './rules/j1qlSyntax';
import { schemaFindings } from './rules/schemaRule';
import { undeclaredTypeFindings } from './rules/undeclaredType';
import { uniquenessFindings } from './rules/uniqueness';
import { unknownClassFindings } from './rules/unknownClass';
import { yamlSyntaxFindings } from './rules/yamlSyntax';
import { QUESTION_FILE_GLOBS } from './paths';

const QUESTION_PATH = /(?:^|[\\/])jupiterone[\\/]questions[\\/][^\\/]+\.ya?ml$/i;

/**
 * JupiterOne managed question files (`jupiterone/questions/questions.yaml`): the checks of
 * `j1-integration validate-question-file`, offline, plus J1QL syntax and cross-checks with the integration's model.
 */
export const questionsKind: DocumentKind = {
  id: 'questions',
  claims(file, text) {
    if (QUESTION_PATH.test(file)) return true;
    // A question file elsewhere (`validate-question-file -p`): its two top-level keys say what it is.
    return /\.ya?ml$/i.test(file) && /^integrationDefinitionId[ \t]*:/m.test(text) && /^questions[ \t]*:/m.test(text);
  },
  check(file, text, context) {
    const doc = questionDocument(file, text);
    if (doc.syntaxError) return yamlSyntaxFindings(doc);
    // One rule failing on odd input must not hide the others' findings. (concat, not push(...): a generated file
    // can have more findings than a call takes arguments.)
    const findings: Finding[] = ([] as Finding[]).concat(
      guarded('question-schema', [], () => schemaFindings(doc)),
      guarded('question-uniqueness', [], () => uniquenessFindings(doc)),
      guarded('j1ql-syntax', [], () => j1qlSyntaxFindings(doc)),
      guarded('j1ql-undeclared-type', [], () => undeclaredTypeFindings(doc, context)),
      guarded('j1ql-unknown-class', [], () => unknownClassFindings(doc, context)),
    );
    return findings.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  },
  hover: (file, text, offset, context) => guarded('question-hover', undefined, () => questionHover(questionDocument(file, text), offset, context)),
  definition: (file, text, offset, context) => guarded('question-definition', undefined, () => questionDefinition(questionDocument(file, text), offset, context)),
  completion: (file, text, offset, context) => guarded('question-completion', [], () => questionCompletion(questionDocument(file, text), offset, context)),
  discover: () => QUESTION_FILE_GLOBS,
};
