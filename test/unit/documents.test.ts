import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCard } from '../../agents/documents/card.js';
import { collectDocuments } from '../../agents/documents/collect.js';
import { readDocument } from '../../agents/documents/read.js';
import { tempDir, writeTree } from '../helpers/temp.js';

const dir = writeTree(tempDir(), {
  'card.md': '---\npretty_name: Tiny\n---\n# Tiny\n\nText.\n',
  'crlf.md': '# Title\r\n\r\nLine one.\r\n',
  'bom.md': '\uFEFF# With BOM\n',
  'empty.md': '',
  'blank.md': '  \n\n \t\n',
  'binary.bin.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]),
  'latin1.md': new Uint8Array([0x23, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x0a]),
  'big.md': 'x'.repeat(2048),
});

describe('reading a document', () => {
  it('reads UTF-8, drops a BOM, normalises line ends and hashes the bytes', () => {
    const doc = readDocument(join(dir, 'card.md'));
    expect(doc.text.startsWith('---\npretty_name')).toBe(true);
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(readDocument(join(dir, 'crlf.md')).text).toBe('# Title\n\nLine one.\n');
    expect(readDocument(join(dir, 'bom.md')).text).toBe('# With BOM\n');
  });

  it.each([
    ['empty.md', /empty\.md: empty file/],
    ['blank.md', /blank\.md: empty file \(only whitespace\)/],
    ['binary.bin.md', /binary\.bin\.md: binary file/],
    ['latin1.md', /latin1\.md: not valid UTF-8 \(first bad byte at offset 5\)/],
    ['missing.md', /missing\.md: no such file or folder/],
  ])('refuses %s with a message naming the file', (file, message) => {
    expect(() => readDocument(join(dir, file))).toThrow(message);
  });

  it('refuses a document over the size limit, saying how to raise it', () => {
    expect(() => readDocument(join(dir, 'big.md'), { maxBytes: 1024 })).toThrow(/big\.md: document is 2\.0 KB, over the 1\.0 KB limit \(raise it with --max-bytes\)/);
    expect(readDocument(join(dir, 'big.md'), { maxBytes: 4096 }).bytes).toBe(2048);
  });
});

describe('dataset card front matter', () => {
  it('reads the Hugging Face card fields', () => {
    const text = [
      '---',
      'pretty_name: Orca Math Mini',
      'license: [mit, apache-2.0]',
      'language:',
      '- en',
      'task_categories:',
      '- question-answering',
      'size_categories:',
      '- 10K<n<100K',
      'source_datasets:',
      '- original',
      '- extended|squad',
      'configs:',
      '- config_name: default',
      '  data_files: train.jsonl',
      'tags: [math]',
      '---',
      '# Body',
    ].join('\n');
    const card = parseCard(text, 'card.md');
    expect(card.metadata).toMatchObject({
      prettyName: 'Orca Math Mini',
      licenses: ['mit', 'apache-2.0'],
      languages: ['en'],
      taskCategories: ['question-answering'],
      sizeCategories: ['10K<n<100K'],
      sourceDatasets: ['original', 'extended|squad'],
      configs: ['default'],
      tags: ['math'],
    });
    expect(text.slice(card.bodyStart)).toBe('# Body');
  });

  it('reads a source_datasets list of mappings by their name field, never their row counts', () => {
    const card = parseCard('---\nsource_datasets:\n  - name: feedback-prefs-v1\n    rows: 31550\n  - tone-prefs-v2\n  - {name: hh-de-v1, rows: 4000}\n---\n# x\n', 'card.md');
    expect(card.metadata?.sourceDatasets).toEqual(['feedback-prefs-v1', 'tone-prefs-v2', 'hh-de-v1']);
  });

  it('treats a document without front matter as all body', () => {
    expect(parseCard('# Just markdown\n', 'x.md')).toMatchObject({ metadata: undefined, bodyStart: 0 });
  });

  it('names the file and line of malformed YAML', () => {
    const text = '---\npretty_name: Broken\nlicense: [mit\ntags: x\n---\n# Body\n';
    // One clean "file: line N: problem": one line number, no trailing colon, no source excerpt.
    expect(() => parseCard(text, 'broken.md')).toThrow(/^broken\.md: line 4: malformed YAML front matter: [^\n:]*[^\s:]$/);
  });

  it('reads a YAML card as metadata and body at once, its dataset named by `name:`, a lineage chain by its upstream links', () => {
    const text = 'name: caption-qc-labels-v1\nlineage: "subtitle-raw -> caption-qc-labels-v1"\ndescription: Cues sampled from subtitle-raw.\n';
    const card = parseCard(text, 'cards/caption-qc-labels-v1/card.yaml');
    expect(card).toMatchObject({ bodyStart: 0, yamlStart: 0, yamlEnd: text.length });
    expect(card.metadata?.prettyName).toBe('caption-qc-labels-v1');
    expect(card.metadata?.sourceDatasets).toEqual(['subtitle-raw']);
    // A mapping of fields names its datasets in its values; a mapping of weights, in its keys.
    expect(parseCard('name: x\ninputs:\n  prompts_from: prequal-qa-v1\n  responses: newly sampled\n', 'c/x/datacard.yml').metadata?.sourceDatasets).toEqual(['prequal-qa-v1']);
    expect(parseCard('name: x\ncomponents:\n  alpaca-v1: 0.3\n  dolly-v2: 0.7\n', 'c/x/datacard.yml').metadata?.sourceDatasets).toEqual(['alpaca-v1', 'dolly-v2']);
    expect(() => parseCard('name: [x\n', 'cards/x/datacard.yml')).toThrow(/^cards\/x\/datacard\.yml: line \d: malformed YAML card: /);
  });

  it('refuses front matter that is not a mapping', () => {
    expect(() => parseCard('---\n- a\n- b\n---\n', 'list.md')).toThrow(/^list\.md: line 2: the YAML front matter is not a mapping/);
  });
});

describe('collecting documents from folders', () => {
  const root = writeTree(tempDir(), {
    'mix/README.md': '# Mix\n',
    'mix/train.jsonl': '{}\n',
    'mix/test.parquet': 'PAR1',
    'mix/paper.md': '# Paper\n',
    'mix/NOTES.md': '# Notes\n',
    'mix/LICENSE': 'MIT',
    'cards/a.md': '# A\n',
    'cards/b.txt': 'B\n',
    'cards/nested/deeper/README.md': '# Deep\n',
    'cards/image.png': 'x',
    '.hidden/README.md': '# hidden\n',
  });

  it('makes a folder with a README one dataset, with its data files and companion paper', () => {
    const { documents, errors } = collectDocuments([root]);
    expect(errors).toEqual([]);
    const rel = (p: string) => p.slice(root.length + 1);
    expect(documents.map((d) => [rel(d.path), d.kind, d.folderName ?? null, d.dataFiles.map(rel), d.companionOf ? rel(d.companionOf) : null])).toEqual([
      ['cards/a.md', 'card', null, [], null],
      ['cards/b.txt', 'other', null, [], null],
      ['cards/nested/deeper/README.md', 'card', 'deeper', [], null],
      ['mix/README.md', 'card', 'mix', ['mix/test.parquet', 'mix/train.jsonl'], null],
      ['mix/paper.md', 'paper', null, [], 'mix/README.md'],
    ]);
  });

  it('skips the README of a data folder among cards that describes only files, but keeps a headless card', () => {
    const tree = writeTree(tempDir(), {
      'triage/data/README.md': '# triage/data/\n\nPhysical files for the routing sets; see each card for provenance.\n',
      'triage/data/sample.csv': 'a,b\n',
      'triage/intents-v5/README.md': '# intents-v5\n\nBuilt from `intents-v4`.\n',
      'raw/data/README.md': 'Call logs exported from the phone system, 2024.\n',
    });
    const { documents, skipped } = collectDocuments([tree]);
    const rel = (p: string) => p.slice(tree.length + 1);
    expect(documents.map((d) => rel(d.path)).sort()).toEqual(['raw/data/README.md', 'triage/intents-v5/README.md']);
    expect(skipped.map((s) => [rel(s.path), s.reason])).toContainEqual(['triage/data/README.md', 'describes data files of datasets carded elsewhere, not a dataset']);
  });

  it('reads a README beside card files, or over one card folder under its folder title, as an index, and each card file as a card', () => {
    const tree = writeTree(tempDir(), {
      'eval/README.md': '# eval/\n\n| benchmark | for |\n|---|---|\n| [a-bench-v1](a-bench-v1.md) | x |\n| [b-bench-v2](b-bench-v2.md) | y |\n',
      'eval/a-bench-v1.md': '# a-bench-v1\n\nHeld out from `a-v1`.\n',
      'eval/b-bench-v2.md': '# b-bench-v2\n\nHeld out from `b-v2`.\n',
      'exports/README.md': '# Exports — system-of-record extracts\n\n| Export |\n|---|\n| [crm-raw](crm-raw/README.md) |\n| [meters](../billing/meters/README.md) |\n',
      'exports/crm-raw/README.md': '# crm-raw\n\nNightly CRM cases.\n',
      'billing/meters/README.md': '# meters\n\nMeter readings.\n',
      'notes-v2/README.md': '# notes-v2\n\nCleaned notes.\n',
      'notes-v2/data/README.md': '# data/\n\nFiles.\n',
      'notes-v2/DATASHEET.md': '# Datasheet\n',
    });
    const { documents, skipped } = collectDocuments([tree]);
    const rel = (p: string) => p.slice(tree.length + 1);
    expect(documents.filter((d) => d.kind === 'card' && !d.companionOf).map((d) => rel(d.path)).sort()).toEqual([
      'billing/meters/README.md',
      'eval/a-bench-v1.md',
      'eval/b-bench-v2.md',
      'exports/crm-raw/README.md',
      'notes-v2/README.md',
    ]);
    expect(skipped.map((s) => rel(s.path)).sort()).toEqual(expect.arrayContaining(['eval/README.md', 'exports/README.md']));
  });

  it('reads a YAML card as its folder\'s card only where the folder has no markdown card', () => {
    const tree = writeTree(tempDir(), {
      'a/qc-labels/card.yaml': 'name: qc-labels\n',
      'b/adc-classes/adc-classes.yaml': 'name: adc-classes\n',
      'c/mix-v2/README.md': '# mix-v2\n',
      'c/mix-v2/mixture.yaml': 'components: [a, b]\n',
      'c/mix-v2/card.yaml': 'name: other\n',
      'd/configs/weights.yaml': 'a: 1\n',
      'e/rm-train-mix/rm_mix.yaml': 'name: rm-train-mix\nsources:\n  - name: prefs-v3\n',
      'f/settings/run.yaml': 'epochs: 3\n',
    });
    const { documents } = collectDocuments([tree]);
    const rel = (p: string) => p.slice(tree.length + 1);
    // (The one YAML file of a folder is its card when it names a dataset; a config is not.)
    expect(documents.map((d) => rel(d.path)).sort()).toEqual(['a/qc-labels/card.yaml', 'b/adc-classes/adc-classes.yaml', 'c/mix-v2/README.md', 'e/rm-train-mix/rm_mix.yaml']);
  });

  it('reports a path that does not exist', () => {
    const { errors } = collectDocuments([join(root, 'nope')]);
    expect(errors[0]?.message).toMatch(/nope: no such file or folder/);
  });
});
