/** Hostile documents and folders: each gives a clear error naming the file, and the rest of the batch goes on. */
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCard } from '../../agents/documents/card.js';
import { collectDocuments } from '../../agents/documents/collect.js';
import { readDocument } from '../../agents/documents/read.js';
import { summaryOf } from '../../engine/ingest/ingest.js';
import { locateSampleFiles } from '../../engine/samples/locate.js';
import { LIMITS } from '../../shared/limits.js';
import { tempDir, writeTree } from '../helpers/temp.js';

/** A YAML alias bomb ("billion laughs"): ten levels of nine aliases each, 9^10 nodes if expanded. */
function aliasBomb(): string {
  const lines = ['---', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let level = 1; level < 10; level++) {
    const name = String.fromCharCode(97 + level);
    const previous = String.fromCharCode(96 + level);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
  }
  return `${lines.join('\n')}\n---\n# Bomb\n`;
}

describe('hostile YAML front matter', () => {
  it('refuses an alias bomb with the file and the line of the first alias', () => {
    expect(() => parseCard(aliasBomb(), 'bomb.md')).toThrow(/^bomb\.md: line 3: the YAML front matter's aliases expand to more than 100 nodes/);
  });

  it('refuses 5,000 merge keys the same way', () => {
    const text = `---\nbase: &b {x: 1}\nm:\n${'  <<: *b\n'.repeat(5000)}---\n# Merge\n`;
    expect(() => parseCard(text, 'merge.md')).toThrow(/^merge\.md: line 4: the YAML front matter's aliases expand/);
  });

  it('refuses nesting past the depth limit, flow or block, before anything recurses', () => {
    const flow = `---\nk: ${'['.repeat(5000)}${']'.repeat(5000)}\n---\n`;
    expect(() => parseCard(flow, 'flow.md')).toThrow(/^flow\.md: line 2: the YAML front matter nests deeper than 64 levels$/);
    const block = `---\nk:\n${Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i + 1)}a:`).join('\n')}\n---\n`;
    expect(() => parseCard(block, 'block.md')).toThrow(/^block\.md: line \d+: the YAML front matter nests deeper than 64 levels$/);
    // 64 levels are fine: the limit is not a guess at what real cards do (they stay under 15).
    const deepEnough = `---\nk: ${'['.repeat(63)}1${']'.repeat(63)}\n---\n`;
    expect(parseCard(deepEnough, 'ok.md').metadata).toBeDefined();
  });

  it('bounds the size of the front matter and keeps a long error message short', () => {
    const big = `---\nnote: "${'x'.repeat(LIMITS.frontMatterChars)}"\n---\n`;
    expect(() => parseCard(big, 'big.md')).toThrow(/^big\.md: line 2: the YAML front matter is 1\.0 MB, over the 1\.0 MB limit$/);
    const nested = `---\nk: ${'>'.repeat(5000)}\n---\n`;
    let message = '';
    try {
      parseCard(nested, 'gt.md');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^gt\.md: line 2: malformed YAML front matter: /);
    expect(message.length).toBeLessThan(250);
  });

  it('warns about a front matter that is never closed and reads the file as prose', () => {
    const card = parseCard('---\npretty_name: Foo\n\n# Foo\n\nDerived from GSM8K.\n', 'open.md');
    expect(card.metadata).toBeUndefined();
    expect(card.bodyStart).toBe(0);
    expect(card.warnings).toEqual([expect.stringMatching(/^line 1: the YAML front matter is never closed/)]);
  });

  it('closes the front matter only at a line of its own', () => {
    const card = parseCard('---\ntitle: a---\npretty_name: Kept\n---\n# Body\n', 'x.md');
    expect(card.metadata?.prettyName).toBe('Kept');
  });
});

describe('hostile document bytes', () => {
  const dir = writeTree(tempDir(), {
    'late-nul.md': Buffer.concat([Buffer.from(`# Late\n\n${'text '.repeat(4000)}`), Buffer.from([0]), Buffer.from('more\n')]),
  });

  it('refuses a NUL byte anywhere in the file, not only in the first 8 KB', () => {
    expect(() => readDocument(join(dir, 'late-nul.md'))).toThrow(/late-nul\.md: binary file \(a NUL byte at offset 20008\)/);
  });

  it('names the file it cannot read instead of failing the batch', () => {
    const denied = (path: string): Buffer => {
      throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES' });
    };
    expect(() => readDocument(join(dir, 'late-nul.md'), { readFile: denied })).toThrow(/late-nul\.md: cannot read: permission denied$/);
  });

  it('summarises 400 KB of unclosed brackets in linear time and still strips links', () => {
    expect(summaryOf(`${'['.repeat(400_000)}\n`)).toMatch(/^\[{297}/);
    expect(summaryOf(`${'[a]('.repeat(100_000)}\n`)).toMatch(/^\[a\]\(/);
    expect(summaryOf('Built from [GSM8K](https://hf.co/openai/gsm8k) and *MATH* problems.')).toBe('Built from GSM8K and MATH problems.');
  });
});

describe('hostile folders', () => {
  const root = tempDir();
  writeTree(root, {
    'a/README.md': '# Set A\n\nSet A is derived from GSM8K.\n',
    'b/README.md': '# Set B\n\nSet B is derived from MATH.\n',
    'samples/good/data.jsonl': '{"text": "a sample"}\n',
  });
  // Two links that point at each other's folders: a walk that follows links blindly never ends.
  symlinkSync(join(root, 'b'), join(root, 'a', 'to-b'));
  symlinkSync(join(root, 'a'), join(root, 'b', 'to-a'));
  symlinkSync(join(root, 'nowhere.jsonl'), join(root, 'samples', 'broken.jsonl'));
  mkdirSync(join(root, 'samples', 'loop'));
  symlinkSync(join(root, 'samples'), join(root, 'samples', 'loop', 'up'));

  it('follows links but not around a loop, reading each folder once', () => {
    const { documents, errors } = collectDocuments([join(root, 'a'), join(root, 'b')]);
    // b is read once, through the first path that reaches it.
    expect(documents.map((d) => d.path.slice(root.length))).toEqual(['/a/README.md', '/a/to-b/README.md']);
    expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/a[/]to-b[/]to-a: a link back to a folder above it \(a symlink loop\); not followed$/)]);
  });

  it('names a broken link and a loop in a samples folder and finds the other files', () => {
    const located = locateSampleFiles(join(root, 'samples'), (name) => (name === 'good' ? 'good' : undefined));
    expect([...located.byDataset]).toEqual([['good', [join(root, 'samples', 'good', 'data.jsonl')]]]);
    expect(located.problems.map((p) => p.message.slice(root.length)).sort()).toEqual([
      '/samples/broken.jsonl: a broken link (its target does not exist); skipped',
      '/samples/loop/up: a link back to a folder above it (a symlink loop); not followed',
    ]);
  });
});
