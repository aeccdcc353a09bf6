/** The CLI's exit codes, the same for every command. */
export const EXIT_OK = 0;
/** Findings, or a generated file that is out of date. */
export const EXIT_FINDINGS = 1;
/** Bad input: no integration found, unreadable project, bad arguments. */
export const EXIT_BAD_INPUT = 2;
