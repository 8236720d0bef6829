/**
 * The compiled CLI (dist/node) is the same CLI as the sources: the same --help, every verb reachable
 * through its lazy entry; and it is run only while it is current — a source added, removed or changed
 * after the build sends bin/rootline.js back to the sources.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentCompiledMain, sourceFiles, sourceState, writtenInfo } from '../../bin/cli-build.js';
import { tempDir } from '../helpers/temp.js';

const BIN = join(import.meta.dirname, '../../bin/rootline.js');
const cli = (args: string[], env: Record<string, string> = {}) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });

describe('the compiled CLI', { timeout: 120_000 }, () => {
  it('is current after the build the tests start with', () => {
    expect(currentCompiledMain()).toMatch(/dist\/node\/cli\/main\.js$/);
  });

  it('prints the same --help as the sources, without loading the verbs', () => {
    const compiled = cli(['--help']);
    const sources = cli(['--help'], { ROOTLINE_FROM_SOURCES: '1' });
    expect(compiled.status).toBe(0);
    expect(compiled.stdout).toBe(sources.stdout);
    expect(compiled.stdout).toContain('ingest [options] <paths...>');
  });

  it('reaches every verb --help lists through its own entry', () => {
    const verbs = [...cli(['--help']).stdout.matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]!).filter((v) => v !== 'help');
    expect(verbs.length).toBeGreaterThanOrEqual(18);
    for (const verb of verbs) {
      const help = cli([verb, '--help']);
      expect(help.status, verb).toBe(0);
      expect(help.stdout, verb).toMatch(new RegExp(`^Usage: rootline ${verb} `));
    }
    expect(cli(['help', 'datasets']).stdout).toMatch(/^Usage: rootline datasets /);
    const unknown = cli(['ingset']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain("unknown command 'ingset'");
  });

  it('is set aside when a source is added, removed or newer than the build', () => {
    const root = tempDir('rootline-build-state-');
    const write = (path: string) => {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), 'export {};\n');
    };
    write('cli/main.ts');
    write('engine/a.ts');
    write('shared/b.test.ts');
    const build = () => {
      mkdirSync(join(root, 'dist/node/cli'), { recursive: true });
      writeFileSync(join(root, 'dist/node/build-info.json'), writtenInfo(sourceState(sourceFiles(root))));
    };
    expect(currentCompiledMain(root, {})).toBeUndefined();
    build();
    expect(currentCompiledMain(root, {})).toMatch(/dist\/node\/cli\/main\.js$/);
    expect(currentCompiledMain(root, { ROOTLINE_FROM_SOURCES: '1' })).toBeUndefined();
    write('shared/b.test.ts');
    expect(currentCompiledMain(root, {}), 'tests are not compiled').toBeDefined();
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(root, 'engine/a.ts'), later, later);
    expect(currentCompiledMain(root, {})).toBeUndefined();
    build();
    write('agents/new.ts');
    utimesSync(join(root, 'agents/new.ts'), new Date(0), new Date(0));
    expect(currentCompiledMain(root, {}), 'a new file, even an old one').toBeUndefined();
    rmSync(join(root, 'agents/new.ts'));
    expect(currentCompiledMain(root, {})).toBeDefined();
    rmSync(join(root, 'engine/a.ts'));
    expect(currentCompiledMain(root, {}), 'a removed file').toBeUndefined();
  });
});
