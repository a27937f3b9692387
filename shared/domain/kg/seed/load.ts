// Use case (kg seed): the curated public knowledge as quads in the seed graph, and its idempotent load
// (the seed graph is replaced, never appended to). Each concept's node is its primary code's IRI (the
// system the extractor reports first: RxNorm for drugs; SNOMED CT, then ICD-10-CM, then MeSH for
// diseases; HGNC for genes), linked by skos:exactMatch to the IRIs of its other codes, so patient facts
// coded in any of them meet the seed knowledge.
import type { GraphStore } from '../../../ports/graph-store';
import { primaryCode } from '../../nlp/linking/link';
import type { Concept } from '../../nlp/model';
import { adverseEffectRows, resolveAdverseEffects } from '../../nlp/relations/adverse/index';
import { starterVocabulary } from '../../nlp/vocabulary/index';
import { caregraphIri, conceptIri, graphs, type CodeSystemKey } from '../model';
import { literal, sparql, type IriTerm, type RdfTerm } from '../sparql';
import { graphBlocks, nquadLine, withProvenance, type Quad } from '../statements';
import { cg, dct, rdf, rdfs, skos, vocabularyQuads, vocabularyVersion } from '../vocabulary';
import { diseases, drugs, genes, type SeedConcept, type SeedKind } from './concepts';
import { indications } from './indications';
import { pgxPairs } from './pgx';
import { adverseEffects, contraindications, interactions } from './safety';

/** Version of the curated seed; bump when rows change. */
export const seedVersion = 'caregraph-seed-2024.2';

const primaryOrder: Readonly<Record<SeedKind, readonly CodeSystemKey[]>> = {
  Drug: ['rxnorm', 'mesh'],
  Disease: ['snomed', 'icd10cm', 'mesh'],
  Gene: ['hgnc'],
};

/** The node IRI of a seed concept: its primary code's IRI, else a caregraph concept IRI. */
export function seedConceptIri(key: string, concept: SeedConcept): IriTerm {
  for (const system of primaryOrder[concept.kind]) {
    const code = concept.codes[system];
    if (code) return conceptIri(system, code);
  }
  return caregraphIri(`concept/${key}`);
}

function conceptQuads(key: string, concept: SeedConcept): Quad[] {
  const graph = graphs.seed;
  const node = seedConceptIri(key, concept);
  const quads: Quad[] = [
    { subject: node, predicate: rdf.type, object: cg[concept.kind], graph },
    {
      subject: node,
      predicate: rdfs.label,
      object: literal(concept.label, { language: 'en' }),
      graph,
    },
  ];
  for (const synonym of concept.synonyms)
    quads.push({
      subject: node,
      predicate: skos.altLabel,
      object: literal(synonym, { language: 'en' }),
      graph,
    });
  for (const [system, code] of Object.entries(concept.codes)) {
    const other = conceptIri(system, code);
    if (other.value !== node.value)
      quads.push({ subject: node, predicate: skos.exactMatch, object: other, graph });
  }
  return quads;
}

function statement(
  subject: IriTerm,
  predicate: IriTerm,
  object: IriTerm,
  source: string,
  extra: readonly [IriTerm, RdfTerm][] = [],
): Quad[] {
  return withProvenance(
    { subject, predicate, object, graph: graphs.seed },
    { source, vocabularyVersion, extra },
  );
}

/**
 * The curated vocabulary's known adverse effects (nlp/relations/adverse) as `causes` statements
 * between its concepts' primary-code nodes (the nodes extracted patient facts use), with a label and
 * type for each node the seed concepts do not already describe. Pairs whose drug or effect has no
 * code are left out.
 */
function vocabularyAdverseEffects(described: ReadonlySet<string>): {
  statements: Quad[][];
  concepts: Quad[];
} {
  const graph = graphs.seed;
  const nodeOf = (c: Concept) => {
    const code = primaryCode(c);
    return code ? conceptIri(code.system, code.code) : undefined;
  };
  const labelled = new Set(described);
  const concepts: Quad[] = [];
  const describe = (node: IriTerm, c: Concept) => {
    if (labelled.has(node.value)) return;
    labelled.add(node.value);
    const kind = c.type === 'Chemical' ? cg.Drug : cg.Disease;
    concepts.push(
      { subject: node, predicate: rdf.type, object: kind, graph },
      {
        subject: node,
        predicate: rdfs.label,
        object: literal(c.preferred, { language: 'en' }),
        graph,
      },
    );
  };
  const statements: Quad[][] = [];
  for (const { drug, effect, source } of resolveAdverseEffects(adverseEffectRows, starterVocabulary)
    .effects) {
    const [d, e] = [nodeOf(drug), nodeOf(effect)];
    if (!d || !e) continue;
    describe(d, drug);
    describe(e, effect);
    statements.push(statement(d, cg.causes, e, source));
  }
  return { statements, concepts };
}

/** Every quad of the seed graph: vocabulary, concepts and curated statements with their sources. */
export function seedQuads(): { quads: Quad[]; statements: number } {
  const drug = (key: keyof typeof drugs) => seedConceptIri(key, drugs[key]);
  const disease = (key: keyof typeof diseases) => seedConceptIri(key, diseases[key]);
  const gene = (key: keyof typeof genes) => seedConceptIri(key, genes[key]);
  const note = (predicate: IriTerm, value: string): [IriTerm, RdfTerm] => [
    predicate,
    literal(value),
  ];
  const groups: Quad[][] = [
    ...indications.map(([d, x, source]) => statement(drug(d), cg.treats, disease(x), source)),
    ...contraindications.map(([d, x, severity, source]) =>
      statement(drug(d), cg.contraindicatedWith, disease(x), source, [note(cg.severity, severity)]),
    ),
    ...interactions.map(([a, b, severity, source]) =>
      statement(drug(a), cg.interactsWith, drug(b), source, [note(cg.severity, severity)]),
    ),
    ...adverseEffects.map(([d, x, source]) => statement(drug(d), cg.causes, disease(x), source)),
    ...pgxPairs.map(([g, d, allele, level, source]) =>
      statement(gene(g), cg.pgxGeneDrug, drug(d), source, [
        note(cg.allele, allele),
        note(cg.evidenceLevel, level),
      ]),
    ),
  ];
  const seedConcepts = [
    ...Object.entries(drugs),
    ...Object.entries(diseases),
    ...Object.entries(genes),
  ];
  const concepts = seedConcepts.flatMap(([key, concept]) => conceptQuads(key, concept));
  const known = vocabularyAdverseEffects(
    new Set(seedConcepts.map(([key, concept]) => seedConceptIri(key, concept).value)),
  );
  groups.push(...known.statements);
  concepts.push(...known.concepts);
  const header: Quad[] = [
    {
      subject: graphs.seed,
      predicate: dct.title,
      object: literal('caregraph curated seed knowledge'),
      graph: graphs.seed,
    },
    {
      subject: graphs.seed,
      predicate: cg.vocabularyVersion,
      object: literal(seedVersion),
      graph: graphs.seed,
    },
  ];
  return {
    quads: [...header, ...vocabularyQuads(), ...concepts, ...groups.flat()],
    statements: groups.length,
  };
}

/**
 * Loads the seed knowledge into its named graph, replacing the graph in the same update request, so
 * running it again (every stack start) leaves exactly the same triples. Returns the statement count
 * (curated facts) and the quad count (facts, provenance, labels and vocabulary).
 */
export async function loadSeedKnowledge(
  graph: GraphStore,
): Promise<{ statements: number; quads: number }> {
  const { quads, statements } = seedQuads();
  await graph.update(
    sparql`DROP SILENT GRAPH ${graphs.seed} ;
INSERT DATA {
${graphBlocks(quads)}
}`.text,
  );
  return { statements, quads: new Set(quads.map(nquadLine)).size };
}
