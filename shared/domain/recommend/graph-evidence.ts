// Domain (recommend): knowledge-graph evidence — "drug treats disease" paths with provenance, from
// the knowledge graph (oxigraph locally, Neptune on AWS) through the GraphStore port; the no-op
// implementation serves callers without a graph (offline `caregraph recommend --bundle`).
import type { GraphStore } from '../../ports/graph-store';
import { evidencePaths, searchConcepts } from '../kg/queries';
import { iri } from '../kg/sparql';
import type { GraphPath } from './model';

export interface GraphEvidence {
  /** Paths supporting `drug` treats the condition named by `disease` (SNOMED CT / ICD-10 code or label). */
  treats(drug: string, disease: string): Promise<GraphPath[]>;
}

/** The placeholder: no graph wired, no paths. */
export const noGraphEvidence: GraphEvidence = {
  async treats() {
    return [];
  },
};

/** Disease labels to look up in the graph for each recommendation topic (seed concept labels). */
const topicLabels: Readonly<Record<string, string>> = {
  hypertension: 'hypertension',
  'type-2-diabetes': 'type 2 diabetes',
  lipids: 'hyperlipidemia',
  'atrial-fibrillation': 'atrial fibrillation',
  'acute-coronary-syndrome': 'acute coronary syndrome',
  depression: 'depression',
  anxiety: 'anxiety',
  asthma: 'asthma',
  'otitis-media': 'otitis media',
};

/**
 * Graph evidence from the knowledge graph: the drug and the topic's disease are found by label
 * (best match only), then `drug treats disease` edges of the public graphs are returned with their
 * sources. A drug or disease the graph does not know gives no paths, never a guess.
 */
export function knowledgeGraphEvidence(graph: GraphStore): GraphEvidence {
  const best = async (label: string) => (await searchConcepts(graph, label, 1))[0];
  return {
    async treats(drug, disease) {
      const label = topicLabels[disease] ?? disease;
      const [d, c] = await Promise.all([best(drug), best(label)]);
      if (!d || !c || d.score < 0.8 || c.score < 0.6) return [];
      const found = await evidencePaths(graph, iri(d.iri), iri(c.iri));
      return found.treats.map((edge) => ({
        drug: d.label,
        disease: c.label,
        relation: edge.relation,
        provenance: [...edge.sources, ...edge.documents],
      }));
    },
  };
}
