/**
 * The small text readers outside the extractor — trimming, model replies, arXiv feeds, quotes, headings,
 * license fields, DPI values — on crafted input: each grows linearly (4× the input costs about 4× the
 * time, measured in the same run), and still gives the ordinary answers.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { stripCitation } from '../../agents/aggregation/canonical.js';
import { documentNames } from '../../agents/documents/identity.js';
import { locateQuote } from '../../agents/extraction/llm/locate.js';
import { parseReply } from '../../agents/providers/structured.js';
import { parseAtom } from '../../agents/sourcing/arxiv.js';
import { cleanHubId } from '../../shared/domain/hub.js';
import { classifyLicenses } from '../../shared/licenses/classify.js';
import { trimEndOf, trimOf, trimStartOf } from '../../shared/text/trim.js';
import { bestMillis } from '../helpers/timing.js';


/** Time at n and at 4n: linear is about 4×, quadratic 16×. */
function expectLinear(make: (n: number) => string, read: (text: string) => unknown, n = 40_000): void {
  const small = make(n);
  const large = make(4 * n);
  const a = bestMillis(() => read(small));
  const b = bestMillis(() => read(large));
  expect(b).toBeLessThan(8 * a + 30);
}

describe('trimming a set of characters', () => {
  it('trims only the ends', () => {
    expect(trimEndOf('a/b//', '/')).toBe('a/b');
    expect(trimStartOf('--a-b', '-')).toBe('a-b');
    expect(trimOf('"“quoted”"', '"“”')).toBe('quoted');
    expect(trimEndOf('////', '/')).toBe('');
    expect(trimEndOf('abc', '/')).toBe('abc');
  });

  it('is linear on long runs inside the string', () => {
    expectLinear((n) => `${'/'.repeat(n)}x${'/'.repeat(n)}x`, (s) => trimEndOf(s, '/'));
    expectLinear((n) => `${','.repeat(n)}x`, (s) => cleanHubId(s));
  });
});

describe('readers of model replies and feeds', () => {
  const schema = z.object({ sources: z.array(z.string()) });

  it('unwraps a fenced JSON reply, and is linear on a fence of whitespace', () => {
    expect(parseReply('```json\n{"sources":["a"]}\n```', schema)).toEqual({ ok: true, value: { sources: ['a'] } });
    expect(parseReply('{"sources":[]}', schema)).toEqual({ ok: true, value: { sources: [] } });
    expectLinear((n) => `\`\`\`\n${'\t'.repeat(n)}x`, (s) => parseReply(s, schema));
  });

  it('reads an Atom feed, and is linear on unclosed entries and CDATA', () => {
    const feed = '<feed><entry><id>http://arxiv.org/abs/2604.10480v1</id><title><![CDATA[Tracing the Roots]]></title><summary>Lineage.</summary><published>2026-04-11T00:00:00Z</published></entry></feed>';
    expect(parseAtom(feed)).toEqual([{ id: '2604.10480', title: 'Tracing the Roots', summary: 'Lineage.', published: '2026-04-11' }]);
    expectLinear((n) => '<entry>'.repeat(n / 7), parseAtom);
    expectLinear((n) => `<entry><title>${'<![CDATA['.repeat(n / 9)}</title></entry>`, parseAtom);
  });

  it('locates a quoted quote, and is linear on runs of quote marks and spaces', () => {
    const text = 'The set is built from Dolly and more.';
    expect(locateQuote(text, '"... built from Dolly …"')?.start).toBe(text.indexOf('built'));
    expectLinear((n) => `x${'"'.repeat(n)}y${' '.repeat(n)}z`, (q) => locateQuote(`${q}${q}`, q));
  });
});

describe('readers of names and fields', () => {
  it('strips citations from names, and stays bounded on long ones', () => {
    expect(stripCitation('MATH (Hendrycks et al., 2021a)')).toBe('MATH');
    expectLinear((n) => `${' '.repeat(n)}(.${'ET AL.'.repeat(n / 6)}B(0)`, stripCitation);
  });

  it('reads the names a heading gives, and is linear on brackets and tags', () => {
    expect(documentNames({ text: '# [billing-chats-v3](x): billing transcripts\n' })).toContain('billing-chats-v3');
    expectLinear((n) => `# ${'['.repeat(n)}][]()\n`, (text) => documentNames({ text }));
    expectLinear((n) => `# ${'<'.repeat(n)}\n`, (text) => documentNames({ text }));
  });

  it('splits license fields, and is linear on whitespace', () => {
    expect(classifyLicenses('CC BY-NC 4.0 and MIT')?.use).toBe('non-commercial');
    expectLinear((n) => `mit${'\t'.repeat(n)}x`, (s) => classifyLicenses(s));
  });
});
