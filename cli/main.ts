/** The `rootline` command: a thin shell over engine/. Exit 0 ok, 1 user error, 2 internal error. */
import { existsSync, readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { isUserError } from '../shared/errors.js';
import { printableText } from '../shared/text/printable.js';

type Register = (program: Command) => void;

/**
 * Every verb, in the order --help lists them. A verb's module (and what it imports: SQLite, model
 * clients, DuckDB, Vite) is loaded only when that verb runs. A new verb is one more entry here.
 */
const VERBS: ReadonlyArray<{ name: string; load: () => Promise<Register> }> = [
  { name: 'demo', load: async () => (await import('./commands/demo.js')).registerDemo },
  { name: 'ingest', load: async () => (await import('./commands/ingest.js')).registerIngest },
  { name: 'extract', load: async () => (await import('./commands/extract.js')).registerExtract },
  { name: 'import', load: async () => (await import('./commands/import.js')).registerImport },
  { name: 'graph', load: async () => (await import('./commands/graph.js')).registerGraph },
  { name: 'show', load: async () => (await import('./commands/show.js')).registerShow },
  { name: 'datasets', load: async () => (await import('./commands/datasets.js')).registerDatasets },
  { name: 'mark', load: async () => (await import('./commands/mark.js')).registerMark },
  { name: 'analyze', load: async () => (await import('./commands/analyze.js')).registerAnalyze },
  { name: 'sample', load: async () => (await import('./commands/sample.js')).registerSample },
  { name: 'diversity', load: async () => (await import('./commands/diversity.js')).registerDiversity },
  { name: 'licenses', load: async () => (await import('./commands/licenses.js')).registerLicenses },
  { name: 'export', load: async () => (await import('./commands/export.js')).registerExport },
  { name: 'report', load: async () => (await import('./commands/report.js')).registerReport },
  { name: 'trace', load: async () => (await import('./commands/trace.js')).registerTrace },
  { name: 'review', load: async () => (await import('./commands/review.js')).registerReview },
  { name: 'models', load: async () => (await import('./commands/models.js')).registerModels },
  { name: 'serve', load: async () => (await import('./commands/serve.js')).registerServe },
];

/** One line of --help: the verb as usage shows it (`ingest [options] <paths...>`) and what it does. */
export interface VerbLine {
  name: string;
  term: string;
  description: string;
}

/**
 * The program for `argv`: the verb it names, fully registered; with no verb (or an unknown one), every
 * verb as its help line — read from the build's verbs.json when there is one, else from the verbs.
 */
export async function buildProgram(argv: string[] = []): Promise<Command> {
  const program = new Command('rootline')
    .description('Reconstruct and audit the data lineage of LLM post-training datasets — offline, on your machine.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  const named = VERBS.find((verb) => verb.name === verbIn(argv));
  const lines = named ? undefined : builtListing();
  if (named) (await named.load())(program);
  else if (lines) {
    const terms = new Map(lines.map((line) => [line.name, line.term]));
    for (const line of lines) program.command(line.name).description(line.description);
    const plain = program.createHelp();
    program.configureHelp({ subcommandTerm: (command) => terms.get(command.name()) ?? plain.subcommandTerm(command) });
  } else for (const verb of VERBS) (await verb.load())(program);
  const overrideAll = (command: Command) => {
    command.exitOverride();
    command.commands.forEach(overrideAll);
  };
  overrideAll(program);
  return program;
}

/** Every verb's help line, loading every verb: what the build writes to verbs.json. */
export async function verbListing(): Promise<VerbLine[]> {
  const program = new Command('rootline');
  for (const verb of VERBS) (await verb.load())(program);
  const help = program.createHelp();
  return program.commands.map((command) => ({ name: command.name(), term: help.subcommandTerm(command), description: command.description() }));
}

/** The verb named on the command line (`rootline help <verb>` names one too). */
function verbIn(argv: string[]): string | undefined {
  const words = argv.filter((word) => !word.startsWith('-'));
  return words[0] === 'help' ? words[1] : words[0];
}

function builtListing(): VerbLine[] | undefined {
  const file = new URL('./verbs.json', import.meta.url);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as VerbLine[]) : undefined;
}

/**
 * A reader that stops early (`rootline datasets | head`) closes the pipe: that is the reader's choice,
 * not an error, so the command ends quietly with exit code 0 wherever it was writing.
 */
function endQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    if (stream.listeners('error').some((listener) => listener === onStreamError)) continue;
    stream.on('error', onStreamError);
  }
}

function onStreamError(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
}

export async function main(argv: string[]): Promise<number> {
  process.exitCode = 0;
  endQuietlyOnClosedPipe();
  try {
    await (await buildProgram(argv)).parseAsync(argv, { from: 'user' });
    return Number(process.exitCode ?? 0);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return error.exitCode === 0 ? 0 : 1;
    }
    if (isUserError(error)) {
      process.stderr.write(`rootline: ${printableText(error.message)}\n`);
      return 1;
    }
    process.stderr.write(`rootline: internal error: ${printableText((error as Error).stack ?? String(error))}\n`);
    return 2;
  }
}
