import { describe, expect, it } from 'vitest';
import { isModelFamilyName } from '../../agents/extraction/builtin/not-sources.js';
import { idForName, isHubId, nameKey, shortName, slugId } from '../../shared/domain/names.js';
import { KNOWN_DATASETS } from '../../shared/registry/known-datasets.js';
import { createRegistry, knownDatasets } from '../../shared/registry/resolve.js';

describe('dataset names', () => {
  it('compares names without case, spaces or punctuation, and makes ids', () => {
    expect(nameKey('GSM-8K')).toBe(nameKey('gsm 8k'));
    expect(isHubId('openai/gsm8k')).toBe(true);
    expect(isHubId('not an id')).toBe(false);
    expect(slugId('Acme Support Logs (v2)!')).toBe('acme-support-logs-v2');
    expect(idForName(' meta-math/MetaMathQA ')).toBe('meta-math/MetaMathQA');
    expect(shortName('openai/gsm8k')).toBe('gsm8k');
  });
});

describe('registry of well-known datasets', () => {
  it('has unique ids and no spelling that means two datasets', () => {
    const ids = KNOWN_DATASETS.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    const owner = new Map<string, string>();
    for (const entry of KNOWN_DATASETS) {
      for (const spelling of [entry.id, entry.name, ...entry.aliases]) {
        if (entry.exactCase?.includes(spelling)) continue;
        const key = nameKey(spelling);
        expect(owner.get(key) ?? entry.id, `"${spelling}" names ${owner.get(key)} and ${entry.id}`).toBe(entry.id);
        owner.set(key, entry.id);
      }
    }
  });

  it('holds datasets and benchmarks, never models', () => {
    expect(KNOWN_DATASETS.length).toBeGreaterThan(300);
    expect(KNOWN_DATASETS.filter((d) => d.kind === 'benchmark').length).toBeGreaterThan(50);
    for (const entry of KNOWN_DATASETS) for (const alias of [entry.name, ...entry.aliases]) expect(isModelFamilyName(alias), alias).toBe(false);
  });

  it('resolves many spellings to one canonical id', () => {
    const registry = knownDatasets();
    for (const spelling of ['GSM8K', 'gsm8k', 'GSM-8K', 'openai/gsm8k', 'Grade School Math 8K']) expect(registry.lookup(spelling)?.id, spelling).toBe('openai/gsm8k');
    expect(registry.lookup('MATH')?.id).toBe('EleutherAI/hendrycks_math');
    expect(registry.lookup('hendrycks_math')?.id).toBe('EleutherAI/hendrycks_math');
  });

  it('matches exact-case names only in their case, and ordinary words not at all', () => {
    const registry = knownDatasets();
    expect(registry.lookup('math')).toBeUndefined();
    expect(registry.lookup('code')).toBeUndefined();
    const found = registry.mentions('We use MATH and some math, code and Code, and the Wiki text of WikiText.');
    expect(found.map((m) => m.written)).toEqual(['MATH', 'WikiText']);
  });

  it('finds multi-word names at word boundaries, longest first', () => {
    const registry = createRegistry([
      { id: 'x/open-orca', name: 'OpenOrca', aliases: ['Open Orca'], kind: 'dataset', domains: ['General'] },
      { id: 'x/orca', name: 'Orca Set', aliases: [], kind: 'dataset', domains: ['General'] },
    ]);
    expect(registry.mentions('Built on Open Orca, not Orca Set.').map((m) => [m.written, m.known.id])).toEqual([
      ['Open Orca', 'x/open-orca'],
      ['Orca Set', 'x/orca'],
    ]);
  });
});
