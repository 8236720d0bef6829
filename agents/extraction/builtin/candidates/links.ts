/**
 * Names from links: a Hugging Face dataset URL gives its `org/name`, a GitHub URL its repository, and a
 * relative link to another card the dataset that card describes (or, when that card is not in the
 * corpus, the name of its folder or file). Other links are not names, though their text may be.
 */
import { basename, dirname, extname, resolve } from 'node:path';
import { hubIdFromUrl } from '../../../../shared/domain/hub.js';
import type { Registry } from '../../../../shared/registry/resolve.js';
import type { Corpus } from '../../corpus.js';
import type { Link } from '../document/inline.js';
import type { Mention } from './mention.js';

const GITHUB = /^https?:\/\/(?:www\.)?github\.com\/([A-Za-z0-9][\w.-]*)\/([A-Za-z0-9][\w.-]*)/;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const DATA_FILE = /\.(?:jsonl|json|csv|tsv|parquet|arrow|gz|zst|zip|tar|txt)$/i;
const CARD_FILE = /^(?:readme|card|dataset|datacard|data_card|dataset_card|dataset-card|index)(?:\.(?:md|markdown|txt|rst))?$/i;
/** Link texts that name nothing: "here", "link", "this dataset", "the v2 set", "the earlier release". */
const GENERIC_LABEL =
  /^(?:https?:.*|(?:see\s+)?(?:the\s+|this\s+|that\s+|our\s+|its\s+)?(?:(?:previous|earlier|older|prior|last|original|current|new|next|same|upstream|parent|source|base|v?\d[\w.]*)\s+)*(?:dataset\s+|data\s+|hf\s+|hub\s+)?(?:link|here|this|dataset|data|set|card|hf|hugging\s*face(?:\s+hub)?|hub|page|source|repo|repository|github|download|release|version|one|folder|readme|🤗)(?:\s+link)?)$/i;

export interface LinkContext {
  registry: Registry;
  corpus: Corpus;
  /** Absolute path of the document, for relative links. */
  documentPath?: string;
}

export function linkMentions(links: readonly Link[], context: LinkContext, plainLabel: (link: Link) => string): Mention[] {
  const out: Mention[] = [];
  for (const link of links) {
    const label = plainLabel(link);
    const named = label !== '' && !GENERIC_LABEL.test(label);
    const span = named ? { start: link.labelStart, end: link.labelEnd } : { start: link.start, end: link.end };
    const hub = hubIdFromUrl(link.url);
    if (hub) {
      const corpus = context.corpus.lookup(hub);
      out.push({ name: named ? label : hub, hubId: hub, known: corpus ? undefined : context.registry.lookup(hub), corpus, signal: 'hub-link', ...span });
      continue;
    }
    const github = GITHUB.exec(link.url);
    if (github) {
      const repo = github[2]!.replace(/\.git$/, '');
      out.push({ name: named ? label : repo, known: context.registry.lookup(named ? label : repo), corpus: context.corpus.lookup(named ? label : repo), signal: 'github', ...span });
      continue;
    }
    if (SCHEME.test(link.url) || link.url.startsWith('#') || link.url.startsWith('//')) continue;
    const target = cardTarget(link.url, context.documentPath);
    if (!target) continue;
    // The card a link points at names the dataset, whatever the link's text says ("these notes", "the v2 set").
    const corpus = context.corpus.atPath(target.path) ?? context.corpus.lookup(target.name);
    out.push({ name: corpus?.name ?? target.name, corpus, known: corpus ? undefined : context.registry.lookup(target.name), signal: 'card-link', ...span });
  }
  return out;
}

function queryOrFragment(url: string): number {
  const q = url.indexOf('?');
  const h = url.indexOf('#');
  return q < 0 ? (h < 0 ? url.length : h) : h < 0 ? q : Math.min(q, h);
}

/** The document a relative link points at, and the name its path gives it (folder of a README, file stem). */
function cardTarget(url: string, documentPath: string | undefined): { path: string; name: string } | undefined {
  let path: string;
  try {
    path = decodeURI(url.slice(0, queryOrFragment(url)));
  } catch {
    return undefined;
  }
  if (!path) return undefined;
  const absolute = resolve(documentPath ? dirname(resolve(documentPath)) : '.', path);
  const file = basename(absolute);
  // A link to a data file means the dataset of its folder; to a README or CARD, the dataset of its folder.
  if (DATA_FILE.test(file) || CARD_FILE.test(file)) {
    const folder = dirname(absolute);
    return { path: CARD_FILE.test(file) ? absolute : folder, name: basename(folder) };
  }
  const ext = extname(file);
  if (ext && !/^\.(?:md|markdown|rst)$/i.test(ext)) {
    // `kb-articles.v5/`, `policy-qa.2023.r2`: a dot in a folder name is not an extension.
    if (!/^\.[a-z]*\d/i.test(ext) && !path.endsWith('/')) return undefined;
  }
  return { path: absolute, name: /^\.(?:md|markdown|rst)$/i.test(ext) ? basename(file, ext) : file };
}
