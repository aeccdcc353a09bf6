import type { Finding } from '../../rules/types';
import type { QuestionDocument } from '../questionFile';

export const QUESTION_YAML_SYNTAX = 'question-yaml-syntax';

/** YAML the SDK's `yaml.load` rejects: nothing else can be checked, as nothing else is checked by the SDK. */
export function yamlSyntaxFindings(doc: QuestionDocument): Finding[] {
  const error = doc.syntaxError;
  if (!error) return [];
  return [
    {
      code: QUESTION_YAML_SYNTAX,
      severity: 'error',
      range: { file: doc.file, start: error.start, end: error.end },
      message: `The question file is not valid YAML: ${error.reason}. Fix the YAML here (indentation, a missing ":" or a quote left open are the usual causes); the SDK cannot load the file until then.`,
    },
  ];
}
