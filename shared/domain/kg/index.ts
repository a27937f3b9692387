// Domain (kg): the knowledge graph's public surface for the composition root, API routes and CLI.
export { loadSeedKnowledge, seedQuads, seedVersion } from './seed/load';
export {
  recordLiterature,
  recordNoteFacts,
  recordNoteFactsInBulk,
  retractNoteFacts,
} from './update';
export type {
  KgUpdateDeps,
  KgUpdateResult,
  LiteratureInput,
  NoteFactsInput,
  NoteRetraction,
} from './update';
export { evidencePaths, neighbors, neighborsOf, searchConcepts } from './queries';
export type { ConceptMatch, EvidencePaths, Neighbor, NeighborOptions } from './queries';
export type { ExtractClinical, KgEntity, KgExtraction, KgRelation } from './extraction';
export { conceptIri, codeOf, hospitalGraph, literatureGraph, patientIri } from './model';
export { toNQuads } from './statements';
