/** Writes a curated sample list: JSONL with each full record and its provenance, or a CSV of ids. */
import { writeFileAtomic, type WriteOptions } from '../export/atomic.js';
import { safeCsv } from '../export/safe-csv.js';
import type { ChosenSample } from './lineage-aware.js';

export type SampleListFormat = 'jsonl' | 'csv';

export function writeSampleList(path: string, samples: ChosenSample[], format: SampleListFormat, options: WriteOptions = {}): void {
  writeFileAtomic(path, sampleListText(samples, format), options);
}

/** The sample list as text, for a file or for the app to save. */
export function sampleListText(samples: ChosenSample[], format: SampleListFormat): string {
  if (format === 'csv') {
    const rows = samples.map((s) => ({ dataset: s.dataset, id: s.id, file: s.file, row: s.row, root: s.root, lineage: s.lineage.map((l) => l.id).join(' > ') }));
    return safeCsv(rows, ['dataset', 'id', 'file', 'row', 'root', 'lineage']);
  }
  const lines = samples.map((s) =>
    JSON.stringify({ ...s.record, _rootline: { dataset: s.dataset, id: s.id, file: s.file, row: s.row, root: s.root, lineage: s.lineage } }),
  );
  return lines.length ? `${lines.join('\n')}\n` : '';
}
