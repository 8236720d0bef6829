/**
 * Shows a trace's events on stderr: a progress bar (cli-progress) when stderr is a terminal, plain lines
 * otherwise (logs, CI, pipes). Stdout stays for the result.
 */
import cliProgress from 'cli-progress';
import type { TraceEvent } from '../engine/runs/events.js';
import { count } from '../shared/text/plural.js';
import { printableName, printableText } from '../shared/text/printable.js';

export interface ProgressView {
  show(event: TraceEvent): void;
  stop(): void;
}

export function progressView(stream: NodeJS.WriteStream = process.stderr, enabled = true): ProgressView {
  if (!enabled) return { show: () => undefined, stop: () => undefined };
  return stream.isTTY ? barView(stream) : lineView(stream);
}

function eta(seconds: number | null): string {
  if (seconds === null) return '…';
  if (seconds < 90) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 90 ? `${minutes} min` : `${(minutes / 60).toFixed(1)} h`;
}

function barView(stream: NodeJS.WriteStream): ProgressView {
  const multi = new cliProgress.MultiBar(
    { stream, format: '{bar} {value}/{total} datasets | {stage} {dataset} | ETA {eta_text}', hideCursor: true, clearOnComplete: false, barsize: 24, noTTYOutput: false },
    cliProgress.Presets.shades_classic,
  );
  let bar: cliProgress.SingleBar | undefined;
  let stopped = false;
  return {
    show(event) {
      if (event.type === 'run') {
        multi.log(`${printableText(`${event.resumed ? 'Resuming' : 'Starting'} run #${event.runId} (${event.extractor})`)}\n`);
        return;
      }
      if (event.type === 'warning') {
        multi.log(`${printableText(`! ${event.dataset ? `${event.dataset}: ` : ''}${event.message}`)}\n`);
        return;
      }
      if (event.type !== 'stage' && event.type !== 'dataset') return;
      const payload = { stage: event.type === 'stage' ? event.stage : event.outcome, dataset: printableName(event.dataset), eta_text: eta(event.etaSeconds) };
      if (!bar) bar = multi.create(Math.max(1, event.total), event.done, payload);
      bar.setTotal(Math.max(1, event.total));
      bar.update(event.done, payload);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      multi.stop();
    },
  };
}

function lineView(stream: NodeJS.WriteStream): ProgressView {
  const write = (line: string) => stream.write(`${printableText(line)}\n`);
  return {
    show(event) {
      switch (event.type) {
        case 'run':
          return write(`${event.resumed ? 'resuming' : 'starting'} run #${event.runId} (${event.extractor}) from ${event.seeds.join(', ')}`);
        case 'stage':
          if (event.stage === 'sourcing' || event.stage === 'extracting') write(`[${event.done}/${event.total}] ${event.stage} ${event.dataset}`);
          return;
        case 'dataset':
          return write(
            `[${event.done}/${event.total}] ${event.dataset}: ${event.outcome}` +
              (event.documents ? ` (${count(event.documents, 'document')}, ${count(event.sources ?? 0, 'source')}, ${count(event.newEdges ?? 0, 'new edge')})` : '') +
              ` — ETA ${eta(event.etaSeconds)}`,
          );
        case 'warning':
          return write(`! ${event.dataset ? `${event.dataset}: ` : ''}${event.message}`);
        default:
          return;
      }
    },
    stop: () => undefined,
  };
}
