// Reads j1-integration's output (collect, sync, run of SDK 8 to 17) line by line and keeps what the task reports:
// steps started and their results, undeclared types, step errors with the frame that threw, the synchronization
// job's status. Pure; lines may carry ANSI colours (chalk, bunyan's pretty printer).
//
// The lines it knows, from integration-sdk-cli src/log.ts and the runtime's logger:
//   <time>  INFO <name>: Starting step "Fetch Users"... (stepId=fetch-users)
//   <time> ERROR <name>: Step "Fetch Users" failed to complete due to error. (errorCode=...) (stepId=fetch-users, ...)
//     Error: <message>            <- the error, then its stack, indented
//         at fn (/abs/file.js:6:27)
//   Step "fetch-users" completed with status: success
//   The following types were encountered but are not declared in the step's "types" field:
//     - run_service_account,      <- one per line; SDK 8 leaves a comma after each but the last
//   Synchronization job status: FINALIZE_PENDING
//   Entities uploaded: 5
//   Relationships uploaded: 4
//   Expected environment variable "API_TOKEN" for config field "apiToken" to be set.

export type StepStatus = 'success' | 'failure' | 'partial_success_due_to_dependency_failure' | 'disabled' | 'cached';

export interface SourceLocation {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export interface StepError {
  stepId?: string;
  stepName: string;
  /** The error's own message (`Error: GET /groups answered 500`), when the log printed it. */
  message?: string;
  errorCode?: string;
  /** Stack frames, innermost first. */
  frames: SourceLocation[];
}

export interface RunReport {
  /** Step ids (or names when the line had no id) in the order they started. */
  started: string[];
  /** Final status per step id, from the results table. */
  results: Map<string, StepStatus>;
  /** Undeclared types per step id. */
  undeclaredTypes: Map<string, string[]>;
  errors: StepError[];
  /** Config fields whose variable was missing: field name -> variable. */
  missingConfig: Map<string, string>;
  syncStatus?: string;
  entitiesUploaded?: number;
  relationshipsUploaded?: number;
}

export type RunEvent =
  | { kind: 'stepStarted'; stepId?: string; stepName: string }
  | { kind: 'stepResult'; stepId: string; status: StepStatus }
  | { kind: 'syncStatus'; status: string };

const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;
const STARTING = /\bStarting step "(.+?)"\.\.\.(?:.*\bstepId=([^,)\s]+))?/;
const FAILED = /\bStep "(.+?)" failed to complete due to error\.(?:.*?errorCode="?([\w-]+))?(?:.*\bstepId=([^,)\s]+))?/;
const RESULT = /^Step "(.+?)" completed with status: (\w+)/;
const UNDECLARED_HEADER = /^The following types were encountered but are not declared in the step's "types" field:/;
const LIST_ITEM = /^\s+- (\S+?),?\s*$/;
const SYNC_STATUS = /^Synchronization job status: (\S+)/;
const ENTITIES = /^Entities uploaded: (\d+)/;
const RELATIONSHIPS = /^Relationships uploaded: (\d+)/;
const MISSING_CONFIG = /Expected environment variable "([^"]+)" for config field "([^"]+)" to be set/;
const FRAME = /^\s+at (?:.*? \()?((?:[A-Za-z]:)?[^():]+):(\d+):(\d+)\)?\s*$/;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

export function emptyReport(): RunReport {
  return { started: [], results: new Map(), undeclaredTypes: new Map(), errors: [], missingConfig: new Map() };
}

/** Feeds lines (without their line breaks) into a report; returns the events each line produced. */
export class OutputParser {
  readonly report = emptyReport();
  private lastResultStep: string | undefined;
  private listingUndeclared: string | undefined;
  private openError: StepError | undefined;

  line(raw: string): RunEvent[] {
    const line = stripAnsi(raw).replace(/\r$/, '');
    const events: RunEvent[] = [];
    const report = this.report;

    if (this.openError) {
      if (/^\s+\S/.test(line)) {
        const frame = FRAME.exec(line);
        if (frame) this.openError.frames.push({ file: frame[1], line: Number(frame[2]), column: Number(frame[3]) });
        else if (!this.openError.message && this.openError.frames.length === 0) this.openError.message = line.trim();
        return events;
      }
      this.openError = undefined;
    }
    if (this.listingUndeclared) {
      const item = LIST_ITEM.exec(line);
      if (item) {
        report.undeclaredTypes.get(this.listingUndeclared)!.push(item[1]);
        return events;
      }
      this.listingUndeclared = undefined;
    }

    let match: RegExpExecArray | null;
    if ((match = RESULT.exec(line))) {
      const [, stepId, status] = match;
      report.results.set(stepId, status as StepStatus);
      this.lastResultStep = stepId;
      events.push({ kind: 'stepResult', stepId, status: status as StepStatus });
    } else if (UNDECLARED_HEADER.test(line) && this.lastResultStep) {
      this.listingUndeclared = this.lastResultStep;
      report.undeclaredTypes.set(this.lastResultStep, []);
    } else if ((match = FAILED.exec(line))) {
      this.openError = { stepName: match[1], errorCode: match[2], stepId: match[3], frames: [] };
      report.errors.push(this.openError);
    } else if ((match = STARTING.exec(line))) {
      const [, stepName, stepId] = match;
      report.started.push(stepId ?? stepName);
      events.push({ kind: 'stepStarted', stepId, stepName });
    } else if ((match = SYNC_STATUS.exec(line))) {
      report.syncStatus = match[1];
      events.push({ kind: 'syncStatus', status: match[1] });
    } else if ((match = ENTITIES.exec(line))) {
      report.entitiesUploaded = Number(match[1]);
    } else if ((match = RELATIONSHIPS.exec(line))) {
      report.relationshipsUploaded = Number(match[1]);
    } else if ((match = MISSING_CONFIG.exec(line))) {
      report.missingConfig.set(match[2], match[1]);
    }
    return events;
  }
}

/** Splits a stream of text chunks into lines; `end()` returns the unterminated rest. */
export class LineSplitter {
  private rest = '';

  push(chunk: string): string[] {
    const text = this.rest + chunk;
    const lines = text.split('\n');
    this.rest = lines.pop()!;
    return lines.map((l) => l.replace(/\r$/, ''));
  }

  end(): string[] {
    const rest = this.rest;
    this.rest = '';
    return rest ? [rest] : [];
  }
}
