/**
 * A Croissant-style provenance record for one dataset: schema.org Dataset metadata in JSON-LD with
 * `prov:wasDerivedFrom` for each upstream dataset (relation, confidence, review status, evidence).
 */
import { UserError } from '../../../shared/errors.js';
import { writeFileAtomic } from '../atomic.js';
import type { ExportFormat } from '../types.js';

export const croissantFormat: ExportFormat = {
  id: 'croissant',
  description: 'a Croissant-style JSON-LD provenance record (prov:wasDerivedFrom) for --dataset',
  write(project, request) {
    if (!request.dataset) throw new UserError('the croissant format is about one dataset: pass --dataset NAME');
    const id = project.requireDataset(request.dataset);
    const dataset = project.datasets.get(id)!;
    const upstream = project.lineage.neighbours(id, 'up').map((n) => {
      const edge = project.edges.between(n.id, id)!;
      const source = project.datasets.get(n.id);
      return {
        '@type': 'sc:Dataset',
        '@id': source?.url ?? n.id,
        name: source?.name ?? n.id,
        'rootline:relation': edge.relation,
        'rootline:confidence': edge.confidence,
        'rootline:reviewStatus': edge.status,
        'rootline:evidence': edge.evidence.slice(0, 5).map((e) => e.quote),
      };
    });
    const record = {
      '@context': {
        '@vocab': 'https://schema.org/',
        sc: 'https://schema.org/',
        cr: 'http://mlcommons.org/croissant/',
        prov: 'http://www.w3.org/ns/prov#',
        rootline: 'https://rootline.dev/ns#',
      },
      '@type': 'sc:Dataset',
      conformsTo: 'http://mlcommons.org/croissant/1.0',
      name: dataset.name,
      alternateName: dataset.aliases,
      description: dataset.summary ?? undefined,
      license: dataset.license ?? undefined,
      url: dataset.url ?? undefined,
      datePublished: dataset.releaseDate ?? undefined,
      keywords: dataset.domains,
      inLanguage: dataset.languages,
      creator: dataset.creators.map((name) => ({ '@type': 'sc:Organization', name })),
      'prov:wasDerivedFrom': upstream,
    };
    writeFileAtomic(request.out, `${JSON.stringify(record, null, 2)}\n`, request);
    return [request.out];
  },
};
