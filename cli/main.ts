/** The `rootline` command: a thin shell over engine/. Exit 0 ok, 1 user error, 2 internal error. */
import { Command, CommanderError } from 'commander';
import { isUserError } from '../shared/errors.js';
import { printableText } from '../shared/text/printable.js';
import { registerAnalyze } from './commands/analyze.js';
import { registerDatasets } from './commands/datasets.js';
import { registerDiversity } from './commands/diversity.js';
import { registerExport } from './commands/export.js';
import { registerDemo } from './commands/demo.js';
import { registerExtract } from './commands/extract.js';
import { registerGraph } from './commands/graph.js';
import { registerImport } from './commands/import.js';
import { registerIngest } from './commands/ingest.js';
import { registerLicenses } from './commands/licenses.js';
import { registerMark } from './commands/mark.js';
import { registerModels } from './commands/models.js';
import { registerReport } from './commands/report.js';
import { registerReview } from './commands/review.js';
import { registerSample } from './commands/sample.js';
import { registerShow } from './commands/show.js';
import { registerServe } from './commands/serve.js';
import { registerTrace } from './commands/trace.js';

/** Every verb, in the order --help lists them. A new verb is one more entry here. */
const VERBS = [registerDemo, registerIngest, registerExtract, registerImport, registerGraph, registerShow, registerDatasets, registerMark, registerAnalyze, registerSample, registerDiversity, registerLicenses, registerExport, registerReport, registerTrace, registerReview, registerModels, registerServe];

export function buildProgram(): Command {
  const program = new Command('rootline')
    .description('Reconstruct and audit the data lineage of LLM post-training datasets — offline, on your machine.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  for (const register of VERBS) register(program);
  const overrideAll = (command: Command) => {
    command.exitOverride();
    command.commands.forEach(overrideAll);
  };
  overrideAll(program);
  return program;
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
    await buildProgram().parseAsync(argv, { from: 'user' });
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
