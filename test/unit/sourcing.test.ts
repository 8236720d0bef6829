import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { guardedFetch, isLoopbackHost, OfflineError } from '../../agents/network/policy.js';
import { arxivClient, parseAtom } from '../../agents/sourcing/arxiv.js';
import { hubClient } from '../../agents/sourcing/hub.js';
import { sourceDataset } from '../../agents/sourcing/index.js';
import { openLibrary } from '../../agents/sourcing/library.js';
import { arxivIdsIn } from '../../agents/sourcing/links.js';
import { startFakeHub } from '../fakes/fake-hub.js';
import { closedPort, type FakeServer } from '../fakes/http.js';
import { traceLibrary } from '../helpers/library.js';
import { tempDir, writeTree } from '../helpers/temp.js';

const SAMPLES = traceLibrary();

const servers: FakeServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

const online = guardedFetch({ remoteAllowed: true, purpose: 'test', hint: '' });

describe('the sourcing agent: library', () => {
  it('finds a dataset’s cards in a library folder by any of its names', () => {
    const library = openLibrary(SAMPLES);
    const ultra = library.documentsFor({ id: 'openbmb/UltraFeedback', name: 'openbmb/UltraFeedback', aliases: [] });
    expect(ultra.map((d) => d.location)).toEqual([join(SAMPLES, 'ultrafeedback.md')]);
    expect(ultra[0]).toMatchObject({ kind: 'card', from: 'library' });
    expect(ultra[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(library.documentsFor({ id: 'acme-math-tutor', name: 'Acme Math Tutor', aliases: [] }).map((d) => d.location)).toEqual([join(SAMPLES, 'acme-math-tutor/README.md')]);
    expect(library.documentsFor({ id: 'databricks/databricks-dolly-15k', name: 'Dolly 15k', aliases: [] })).toEqual([]);
  });

  it('reports cards it cannot read and still finds broken ones by file name', () => {
    const dir = writeTree(tempDir(), {
      'broken-set.md': '---\nlicense: [oops\n---\n# Broken Set\n\nDerived from GSM8K.\n',
      'binary.md': new Uint8Array([0, 1, 2]),
      'set-a/README.md': '# Set A\n\nA set.\n',
      'set-a/paper.md': '# Building it\n\nWe sampled MATH.\n',
    });
    const library = openLibrary(dir);
    expect(library.problems.join('\n')).toMatch(/binary\.md: binary file/);
    expect(library.documentsFor({ id: 'broken-set', name: 'broken-set', aliases: [] })).toHaveLength(1);
    // A paper beside a README describes the README's dataset.
    expect(library.documentsFor({ id: 'set-a', name: 'Set A', aliases: [] }).map((d) => d.kind).sort()).toEqual(['card', 'paper']);
    expect(() => openLibrary(join(dir, 'nope'))).toThrow(/no such library folder/);
  });
});

describe('the sourcing agent: online (against a local fake hub and arXiv)', () => {
  it('reads the hub README and info, then the arXiv abstracts it links to (two at most)', async () => {
    const hub = await startFakeHub({
      datasets: [
        {
          id: 'acme/mix',
          createdAt: '2024-03-05T10:00:00.000Z',
          license: 'apache-2.0',
          tags: ['arxiv:2401.00001'],
          readme: '# Acme Mix\n\nSee [our paper](https://arxiv.org/abs/2402.00002v2) and https://huggingface.co/papers/2403.00003.\n\nIt merges UltraChat and Dolly 15k.\n',
        },
      ],
      papers: [
        { id: '2401.00001', title: 'Acme Mix: a & b', summary: 'We build Acme Mix by merging UltraChat with Dolly.', published: '2024-01-02' },
        { id: '2402.00002', title: 'Second', summary: 'More.', published: '2024-02-01' },
        { id: '2403.00003', title: 'Third', summary: 'Not fetched.', published: '2024-03-01' },
      ],
    });
    servers.push(hub);
    const result = await sourceDataset({ id: 'acme/mix', name: 'acme/mix', aliases: [] }, [], {
      hub: hubClient({ fetch: online, endpoint: hub.url }),
      arxiv: arxivClient({ fetch: online, endpoint: hub.url }),
    });
    expect(result.documents.map((d) => [d.location, d.kind, d.from])).toEqual([
      ['hf://datasets/acme/mix/README.md', 'card', 'hub'],
      ['https://arxiv.org/abs/2401.00001', 'paper', 'arxiv'],
      ['https://arxiv.org/abs/2402.00002', 'paper', 'arxiv'],
    ]);
    expect(result.documents[1]!.text).toContain('# Acme Mix: a & b');
    expect(result.facts).toEqual({ releaseDate: '2024-01-02', license: 'apache-2.0', url: 'https://huggingface.co/datasets/acme/mix' });
    expect(hub.requests.map((r) => r.path)).toEqual(['/api/datasets/acme/mix', '/datasets/acme/mix/resolve/main/README.md', '/api/query?id_list=2401.00001,2402.00002&max_results=2']);
  });

  it('notes what it cannot fetch (unknown, gated, server down) and goes on', async () => {
    const hub = await startFakeHub({ datasets: [{ id: 'acme/gated', gated: true }] });
    servers.push(hub);
    const client = hubClient({ fetch: online, endpoint: hub.url });
    expect((await sourceDataset({ id: 'acme/none', name: 'x', aliases: [] }, [], { hub: client })).notes).toEqual(['acme/none is not on the hub']);
    expect((await sourceDataset({ id: 'acme/gated', name: 'x', aliases: [] }, [], { hub: client })).notes[0]).toMatch(/gated or private/);
    const down = hubClient({ fetch: online, endpoint: `http://127.0.0.1:${await closedPort()}` });
    expect((await sourceDataset({ id: 'acme/x', name: 'x', aliases: [] }, [], { hub: down })).notes[0]).toMatch(/^hub: /);
    // A dataset known only by a written name is never looked up on the hub.
    expect((await sourceDataset({ id: 'acme-support-logs', name: 'Acme Support Logs', aliases: [] }, [], { hub: client })).notes).toEqual([]);
  });

  it('offline, a fetcher refuses any address that is not this machine before connecting', async () => {
    const offline = guardedFetch({ remoteAllowed: false, purpose: 'the Hugging Face Hub', hint: 'pass --online to allow it' });
    const client = hubClient({ fetch: offline, endpoint: 'https://huggingface.co' });
    await expect(client.info('openai/gsm8k')).rejects.toBeInstanceOf(OfflineError);
    await expect(client.info('openai/gsm8k')).rejects.toThrow(/offline mode: refusing to contact huggingface\.co \(the Hugging Face Hub\)/);
    for (const host of ['127.0.0.1', 'localhost', '[::1]', '127.8.9.10', '::ffff:127.0.0.1']) expect(isLoopbackHost(host)).toBe(true);
    for (const host of ['huggingface.co', '10.0.0.1', '192.168.1.2', '128.0.0.1', 'localhost.evil.com']) expect(isLoopbackHost(host)).toBe(false);
  });

  it('finds paper links and parses arXiv’s Atom feed', () => {
    expect(arxivIdsIn('see arxiv.org/pdf/2306.02707v3, arXiv: 2104.08691 and hf.co/papers/2306.02707')).toEqual(['2306.02707', '2104.08691']);
    expect(parseAtom('<feed><entry><id>http://arxiv.org/abs/2306.02707v1</id><published>2023-06-05T00:00:00Z</published><title>Orca &amp; co</title><summary> Progressive\n learning </summary></entry></feed>')).toEqual([
      { id: '2306.02707', title: 'Orca & co', summary: 'Progressive learning', published: '2023-06-05' },
    ]);
  });
});
