/** The import formats Rootline reads; add a format by adding a descriptor here. */
import { UserError } from '../../shared/errors.js';
import { dpiFormat } from './dpi.js';
import { paperFormat } from './paper.js';
import type { ImportFormat } from './types.js';

export const IMPORT_FORMATS: readonly ImportFormat[] = [paperFormat, dpiFormat];

export function importFormat(id: string): ImportFormat {
  const format = IMPORT_FORMATS.find((f) => f.id === id);
  if (!format) throw new UserError(`unknown import format "${id}" (known: ${IMPORT_FORMATS.map((f) => f.id).join(', ')})`);
  return format;
}
