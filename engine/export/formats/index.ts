/** The export formats; add one by adding a descriptor file and listing it here. */
import { UserError } from '../../../shared/errors.js';
import type { ExportFormat } from '../types.js';
import { croissantFormat } from './croissant.js';
import { csvFormat } from './csv.js';
import { gexfFormat } from './gexf.js';
import { graphmlFormat } from './graphml.js';
import { jsonFormat } from './json.js';
import { paperFormat } from './paper.js';

export const EXPORT_FORMATS: readonly ExportFormat[] = [gexfFormat, graphmlFormat, jsonFormat, csvFormat, paperFormat, croissantFormat];

export function exportFormat(id: string): ExportFormat {
  const format = EXPORT_FORMATS.find((f) => f.id === id);
  if (!format) throw new UserError(`unknown export format "${id}" (known: ${EXPORT_FORMATS.map((f) => f.id).join(', ')})`);
  return format;
}
