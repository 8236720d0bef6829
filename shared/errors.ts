import { printableName } from './text/printable.js';

/** Errors a user can act on: bad input, a missing file, a dataset that does not exist. The CLI exits 1 on them. */
export class UserError extends Error {
  override readonly name = 'UserError';
  /** The file the problem is in, when there is one. */
  readonly file: string | undefined;

  constructor(message: string, file?: string) {
    // The file name is made printable: it may carry terminal escapes or line breaks.
    super(file ? `${printableName(file)}: ${message}` : message);
    this.file = file;
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
