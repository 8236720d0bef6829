/** The CLI as a careless user meets it: closed pipes, typos, wrong flags, hostile files in a batch. */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Project } from '../../engine/project.js';
import { rootline, startRootline } from '../helpers/cli.js';
import { freshProjects, tempDir, writeTree } from '../helpers/temp.js';

const BIN = join(import.meta.dirname, '../../bin/rootline.js');
const fresh = freshProjects();
const dir = tempDir();

/** Builds a project and closes it; returns its file. */
function projectWith(build: (project: Project) => void): string {
  const project = fresh();
  project.transaction(() => build(project));
  const file = project.file;
  project.close();
  return file;
}

const link = (project: Project, upstream: string, downstream: string) =>
  project.edges.addFinding({ upstream, downstream, relation: 'Direct Inclusion/Subset', confidence: 0.9, quote: `${downstream} includes ${upstream}`, agent: 'test' });

describe('a reader that stops early', () => {
  const big = projectWith((project) => {
    project.datasets.ensure({ id: 'hub', name: 'hub' });
    for (let i = 0; i < 5000; i++) {
      project.datasets.ensure({ id: `set-${i}`, name: `set ${i}` });
      link(project, `set-${i}`, 'hub');
    }
  });

  it.each([
    ['datasets', '--roots'],
    ['graph'],
    ['show', 'hub'],
  ])('`rootline %s … | head` ends quietly with exit code 0', async (...args) => {
    const { child, done } = startRootline([...args, '--project', big]);
    child.stdout!.once('data', () => child.stdout!.destroy());
    const result = await done;
    expect(result.stderr).not.toMatch(/EPIPE|internal error|at /);
    expect(result.code).toBe(0);
  });
});

describe('a failed command leaves no empty project behind', () => {
  it.each([
    ['import with an unknown format', (p: string) => ['import', dir, '--format', 'bogus', '--project', p]],
    ['import of a missing path', (p: string) => ['import', join(dir, 'no-such'), '--format', 'paper', '--project', p]],
    ['ingest of a missing path', (p: string) => ['ingest', join(dir, 'no-such.md'), '--project', p]],
    ['trace of a misspelled seed', (p: string) => ['trace', 'No Such Sett', '--project', p, '--no-progress']],
  ])('%s', (_what, args) => {
    const project = join(dir, `left-${Math.random().toString(36).slice(2)}.rootline`);
    const result = rootline(args(project));
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(/internal error/);
    expect(existsSync(project)).toBe(false);
  });

  it('ingest of files that all fail', () => {
    const bad = writeTree(tempDir(), { 'empty.md': '' });
    const project = join(dir, 'all-bad.rootline');
    expect(rootline(['ingest', bad, '--project', project]).code).toBe(1);
    expect(existsSync(project)).toBe(false);
  });

  it('serve on a port in use is a user error with a hint, not an internal error', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const project = join(dir, 'served.rootline');
    const result = rootline(['serve', '--port', String(port), '--project', project]);
    blocker.close();
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`rootline: port ${port} is in use; choose another with --port (or --port 0 for any free one)\n`);
    expect(existsSync(project)).toBe(false);
  });
});

describe('dataset names', () => {
  const project = projectWith((p) => {
    p.datasets.ensure({ id: 'meta-math/MetaMathQA', name: 'MetaMathQA' });
    p.datasets.ensure({ id: 'teknium/openhermes', name: 'teknium/openhermes' });
    p.datasets.ensure({ id: 'teknium/OpenHermes-2.5', name: 'teknium/OpenHermes-2.5' });
    p.datasets.ensure({ id: 'openai/gsm8k', name: 'openai/gsm8k' });
    p.datasets.ensure({ id: 'gsm8k-aug', name: 'gsm8k-aug' });
  });

  it('a typo gets "did you mean"', () => {
    const result = rootline(['show', 'MetaMathQAA', '--project', project]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no dataset named "MetaMathQAA" in .*; did you mean "meta-math\/MetaMathQA"\?/);
  });

  it('a misspelled trace seed gets "did you mean" from the project and the well-known datasets', () => {
    const inProject = rootline(['trace', 'gsm8k-aaug', '--project', project]);
    expect(inProject.code).toBe(1);
    expect(inProject.stderr).toMatch(/no dataset "gsm8k-aaug": not a file, not in the project .*; did you mean "gsm8k-aug"\?/);
    expect(rootline(['trace', 'UltraFeedbak', '--project', project]).stderr).toMatch(/did you mean "openbmb\/UltraFeedback"\?/);
  });

  it.each([
    ['show', ['show', 'OpenHermes']],
    ['mark', ['mark', 'OpenHermes', '--benchmark']],
    ['analyze redundancy', ['analyze', 'redundancy', 'OpenHermes', 'MetaMathQA']],
    ['export --dataset', ['export', '--format', 'croissant', '--dataset', 'OpenHermes', '--out', join(dir, 'c.json')]],
    ['sample --datasets', ['sample', '--samples', dir, '--budget', '5', '--out', join(dir, 's.jsonl'), '--datasets', 'OpenHermes']],
  ])('%s lists every dataset a short name could mean and exits 1', (_verb, args) => {
    const result = rootline([...args, '--project', project]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/"OpenHermes" could mean 2 datasets in .*: teknium\/openhermes, teknium\/OpenHermes-2\.5; give the one you mean by its id/);
  });

  it('the full id, a written name or a short name nothing else shares still resolve', () => {
    expect(rootline(['show', 'teknium/openhermes', '--project', project]).code).toBe(0);
    expect(rootline(['show', 'MetaMathQA', '--project', project]).code).toBe(0);
    expect(rootline(['show', 'gsm8k', '--project', project]).stdout).toMatch(/^openai\/gsm8k\n/);
  });
});

describe('flags and paths', () => {
  const project = projectWith((p) => {
    p.datasets.ensure({ id: 'a', name: 'a' });
    p.datasets.ensure({ id: 'b', name: 'b', license: 'cc-by-nc-4.0' });
    p.datasets.ensure({ id: 'c', name: 'c' });
    link(p, 'a', 'b');
  });

  it('mark says its two flags exclude each other', () => {
    const result = rootline(['mark', 'a', '--benchmark', '--dataset', '--project', project]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/option '--benchmark' cannot be used with option '--dataset'/);
  });

  it('sample refuses a budget of 0', () => {
    const result = rootline(['sample', '--samples', dir, '--budget', '0', '--out', join(dir, 'x.jsonl'), '--project', project]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/--budget must be a whole number of at least 1, got "0"/);
  });

  it('export refuses an output folder that does not exist, and creates none', () => {
    const out = join(dir, 'no', 'such', 'x.gexf');
    const result = rootline(['export', '--format', 'gexf', '--out', out, '--project', project]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/x\.gexf: the folder .*no[/]such does not exist; create it first/);
    expect(existsSync(join(dir, 'no'))).toBe(false);
  });

  it('counts in words: one edge, one root', () => {
    expect(rootline(['graph', '--project', project]).stdout).toMatch(/^3 datasets, 1 edge \(2 roots\)\n/);
  });

  it('licenses says how many datasets declare one, or that none does', () => {
    expect(rootline(['licenses', '--project', project]).stdout).toBe('No license conflicts along the lineage (1 of 3 datasets declares a license).\n');
    const bare = projectWith((p) => p.datasets.ensure({ id: 'x', name: 'x' }));
    expect(rootline(['licenses', '--project', bare]).stdout).toBe('None of the 1 dataset has license information, so no license conflict can be judged.\n');
  });

  it('diversity on a CSV of ids says it has no text instead of scoring the ids', () => {
    const csv = join(dir, 'ids.csv');
    writeFileSync(csv, 'dataset,id,file,row\nacme,acme:1,/data/acme.jsonl,1\nacme,acme:2,/data/acme.jsonl,2\n');
    const result = rootline(['diversity', csv]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/ids\.csv: no text field: the fields read \(dataset, file, row\) hold only ids, names or numbers/);
    expect(result.stdout).not.toMatch(/Vendi/);
  });
});

describe('contamination', () => {
  const project = projectWith((p) => {
    p.datasets.ensure({ id: 'gsm8k', name: 'gsm8k', kind: 'benchmark' });
    p.datasets.ensure({ id: 'gsm-hard', name: 'gsm-hard', kind: 'benchmark' });
    p.datasets.ensure({ id: 'tutor', name: 'tutor' });
    link(p, 'gsm8k', 'gsm-hard');
    link(p, 'gsm-hard', 'tutor');
  });

  it('lists a benchmark built from a benchmark apart, not as a contaminated training set', () => {
    const result = rootline(['analyze', 'contamination', '--project', project, '--json']);
    const radii = result.json<{ graph: Array<{ benchmark: string; datasets: Array<{ id: string }>; derivedBenchmarks: Array<{ id: string }> }> }>().graph;
    expect(radii.map((r) => [r.benchmark, r.datasets.map((d) => d.id), r.derivedBenchmarks.map((d) => d.id)])).toEqual([
      ['gsm-hard', ['tutor'], []],
      ['gsm8k', ['tutor'], ['gsm-hard']],
    ]);
    const text = rootline(['analyze', 'contamination', '--project', project]).stdout;
    expect(text).toMatch(/^gsm8k \(gsm8k\) reaches 1 dataset:\n {2}tutor /m);
    expect(text).toMatch(/Benchmarks derived from benchmarks \(evaluation data built from evaluation data, not contamination\):\n {2}gsm-hard /);
  });
});

describe('hostile files in one batch', () => {
  const folder = writeTree(tempDir(), {
    'good.md': '# Good Set\n\nGood Set is derived from GSM8K.\n',
    'bomb.md': `---\na: &a [x, x, x, x, x, x, x, x, x]\n${Array.from({ length: 8 }, (_, i) => `${'bcdefghi'[i]}: &${'bcdefghi'[i]} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`).join('\n')}\n---\n# Bomb\n`,
    'deep.md': `---\nk: ${'['.repeat(5000)}${']'.repeat(5000)}\n---\n# Deep\n`,
    'open.md': '---\npretty_name: Open\n\n# Open Set\n\nOpen Set is derived from MATH.\n',
    'nul.md': Buffer.concat([Buffer.from(`# Nul\n\n${'x'.repeat(10_000)}`), Buffer.from([0])]),
    [`evil\u001b]0;pwned\u0007\u001b[2J.md`]: '# Evil Name\n\nEvil Name is derived from GSM8K.\n',
  });
  symlinkSync(join(folder, 'missing.md'), join(folder, 'broken.md'));
  mkdirSync(join(folder, 'loop'));
  symlinkSync(folder, join(folder, 'loop', 'up'));

  it('names each bad file and why, ingests the good ones, and never prints a terminal escape', () => {
    const project = join(dir, 'batch.rootline');
    const result = rootline(['ingest', folder, '--project', project]);
    expect(result.code).toBe(1);
    const out = result.stdout + result.stderr;
    expect(out).toMatch(/bomb\.md: line 3: the YAML front matter's aliases expand to more than 100 nodes/);
    expect(out).toMatch(/deep\.md: line 2: the YAML front matter nests deeper than 64 levels/);
    expect(out).toMatch(/! .*open\.md: line 1: the YAML front matter is never closed/);
    expect(out).toMatch(/nul\.md: binary file \(a NUL byte at offset 10007\)/);
    expect(out).toMatch(/broken\.md: a broken link \(its target does not exist\); skipped/);
    expect(out).toMatch(/loop[/]up: a link back to a folder above it \(a symlink loop\); not followed/);
    expect(out).toMatch(/✓ .*good\.md → good-set/);
    expect(out).toMatch(/✓ .*evil\\x1b\]0;pwned\\x07\\x1b\[2J\.md → evil-name/);
    expect(out).toMatch(/^3 ingested, 0 unchanged, 5 failed;/m);
    // eslint-disable-next-line no-control-regex
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  it('a file it may not read is named, and the rest of the folder goes on', () => {
    const own = tempDir();
    chmodSync(own, 0o777);
    writeTree(own, { 'good.md': '# Fine Set\n\nFine Set is derived from GSM8K.\n', 'secret.md': '# Secret\n\ntext\n' });
    chmodSync(join(own, 'secret.md'), 0o000);
    // Tests often run as root, who may read anything: the CLI then runs as `nobody`, for whom the mode holds.
    const asRoot = process.getuid?.() === 0;
    const run = spawnSync(process.execPath, [BIN, 'ingest', own, '--project', join(own, 'p.rootline')], {
      encoding: 'utf8', timeout: 60_000, ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    });
    expect(run.stderr).toMatch(/secret\.md: cannot read: permission denied/);
    expect(run.stdout).toMatch(/✓ .*good\.md → fine-set/);
    expect(run.status).toBe(1);
  });

  it('a samples folder with a broken link, a loop and a file nested 20,000 deep is read around them', () => {
    const samples = writeTree(tempDir(), {
      'tutor/README.md': '# tutor\n',
      'tutor/data.jsonl': '{"question": "what is two plus two, asked of a pupil in the second grade at school"}\n',
      'tutor/deep.json': `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
      'bench/gsm8k.jsonl': '{"question": "what is two plus two, asked of a pupil in the second grade at school"}\n',
    });
    symlinkSync(join(samples, 'gone.jsonl'), join(samples, 'tutor', 'broken.jsonl'));
    symlinkSync(samples, join(samples, 'tutor', 'up'));
    const project = projectWith((p) => {
      p.datasets.ensure({ id: 'gsm8k', name: 'gsm8k', kind: 'benchmark' });
      p.datasets.ensure({ id: 'tutor', name: 'tutor' });
    });
    const result = rootline(['analyze', 'contamination', '--project', project, '--samples', join(samples, 'tutor'), '--benchmarks', join(samples, 'bench')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/broken\.jsonl: a broken link/);
    expect(result.stderr).toMatch(/deep\.json: nested deeper than 100 levels; not read \(file skipped\)/);
    expect(result.stdout).toMatch(/tutor: 1 item \(100\.0% of the benchmark\) in 1 sample/);
  });
});
