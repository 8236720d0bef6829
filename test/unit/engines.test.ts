/**
 * What the README and package.json say about Node stays true: Rootline's own minimum, and every installed
 * package that declares a newer one is listed with what it declares (and nothing listed has stopped).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const readJson = <T>(path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as T;
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const stated = readJson<{ engines: { node: string } }>('package.json').engines.node;
const minimum = semver.minVersion(stated)!;

/** The README's table of packages that declare a newer Node: name → the minimum they declare. */
function listedInReadme(): Map<string, string> {
  const start = readme.indexOf('Some dependencies declare a newer Node');
  const rows = readme.slice(start).split('\n\n')[1]!.split('\n').slice(2);
  const listed = new Map<string, string>();
  for (const row of rows) {
    const [names, declares] = row.split('|').slice(1, 3);
    const version = /Node ≥ (\d+\.\d+\.\d+)/.exec(declares ?? '')?.[1];
    for (const name of (names ?? '').matchAll(/`([^`]+)`/g)) listed.set(name[1]!, version!);
  }
  return listed;
}

/** Every installed package (the lock's tree, read from node_modules) whose `engines.node` excludes `version`. */
function installedRequiringMoreThan(version: semver.SemVer): Map<string, string> {
  const lock = readJson<{ packages: Record<string, { name?: string }> }>('package-lock.json');
  const found = new Map<string, string>();
  for (const path of Object.keys(lock.packages)) {
    const file = join(ROOT, path, 'package.json');
    if (!path || !existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name: string; engines?: { node?: string } };
    const range = pkg.engines?.node;
    if (range && semver.validRange(range) && !semver.satisfies(version, range)) found.set(pkg.name, semver.minVersion(range)!.version);
  }
  return found;
}

describe('the Node version Rootline states', () => {
  it('is the same in package.json and the README, and admits the Node running the tests', () => {
    expect(stated).toBe(`>=${minimum.major}.${minimum.minor}`);
    expect(readme).toContain(`Node.js ≥ ${minimum.major}.${minimum.minor} with npm`);
    expect(semver.satisfies(process.versions.node, stated)).toBe(true);
  });

  it('lists every installed package that declares a newer Node, with what it declares', () => {
    const listed = listedInReadme();
    expect(listed.size).toBeGreaterThan(0);
    expect(Object.fromEntries(installedRequiringMoreThan(minimum))).toEqual(Object.fromEntries(listed));
  });
});
