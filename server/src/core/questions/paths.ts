// Where question files live, in a module of its own: the client reads it without bundling the question checks.

/** Where the SDK's generator puts managed question files, and where `validate-question-file` looks by default. */
export const QUESTION_FILE_GLOBS = ['**/jupiterone/questions/*.yaml', '**/jupiterone/questions/*.yml'];
