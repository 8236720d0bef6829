/** Datasets and their aliases: one node per dataset, however many ways it is spelled. */
import type Database from 'better-sqlite3';
import type { Dataset } from '../../shared/domain/model.js';
import { idForName, isHubId, nameKey, shortName } from '../../shared/domain/names.js';
import type { DataType, DatasetKind, Visibility } from '../../shared/domain/vocabulary.js';

/** What a caller knows of a dataset; everything but the name is optional and fills gaps only. */
export interface DatasetInput {
  id?: string;
  name: string;
  aliases?: string[];
  domains?: string[];
  kind?: DatasetKind;
  releaseDate?: string | null;
  license?: string | null;
  size?: string | null;
  summary?: string | null;
  dataType?: DataType | null;
  visibility?: Visibility;
  languages?: string[];
  creators?: string[];
  url?: string | null;
}

interface DatasetRow {
  id: string;
  name: string;
  kind: DatasetKind;
  release_date: string | null;
  license: string | null;
  size: string | null;
  summary: string | null;
  data_type: DataType | null;
  visibility: Visibility;
  languages: string;
  creators: string;
  url: string | null;
}

export class DatasetStore {
  private readonly byId;
  private readonly byAlias;
  private readonly insertRow;
  private readonly insertAlias;
  private readonly promoteAlias;
  private readonly insertDomain;
  private readonly aliasesOf;
  private readonly domainsOf;

  constructor(private readonly db: Database.Database, private readonly now: () => string) {
    this.byId = db.prepare<[string], DatasetRow>('SELECT * FROM datasets WHERE id = ?');
    this.byAlias = db.prepare<[string], { dataset_id: string; weak: number }>('SELECT dataset_id, weak FROM dataset_aliases WHERE alias_key = ?');
    this.insertRow = db.prepare(
      `INSERT INTO datasets (id, name, kind, release_date, license, size, summary, data_type, visibility, languages, creators, url, created_at, updated_at)
       VALUES (@id, @name, @kind, @releaseDate, @license, @size, @summary, @dataType, @visibility, @languages, @creators, @url, @now, @now)`,
    );
    this.insertAlias = db.prepare('INSERT OR IGNORE INTO dataset_aliases (alias_key, alias, dataset_id, weak) VALUES (?, ?, ?, ?)');
    this.promoteAlias = db.prepare('UPDATE dataset_aliases SET dataset_id = ?, alias = ?, weak = 0 WHERE alias_key = ? AND weak = 1');
    this.insertDomain = db.prepare('INSERT OR IGNORE INTO dataset_domains (dataset_id, domain) VALUES (?, ?)');
    this.aliasesOf = db.prepare<[string], { alias: string }>('SELECT alias FROM dataset_aliases WHERE dataset_id = ? AND weak = 0 ORDER BY alias');
    this.domainsOf = db.prepare<[string], { domain: string }>('SELECT domain FROM dataset_domains WHERE dataset_id = ? ORDER BY domain');
  }

  /**
   * The dataset a name or id refers to: its id, then a name someone wrote for it, then — for a bare
   * name only — the short name of a hub id. An `org/name` never resolves to another org's dataset.
   */
  resolve(nameOrId: string): string | undefined {
    const trimmed = nameOrId.trim();
    if (this.byId.get(trimmed)) return trimmed;
    const key = nameKey(trimmed);
    if (!key) return undefined;
    const alias = this.byAlias.get(key);
    if (!alias) return undefined;
    if (alias.weak && trimmed.includes('/')) return undefined;
    return alias.dataset_id;
  }

  get(id: string): Dataset | undefined {
    const row = this.byId.get(id);
    return row ? this.toDataset(row) : undefined;
  }

  /** Finds or creates the dataset, adds the aliases and domains given, and fills fields that are still empty. */
  ensure(input: DatasetInput, options: { exact?: boolean } = {}): string {
    const existing = this.find(input, options.exact ?? false);
    const id = existing ?? input.id ?? idForName(input.name);
    if (!existing) {
      this.insertRow.run({
        id,
        name: input.name.trim() || id,
        kind: input.kind ?? 'dataset',
        releaseDate: input.releaseDate ?? null,
        license: input.license ?? null,
        size: input.size ?? null,
        summary: input.summary ?? null,
        dataType: input.dataType ?? null,
        visibility: input.visibility ?? 'public',
        languages: JSON.stringify(input.languages ?? []),
        creators: JSON.stringify(input.creators ?? []),
        url: input.url ?? null,
        now: this.now(),
      });
    } else {
      this.fillGaps(id, input);
    }
    for (const alias of [id, input.name, ...(input.aliases ?? [])]) this.addAlias(id, alias);
    if (isHubId(id)) this.addAlias(id, shortName(id), true);
    for (const domain of input.domains ?? []) if (domain.trim()) this.insertDomain.run(id, domain.trim());
    return id;
  }

  /**
   * The dataset an input names. A hub id is exact: its name must not pull it onto another org's dataset
   * of the same short name. `exact` matches ids only (imports of curated graphs keep their nodes apart).
   */
  private find(input: DatasetInput, exact: boolean): string | undefined {
    const id = input.id ?? (exact ? input.name.trim() : undefined);
    if (exact) return id && this.byId.get(id) ? id : undefined;
    if (id && isHubId(id)) return this.resolve(id);
    return (id && this.resolve(id)) || this.resolve(input.name);
  }

  addAlias(id: string, alias: string, weak = false): void {
    const key = nameKey(alias);
    if (!key) return;
    const inserted = this.insertAlias.run(key, alias, id, weak ? 1 : 0);
    if (inserted.changes === 0 && !weak) this.promoteAlias.run(id, alias, key);
  }

  private readonly gapStatements = new Map<string, Database.Statement>();

  /** A statement prepared once per SQL text (fillGaps runs for every finding of an ingest). */
  private statement(sql: string): Database.Statement {
    let statement = this.gapStatements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.gapStatements.set(sql, statement);
    }
    return statement;
  }

  private fillGaps(id: string, input: DatasetInput): void {
    const columns: Array<[string, unknown]> = [
      ['release_date', input.releaseDate],
      ['license', input.license],
      ['size', input.size],
      ['summary', input.summary],
      ['data_type', input.dataType],
      ['url', input.url],
    ];
    for (const [column, value] of columns) {
      if (value === undefined || value === null) continue;
      this.statement(`UPDATE datasets SET ${column} = ?, updated_at = ? WHERE id = ? AND ${column} IS NULL`).run(value, this.now(), id);
    }
    for (const [column, values] of [['languages', input.languages], ['creators', input.creators]] as const) {
      if (!values?.length) continue;
      const row = this.statement(`SELECT ${column} AS v FROM datasets WHERE id = ?`).get(id) as { v: string } | undefined;
      const merged = [...new Set([...(JSON.parse(row?.v ?? '[]') as string[]), ...values])];
      this.statement(`UPDATE datasets SET ${column} = ? WHERE id = ?`).run(JSON.stringify(merged), id);
    }
    if (input.kind === 'benchmark') this.statement("UPDATE datasets SET kind = 'benchmark' WHERE id = ?").run(id);
    if (input.visibility === 'private') this.statement("UPDATE datasets SET visibility = 'private' WHERE id = ?").run(id);
  }

  /** Applies a person's change to a dataset's fields (the caller records it in the audit log). */
  update(id: string, patch: Partial<Omit<DatasetInput, 'id' | 'aliases'>>): void {
    const columns: Record<string, string> = {
      name: 'name', kind: 'kind', releaseDate: 'release_date', license: 'license', size: 'size',
      summary: 'summary', dataType: 'data_type', visibility: 'visibility', url: 'url',
    };
    for (const [key, column] of Object.entries(columns)) {
      const value = patch[key as keyof typeof patch];
      if (value === undefined) continue;
      this.db.prepare(`UPDATE datasets SET ${column} = ?, updated_at = ? WHERE id = ?`).run(value, this.now(), id);
    }
    if (patch.domains) {
      this.db.prepare('DELETE FROM dataset_domains WHERE dataset_id = ?').run(id);
      for (const domain of patch.domains) this.insertDomain.run(id, domain);
    }
  }

  /** Every dataset's id, name and (strong) aliases, read in two queries: the project's names as a registry. */
  names(): Array<{ id: string; name: string; aliases: string[] }> {
    const byId = new Map<string, { id: string; name: string; aliases: string[] }>();
    for (const row of this.db.prepare<[], { id: string; name: string }>('SELECT id, name FROM datasets').all()) byId.set(row.id, { id: row.id, name: row.name, aliases: [] });
    for (const row of this.db.prepare<[], { dataset_id: string; alias: string }>('SELECT dataset_id, alias FROM dataset_aliases WHERE weak = 0').all()) {
      const entry = byId.get(row.dataset_id);
      if (entry && row.alias !== entry.id && row.alias !== entry.name) entry.aliases.push(row.alias);
    }
    return [...byId.values()];
  }

  all(): Dataset[] {
    // Aliases and domains of every dataset in two queries, not two per dataset (the app loads them all at once).
    const aliases = new Map<string, string[]>();
    for (const a of this.db.prepare<[], { dataset_id: string; alias: string }>('SELECT dataset_id, alias FROM dataset_aliases WHERE weak = 0 ORDER BY alias').all()) {
      (aliases.get(a.dataset_id) ?? aliases.set(a.dataset_id, []).get(a.dataset_id)!).push(a.alias);
    }
    const domains = new Map<string, string[]>();
    for (const d of this.db.prepare<[], { dataset_id: string; domain: string }>('SELECT dataset_id, domain FROM dataset_domains ORDER BY domain').all()) {
      (domains.get(d.dataset_id) ?? domains.set(d.dataset_id, []).get(d.dataset_id)!).push(d.domain);
    }
    return this.db.prepare<[], DatasetRow>('SELECT * FROM datasets ORDER BY id').all().map((row) => this.toDataset(row, aliases.get(row.id) ?? [], domains.get(row.id) ?? []));
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM datasets').get() as { n: number }).n;
  }

  /** Dataset ids carrying a domain (case-insensitive). */
  inDomain(domain: string): string[] {
    return this.db
      .prepare<[string], { dataset_id: string }>('SELECT dataset_id FROM dataset_domains WHERE lower(domain) = lower(?) ORDER BY dataset_id')
      .all(domain)
      .map((row) => row.dataset_id);
  }

  /** Every domain in the project with its number of datasets. */
  domainCounts(): Array<{ domain: string; datasets: number }> {
    return this.db
      .prepare<[], { domain: string; datasets: number }>('SELECT domain, count(*) AS datasets FROM dataset_domains GROUP BY domain ORDER BY datasets DESC, domain')
      .all();
  }

  private toDataset(row: DatasetRow, aliases = this.aliasesOf.all(row.id).map((a) => a.alias), domains = this.domainsOf.all(row.id).map((d) => d.domain)): Dataset {
    return {
      id: row.id,
      name: row.name,
      aliases: aliases.filter((a) => a !== row.id && a !== row.name),
      domains,
      kind: row.kind,
      releaseDate: row.release_date,
      license: row.license,
      size: row.size,
      summary: row.summary,
      dataType: row.data_type,
      visibility: row.visibility,
      languages: JSON.parse(row.languages) as string[],
      creators: JSON.parse(row.creators) as string[],
      url: row.url,
    };
  }
}
