/**
 * `rootline serve`: the desktop app in a browser. Serves the renderer and the API on 127.0.0.1 only,
 * with a random session token (sent in the URL fragment, never to the server, on first load) and
 * Host/Origin checks against DNS rebinding and other sites.
 */
import type { Command } from 'commander';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { createHandlers } from '../../engine/api/handlers.js';
import { UserError } from '../../shared/errors.js';
import { JobManager } from '../../engine/api/jobs.js';
import { ensureRendererBuilt } from '../renderer-build.js';
import { startAppServer } from '../server/app-server.js';
import { openProject, parseWholeNumber } from './common.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('open the Rootline app in your browser: serves it on 127.0.0.1 with a session token')
    .option('-p, --project <file>', 'the Rootline project file (*.rootline); created when missing', 'rootline.rootline')
    .option('--port <n>', 'the port (0 picks a free one)', parseWholeNumber('--port', 65535), 0)
    .option('--rebuild', 'rebuild the app before serving')
    .option('--samples <dir>', 'the folder of sample files the app\'s data-lineage view reads by default')
    .action(async (options: { project: string; port: number; rebuild?: boolean; samples?: string }) => {
      const staticDir = await ensureRendererBuilt({ force: options.rebuild, log: (line) => process.stderr.write(`${line}\n`) });
      const opened = openProject(options.project);
      const project = opened.project;
      const token = randomBytes(24).toString('hex');
      const jobs = new JobManager();
      let server: Awaited<ReturnType<typeof startAppServer>>;
      try {
        server = await startAppServer({ handlers: createHandlers(project, { samples: options.samples ? resolve(options.samples) : undefined, jobs }), staticDir, token, port: options.port });
      } catch (error) {
        opened.close(true);
        throw listenError(error, options.port);
      }
      process.stdout.write(`Rootline is serving ${project.file} at ${server.url}/#token=${token}\n`);
      process.stdout.write('Open that address in your browser; press Ctrl+C to stop.\n');
      await new Promise<void>((resolve) => {
        const stop = () => {
          // A running trace pauses (it resumes from the project file next time); scans stop.
          jobs.cancelAll();
          server.close();
          project.close();
          resolve();
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}

/** A port that cannot be had is the user's to change, not an internal error. */
function listenError(error: unknown, port: number): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return new UserError(`port ${port} is in use; choose another with --port (or --port 0 for any free one)`);
  if (code === 'EACCES') return new UserError(`port ${port} needs privileges this user does not have; choose one above 1023 with --port`);
  return error;
}
