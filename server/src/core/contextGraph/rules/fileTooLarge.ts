import type { ImportIssue } from '../issue';

export const FILE_TOO_LARGE = 'context-graph-file-too-large';

/** Imports above the size limit are not checked: parsing them whole would take several times their size in memory. */
export function fileTooLarge(size: number, limit: number): ImportIssue {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;
  return {
    code: FILE_TOO_LARGE,
    severity: 'warning',
    node: { offset: 0, length: 1 },
    message: `This import is ${mb(size)}, above the ${mb(limit)} limit of integrationLens.contextGraph.maxFileSizeMB (CLI: --context-graph-max-size): Integration Lens does not check it, to keep its memory bounded (a check takes about 40 times the file size). Split the import into smaller files, or raise the limit.`,
    data: { size, limit },
  };
}
