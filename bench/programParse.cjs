// TypeScript's own "Parse time" for the same files, as `tsc --extendedDiagnostics` reports it: a Program
// built over them (trees kept, files read through the compiler host), timed by the compiler's own
// performance marks. Neither the default library nor imports are loaded, so exactly the listed files are
// parsed (`--list FILE` as in parseOnly.cjs). For information beside the bare parse (parseOnly.cjs): it
// answers "which parse time" with TypeScript's own measure. Same TypeScript as the core.
const { ts } = require('ts-morph');
const { sourceFiles } = require('./sourceFiles.cjs');

const files = sourceFiles(process.argv);
ts.performance.enable();
ts.createProgram({ rootNames: files, options: { noLib: true, noResolve: true, types: [], target: ts.ScriptTarget.Latest } });
process.stdout.write(JSON.stringify({ parseMs: ts.performance.getDuration('Parse') }));
