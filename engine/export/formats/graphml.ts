/** The lineage graph as GraphML (yEd, Cytoscape, NetworkX). */
import { writeFileAtomic } from '../atomic.js';
import type { ExportFormat } from '../types.js';
import { graphRows } from './graph-data.js';
import { xmlEscape } from '../xml.js';

const NODE_KEYS = ['name', 'kind', 'domains', 'license', 'releaseDate', 'visibility'] as const;
const EDGE_KEYS = [['relation', 'string'], ['confidence', 'double'], ['status', 'string'], ['evidence', 'int']] as const;

export const graphmlFormat: ExportFormat = {
  id: 'graphml',
  description: 'the graph as GraphML',
  write(project, request) {
    const { nodes, edges } = graphRows(project);
    const lines = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
      ...NODE_KEYS.map((k) => `  <key id="n_${k}" for="node" attr.name="${k}" attr.type="string"/>`),
      ...EDGE_KEYS.map(([k, t]) => `  <key id="e_${k}" for="edge" attr.name="${k}" attr.type="${t}"/>`),
      '  <graph id="lineage" edgedefault="directed">',
    ];
    for (const n of nodes) {
      const values: Record<(typeof NODE_KEYS)[number], string> = {
        name: n.name, kind: n.kind, domains: n.domains.join(';'), license: n.license ?? '', releaseDate: n.releaseDate ?? '', visibility: n.visibility,
      };
      lines.push(`    <node id="${xmlEscape(n.id)}">`, ...NODE_KEYS.map((k) => `      <data key="n_${k}">${xmlEscape(values[k])}</data>`), '    </node>');
    }
    for (const e of edges) {
      lines.push(
        `    <edge id="e${e.id}" source="${xmlEscape(e.upstream)}" target="${xmlEscape(e.downstream)}">`,
        ...EDGE_KEYS.map(([k]) => `      <data key="e_${k}">${xmlEscape(String(e[k]))}</data>`),
        '    </edge>',
      );
    }
    lines.push('  </graph>', '</graphml>', '');
    writeFileAtomic(request.out, lines.join('\n'), request);
    return [request.out];
  },
};
