import * as path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { checkCommand } from './commands/check';
import { documentCommand } from './commands/document';
import { importPreviewCommand } from './commands/importPreview';
import { modelCommand } from './commands/model';
import { syncPreviewCommand } from './commands/syncPreview';
import { validateQuestionFileCommand, type ValidateQuestionFileOptions } from './commands/validateQuestionFile';
import { EXIT_BAD_INPUT } from './exitCodes';
import { processOutput, type Output } from './output';

declare const INTEGRATION_LENS_VERSION: string | undefined;

/** Builds the `integration-lens` program; commands report through `output` and return exit codes. */
export function createProgram(output: Output, setExitCode: (code: number) => void): Command {
  const program = new Command('integration-lens')
    .description('Static analysis for JupiterOne integrations, without running them.')
    .version(typeof INTEGRATION_LENS_VERSION === 'string' ? INTEGRATION_LENS_VERSION : '0.0.0-dev')
    .exitOverride()
    .configureOutput({ writeOut: (s) => output.out(s), writeErr: (s) => output.err(s) });

  program
    .command('model')
    .description('print the static model of the integration as JSON')
    .option('-p, --project-path <directory>', 'path to the integration project', '.')
    .option('-m, --module <path>', 'module that exports "invocationConfig", relative to the project path')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['json', 'text']).default('json'))
    .action((opts: { projectPath: string; module?: string; format: string }) => setExitCode(modelCommand(opts, output)));

  program
    .command('check')
    .description('report what the integration would get wrong at run time: every rule, statically')
    .option('-p, --project-path <directory>', 'path to the integration project', '.')
    .option('-m, --module <path>', 'module that exports "invocationConfig", relative to the project path')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'))
    .addOption(
      new Option('--data-model <source>', "which @jupiterone/data-model judges classes: the project's own version, or the bundled one")
        .choices(['project', 'bundled'])
        .default('project'),
    )
    .option('--context-graph-base <file>', 'an export of the existing Canopsis context graph that imports are simulated against')
    .option('--context-graph-max-size <MB>', 'context-graph imports above this size are not checked', '20')
    .action((opts: { projectPath: string; module?: string; format: string; dataModel: string; contextGraphBase?: string; contextGraphMaxSize: string }) => {
      const maxMb = Number(opts.contextGraphMaxSize);
      const documents = {
        ...(opts.contextGraphBase ? { contextGraphBase: path.resolve(opts.contextGraphBase) } : {}),
        ...(maxMb > 0 ? { contextGraphMaxBytes: maxMb * 1024 * 1024 } : {}),
      };
      setExitCode(checkCommand({ ...opts, documents, version: program.version() ?? '0.0.0' }, output));
    });

  program
    .command('import-preview')
    .description('what Canopsis would do with a context-graph import: the stats it would report, or where it would stop')
    .argument('<file>', 'the import ({"cis": [...], "links": [...]})')
    .option('-b, --base <file>', 'an export of the existing context graph to simulate the import against')
    .option('--max-size <MB>', 'refuse imports above this size', '20')
    .addOption(new Option('-f, --format <format>', 'output format (json adds the resulting graph)').choices(['text', 'json']).default('text'))
    .action((file: string, opts: { base?: string; format: string; maxSize: string }) => setExitCode(importPreviewCommand({ file, ...opts }, output)));

  program
    .command('document')
    .description('write the data model section of the documentation, as "j1-integration document" does')
    .option('-p, --project-path <directory>', 'path to the integration project', '.')
    .option('-m, --module <path>', 'module that exports "invocationConfig", relative to the project path')
    .option('-o, --output-file <path>', 'documentation file, relative to the project path unless absolute', 'docs/jupiterone.md')
    .option('--check', 'write nothing; exit 1 with a diff when the section is out of date')
    .action((opts: { projectPath: string; module?: string; outputFile: string; check?: boolean }) =>
      setExitCode(documentCommand(opts, output)),
    );

  program
    .command('sync-preview')
    .description('count what a sync would create, update and delete per _type, compared with a snapshot of the last sync')
    .option('-p, --project-path <directory>', 'path to the integration project (its .j1-integration is compared)', '.')
    .requiredOption('--snapshot <directory>', 'snapshot folder holding graph/ (what the last sync uploaded)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((opts: { projectPath: string; snapshot: string; format: string }) => setExitCode(syncPreviewCommand(opts, output)));

  program
    .command('validate-question-file')
    .description('validate a managed question file as "j1-integration validate-question-file" does, offline (and with JupiterOne, given an account and API key)')
    .option('-p, --file-path <filePath>', 'path to the managed question file (default: ./jupiterone/questions/questions.yaml)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('-a, --account <id>', 'JupiterOne account id, to also validate the queries with JupiterOne (env JUPITERONE_ACCOUNT)')
    .option('-k, --api-key <key>', 'JupiterOne API key, to also validate the queries with JupiterOne (env JUPITERONE_API_KEY)')
    .option('--api-base-url <url>', 'JupiterOne API base URL (default: https://api.us.jupiterone.io)')
    .option('-d, --dry-run', 'make no HTTP request, even with an account and API key')
    // The SDK command's own spellings, so a script can switch tools without changing its arguments.
    .addOption(new Option('--jupiterone-account-id <id>').hideHelp())
    .addOption(new Option('--jupiterone-api-key <key>').hideHelp())
    .action((opts: ValidateQuestionFileOptions & { jupiteroneAccountId?: string; jupiteroneApiKey?: string }) => {
      const result = validateQuestionFileCommand({ ...opts, account: opts.account ?? opts.jupiteroneAccountId, apiKey: opts.apiKey ?? opts.jupiteroneApiKey }, output);
      // Offline it answers at once; with JupiterOne it answers later, and only runAsync waits for it.
      if (typeof result === 'number') setExitCode(result);
      else return result.then(setExitCode);
    });

  program
    .command('lsp')
    .description('start the language server (for any LSP client)')
    .option('--stdio', 'talk LSP over standard input and output (the default)')
    .option('--node-ipc', "talk LSP over Node's IPC channel")
    .option('--socket <port>', 'talk LSP over a socket on 127.0.0.1')
    .action(() => {
      // The server reads its transport from process.argv, as vscode-languageserver does.
      if (!process.argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket'))) process.argv.push('--stdio');
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require(require('node:path').join(__dirname, 'server.js'));
      setExitCode(-1);
    });

  return program;
}

export function run(argv: string[], output: Output = processOutput): number {
  let exitCode = 0;
  const program = createProgram(output, (code) => (exitCode = code));
  try {
    program.parse(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit 0; unknown options and missing arguments are bad input.
      return error.exitCode === 0 ? 0 : EXIT_BAD_INPUT;
    }
    output.err(`internal error: ${(error as Error).stack ?? String(error)}`);
    return EXIT_BAD_INPUT;
  }
  return exitCode;
}

/** Like run, waiting for commands that answer asynchronously (validate-question-file posting to JupiterOne). */
export async function runAsync(argv: string[], output: Output = processOutput): Promise<number> {
  let exitCode = 0;
  const program = createProgram(output, (code) => (exitCode = code));
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : EXIT_BAD_INPUT;
    output.err(`internal error: ${(error as Error).stack ?? String(error)}`);
    return EXIT_BAD_INPUT;
  }
  return exitCode;
}
