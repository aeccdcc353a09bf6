export { questionsKind } from './kind';
export { QUESTION_FILE_GLOBS } from './paths';
export { questionDocument, type QuestionDocument, type QueryEntry } from './questionFile';
export { QUESTION_YAML_SYNTAX } from './rules/yamlSyntax';
export { QUESTION_SCHEMA } from './rules/schemaRule';
export { DUPLICATE_ID, DUPLICATE_QUERY_NAME, DUPLICATE_TAG, DUPLICATE_TITLE } from './rules/uniqueness';
export { J1QL_SYNTAX } from './rules/j1qlSyntax';
export { J1QL_UNDECLARED_TYPE } from './rules/undeclaredType';
export { J1QL_UNKNOWN_CLASS } from './rules/unknownClass';
