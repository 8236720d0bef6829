/**
 * Text that is safe to print on a terminal. File names, dataset names and card text can carry escape
 * sequences (ESC, CSI) that move the cursor, rewrite earlier lines or retitle the window, and bidi
 * overrides that show text in another order than it is stored: they are shown as visible escapes.
 */

// C0 controls, DEL, C1 controls (U+009B is an 8-bit CSI), bidi embeddings, overrides and isolates.
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_NAME = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// The same in running text, where tabs and line breaks keep their meaning.
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_TEXT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function visible(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** A file or dataset name for a terminal: every control character, line breaks included, made visible. */
export function printableName(name: string): string {
  return name.replace(UNSAFE_IN_NAME, visible);
}

/** A line of output for a terminal: control characters made visible, tabs and line breaks kept. */
export function printableText(text: string): string {
  return text.replace(UNSAFE_IN_TEXT, visible);
}
