/**
 * The sourcing agent: for one dataset, the documents to read beyond those already in the project — cards
 * in the user's library folder and, in online mode only, the Hugging Face Hub README and the arXiv
 * abstracts it links to (at most two papers, as in the paper's pipeline).
 */
import { sha256 } from '../documents/read.js';
import { isHubId } from '../../shared/domain/names.js';
import { earlierDate } from '../aggregation/temporal.js';
import type { ArxivClient } from './arxiv.js';
import type { HubClient } from './hub.js';
import type { Library } from './library.js';
import { arxivIdsIn } from './links.js';
import type { DatasetRef, SourcedDocument, SourcingResult } from './types.js';

export interface SourcingOptions {
  library?: Library;
  /** Present only in online mode. */
  hub?: HubClient;
  arxiv?: ArxivClient;
  maxPapers?: number;
  signal?: AbortSignal;
}

export async function sourceDataset(dataset: DatasetRef, known: Array<{ text: string }>, options: SourcingOptions): Promise<SourcingResult> {
  const documents: SourcedDocument[] = [];
  const notes: string[] = [];
  const facts: SourcingResult['facts'] = {};
  if (options.library) documents.push(...options.library.documentsFor(dataset));

  const arxivIds: string[] = [];
  if (options.hub && isHubId(dataset.id)) {
    try {
      const info = await options.hub.info(dataset.id, options.signal);
      if (!info) notes.push(`${dataset.id} is not on the hub`);
      else {
        facts.releaseDate = info.createdAt?.slice(0, 10);
        facts.license = info.license;
        facts.url = `https://huggingface.co/datasets/${info.id}`;
        arxivIds.push(...info.tags.filter((t) => /^arxiv:/i.test(t)).map((t) => t.slice(6)));
        const readme = await options.hub.readme(info.id, options.signal);
        if (readme?.trim()) documents.push({ location: `hf://datasets/${info.id}/README.md`, kind: 'card', text: readme.replace(/\r\n?/g, '\n'), sha256: sha256(readme), from: 'hub' });
        else notes.push(`${dataset.id} has no README on the hub`);
      }
    } catch (error) {
      if (options.signal?.aborted) throw error;
      notes.push(`hub: ${(error as Error).message}`);
    }
  }

  if (options.arxiv) {
    for (const doc of [...known, ...documents]) for (const id of arxivIdsIn(doc.text)) if (!arxivIds.includes(id)) arxivIds.push(id);
    const ids = arxivIds.slice(0, options.maxPapers ?? 2);
    if (ids.length > 0) {
      try {
        for (const paper of await options.arxiv.abstracts(ids, options.signal)) {
          // Title and abstract only: the id is in the location, and a bare "arXiv:…" line reads as a name.
          const text = `# ${paper.title}\n\n${paper.summary}\n`;
          documents.push({ location: `https://arxiv.org/abs/${paper.id}`, kind: 'paper', text, sha256: sha256(text), from: 'arxiv' });
          facts.releaseDate = earlierDate(facts.releaseDate, paper.published) ?? undefined;
        }
      } catch (error) {
        if (options.signal?.aborted) throw error;
        notes.push(`arXiv: ${(error as Error).message}`);
      }
    }
  }
  return { documents, facts, notes };
}
