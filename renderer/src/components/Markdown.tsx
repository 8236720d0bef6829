/** Untrusted card text as sanitized HTML: no script, no handlers; no remote image while offline. */
import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { useMemo } from 'react';

export function sanitizeMarkdown(markdown: string, offline: boolean): string {
  const html = marked.parse(markdown, { async: false, gfm: true });
  const purify = DOMPurify();
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'IMG' && offline && !/^data:image\//.test(node.getAttribute('src') ?? '')) {
      node.replaceWith(document.createTextNode(`[image: ${node.getAttribute('alt') ?? 'remote'}]`));
    }
    if (node.tagName === 'A') {
      node.setAttribute('rel', 'noopener noreferrer');
      node.setAttribute('target', '_blank');
    }
  });
  return purify.sanitize(html, { FORBID_TAGS: ['style', 'form', 'iframe', 'object', 'embed'], FORBID_ATTR: ['style'] });
}

export function Markdown({ text, offline }: { text: string; offline: boolean }) {
  const html = useMemo(() => sanitizeMarkdown(text, offline), [text, offline]);
  return <div className="markdown" dangerouslySetInnerHTML={{ __html: html }} />;
}
