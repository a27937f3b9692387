// Domain (recommend): knowledge-graph evidence — "drug treats disease" paths with provenance. The
// port is defined here; until the lead wires the graph (oxigraph locally, Neptune on AWS), the
// default implementation returns nothing and recommendations carry no graph evidence.
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
