/**
 * `rootline serve`: the desktop app in a browser. Serves the renderer and the API on 127.0.0.1 only,
 * with a random session token (sent in the URL fragment, never to the server, on first load) and
 * Host/Origin checks against DNS rebinding and other sites.
 */
import type { Command } from 'commander';
import { randomBytes } from 'node:crypto';
import { Project } from '../../engine/project.js';
import { createHandlers } from '../../engine/api/handlers.js';
import { JobManager } from '../../engine/api/jobs.js';
import { ensureRendererBuilt } from '../renderer-build.js';
import { startAppServer } from '../server/app-server.js';
import { parsePositiveInt } from './common.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('open the Rootline app in your browser: serves it on 127.0.0.1 with a session token')
    .option('-p, --project <file>', 'the Rootline project file (*.rootline); created when missing', 'rootline.rootline')
    .option('--port <n>', 'the port (0 picks a free one)', parsePositiveInt('--port'), 0)
    .option('--rebuild', 'rebuild the app before serving')
    .action(async (options: { project: string; port: number; rebuild?: boolean }) => {
      const staticDir = await ensureRendererBuilt({ force: options.rebuild, log: (line) => process.stderr.write(`${line}\n`) });
      const project = Project.open(options.project);
      const token = randomBytes(24).toString('hex');
      const jobs = new JobManager();
      const server = await startAppServer({ handlers: createHandlers(project, jobs), staticDir, token, port: options.port });
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
