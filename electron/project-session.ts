/** The project the desktop app has open, the recent list, and the API handlers bound to it. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { app } from 'electron';
import { createHandlers, type Handlers } from '../engine/api/handlers.js';
import { JobManager } from '../engine/api/jobs.js';
import { Project } from '../engine/project.js';

const MAX_RECENT = 10;
const recentFile = () => join(app.getPath('userData'), 'recent-projects.json');

export class ProjectSession {
  private project: Project | null = null;
  private handlers: Handlers | null = null;
  private jobs = new JobManager();

  get current(): Project | null {
    return this.project;
  }

  open(file: string): void {
    const next = Project.open(file);
    // A trace or scan of the project being closed stops first (a trace pauses, to be resumed later).
    this.jobs.cancelAll();
    this.project?.close();
    this.project = next;
    this.jobs = new JobManager();
    this.handlers = createHandlers(next, { jobs: this.jobs });
    this.remember(file);
  }

  requireHandlers(): Handlers {
    if (!this.handlers) throw new Error('no project is open');
    return this.handlers;
  }

  recent(): string[] {
    try {
      return (JSON.parse(readFileSync(recentFile(), 'utf8')) as string[]).slice(0, MAX_RECENT);
    } catch {
      return [];
    }
  }

  private remember(file: string): void {
    writeFileSync(recentFile(), JSON.stringify([file, ...this.recent().filter((f) => f !== file)].slice(0, MAX_RECENT)));
  }

  close(): void {
    this.jobs.cancelAll();
    this.project?.close();
    this.project = null;
  }
}
