/**
 * Text for XML 1.0 exports (GraphML, GEXF) and the HTML report. XML 1.0 forbids most control
 * characters, lone surrogates and U+FFFE/U+FFFF even when escaped, so a strict parser rejects a whole
 * file for one such character in a dataset name: they are replaced with U+FFFD, which shows the spot.
 */

const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** `text` with every character XML 1.0 does not allow replaced by U+FFFD. */
export function xmlChars(text: string): string {
  return text.replace(NOT_XML_CHAR, '\uFFFD');
}

/** `value` escaped for XML text and attribute values, with its characters made valid. */
export function xmlEscape(value: string): string {
  return xmlChars(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
