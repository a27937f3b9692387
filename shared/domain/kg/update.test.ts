import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GraphStore } from '../../ports/graph-store';
import { MemoryGraphStore } from '../../adapters/graph/memory-graph-store';
import {
  kgEntityTypes,
  patientPredicate,
  type KgAssertion,
  type KgEntity,
  type KgEntityType,
} from './extraction';
import { legacyNoteIri, noteIri } from './model';
import { iri, type RdfTerm } from './sparql';
import { toNQuads } from './statements';
import {
  noteFactQuads,
  recordLiterature,
  recordNoteFacts,
  retractNoteFacts,
  type NoteFactsInput,
} from './update';
import { positivePatientPredicates } from './vocabulary';
import { evidencePaths } from './queries';
import { extractClinical } from '../nlp/extract';

function memoryGraph(): MemoryGraphStore {
  return new MemoryGraphStore();
}

const T2DM = { code: '44054006', system: 'http://snomed.info/sct' };
const HTN = { code: '38341003', system: 'http://snomed.info/sct' };
const AF = { code: '49436004', system: 'http://snomed.info/sct' };
const METFORMIN = { code: '6809', system: 'http://www.nlm.nih.gov/research/umls/rxnorm' };
const entity = (
  type: KgEntityType,
  assertion: KgAssertion,
  codes: object,
  start = 0,
): KgEntity => ({
  start,
  end: start + 5,
  text: 'xxxxx',
  type,
  assertion,
  ...codes,
});
const note = (overrides: Partial<NoteFactsInput> = {}): NoteFactsInput => ({
  hospital: 'north-general',
  patient: '3fa9c2d41b7e8a90c1d2e3f4a5b6c7d8',
  document: 'note-1',
  extractor: 'stub-extractor@1',
  at: new Date('2025-03-01T12:00:00Z'),
  entities: [
    entity('Disease', 'present', T2DM, 0),
    entity('Disease', 'negated', HTN, 10),
    entity('Disease', 'family', AF, 20),
    entity('Chemical', 'present', METFORMIN, 30),
  ],
  relations: [{ type: 'treats', head: 3, tail: 0, confidence: 0.9 }],
  ...overrides,
});
const P = 'https://caregraph.dev/patient/north-general/3fa9c2d41b7e8a90c1d2e3f4a5b6c7d8';
const NS = 'https://caregraph.dev/ns#';

async function predicatesTo(graph: GraphStore, concept: string): Promise<string[]> {
  const r = await graph.query(`SELECT ?p WHERE { <${P}> ?p <${concept}> }`);
  return (r.results?.bindings ?? []).map((b) => b.p!.value.replace(NS, 'cg:')).sort();
}

describe('Function: patientPredicate', () => {
  it('never yields a positive patient fact for a negated, family, possible or hypothetical mention', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...kgEntityTypes),
        fc.constantFrom<KgAssertion>('negated', 'family', 'possible', 'hypothetical'),
        fc.boolean(),
        (type, assertion, allergen) => {
          const predicate = patientPredicate(type, assertion, allergen);
          return predicate === undefined || !positivePatientPredicates.has(predicate.value);
        },
      ),
    );
  });

  it('writes a present or historical allergen as cg:allergicTo, never as a medication taken or past', () => {
    for (const assertion of ['present', 'historical'] as const)
      expect(patientPredicate('Chemical', assertion, true)?.value, assertion).toBe(
        `${NS}allergicTo`,
      );
    expect(positivePatientPredicates.has(`${NS}allergicTo`)).toBe(true);
    // Negation wins; a relative's or a doubted allergy keeps its own predicate.
    expect(patientPredicate('Chemical', 'negated', true)?.value).toBe(`${NS}negatedFinding`);
    expect(patientPredicate('Chemical', 'family', true)?.value).toBe(`${NS}familyHistoryOf`);
    expect(patientPredicate('Chemical', 'possible', true)?.value).toBe(`${NS}possibleFinding`);
    // A drug that is no allergen is taken; only a drug is an allergen.
    expect(patientPredicate('Chemical', 'present')?.value).toBe(`${NS}takesMedication`);
    expect(patientPredicate('Disease', 'present', true)?.value).toBe(`${NS}hasCondition`);
  });

  it('drops hypothetical mentions and body parts altogether', () => {
    expect(patientPredicate('Disease', 'hypothetical')).toBeUndefined();
    expect(patientPredicate('Anatomy', 'present')).toBeUndefined();
    expect(patientPredicate('Disease', 'present')?.value).toBe(`${NS}hasCondition`);
  });
});

describe('Function: recordNoteFacts', () => {
  it('writes a present disease as a condition and a negated or family one under its own predicate', async () => {
    // Prepare
    const graph = memoryGraph();

    // Act
    const result = await recordNoteFacts({ graph }, note());

    // Assess
    expect(result).toMatchObject({
      graph: 'https://caregraph.dev/graph/hospital/north-general',
      facts: 5,
      skipped: 0,
    });
    expect(await predicatesTo(graph, 'http://snomed.info/id/44054006')).toEqual([
      'cg:hasCondition',
    ]);
    expect(await predicatesTo(graph, 'http://snomed.info/id/38341003')).toEqual([
      'cg:negatedFinding',
    ]);
    expect(await predicatesTo(graph, 'http://snomed.info/id/49436004')).toEqual([
      'cg:familyHistoryOf',
    ]);
  });

  it('writes an allergen as cg:allergicTo and the same drug taken in another sentence as taken', async () => {
    // Prepare
    const graph = memoryGraph();
    const amoxicillin = { code: '723', system: 'http://www.nlm.nih.gov/research/umls/rxnorm' };
    const input = note({
      entities: [
        { ...entity('Chemical', 'present', amoxicillin, 0), allergen: true },
        { ...entity('Chemical', 'historical', METFORMIN, 10), allergen: true },
        entity('Chemical', 'present', amoxicillin, 20),
      ],
      relations: [],
    });

    // Act
    const result = await recordNoteFacts({ graph }, input);

    // Assess
    expect(result).toMatchObject({ facts: 3, skipped: 0 });
    expect(await predicatesTo(graph, 'http://purl.bioontology.org/ontology/RXNORM/723')).toEqual([
      'cg:allergicTo',
      'cg:takesMedication',
    ]);
    expect(await predicatesTo(graph, 'http://purl.bioontology.org/ontology/RXNORM/6809')).toEqual([
      'cg:allergicTo',
    ]);
  });

  it('writes one fact per concept of a coordinated mention ("breast and ovarian cancer")', async () => {
    // Prepare
    const graph = memoryGraph();
    const breast = { code: '254837009', system: 'http://snomed.info/sct' };
    const ovary = { code: '363443007', system: 'http://snomed.info/sct' };
    const coordinated: KgEntity = {
      ...entity('Disease', 'family', ovary),
      text: 'breast and ovarian cancer',
      end: 25,
      members: [breast, ovary],
    };

    // Act
    const result = await recordNoteFacts(
      { graph },
      note({ entities: [coordinated], relations: [] }),
    );

    // Assess
    expect(result).toMatchObject({ facts: 2, skipped: 0 });
    expect(await predicatesTo(graph, 'http://snomed.info/id/254837009')).toEqual([
      'cg:familyHistoryOf',
    ]);
    expect(await predicatesTo(graph, 'http://snomed.info/id/363443007')).toEqual([
      'cg:familyHistoryOf',
    ]);
  });

  it('writes nothing about the patient for a hypothetical mention', async () => {
    // Prepare
    const graph = memoryGraph();

    // Act
    const result = await recordNoteFacts(
      { graph },
      note({ entities: [entity('Disease', 'hypothetical', HTN)], relations: [] }),
    );

    // Assess
    expect(result.skipped).toBe(1);
    expect(await predicatesTo(graph, 'http://snomed.info/id/38341003')).toEqual([]);
  });

  it('records the document, offsets, extractor, vocabulary version and time of each fact', async () => {
    // Prepare
    const graph = memoryGraph();

    // Act
    await recordNoteFacts({ graph }, note());

    // Assess
    const r = await graph.query(`PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
      SELECT ?doc ?start ?end ?extractor ?vocab ?at WHERE {
        ?st rdf:subject <${P}> ; rdf:predicate <${NS}hasCondition> ; rdf:object <http://snomed.info/id/44054006> ;
            <${NS}document> ?doc ; <${NS}startOffset> ?start ; <${NS}endOffset> ?end ;
            <${NS}extractor> ?extractor ; <${NS}vocabularyVersion> ?vocab ; <http://www.w3.org/ns/prov#generatedAtTime> ?at }`);
    expect(
      r.results?.bindings.map((b) =>
        Object.fromEntries(Object.entries(b).map(([k, v]) => [k, v.value])),
      ),
    ).toEqual([
      {
        doc: 'https://caregraph.dev/document/north-general/3fa9c2d41b7e8a90c1d2e3f4a5b6c7d8/note-1',
        start: '0',
        end: '5',
        extractor: 'stub-extractor@1',
        vocab: 'caregraph-kg-1.0',
        at: '2025-03-01T12:00:00Z',
      },
    ]);
  });

  it('replaces what a re-delivered document wrote, keeping facts another document supports', async () => {
    // Prepare
    const graph = memoryGraph();
    await recordNoteFacts({ graph }, note());
    await recordNoteFacts(
      { graph },
      note({
        document: 'note-2',
        entities: [entity('Disease', 'present', T2DM, 3)],
        relations: [],
      }),
    );
    const once = graph.store.size;

    // Act: the same event again, then note-1 corrected to mention nothing
    await recordNoteFacts({ graph }, note());
    const again = graph.store.size;
    await recordNoteFacts({ graph }, note({ entities: [], relations: [] }));

    // Assess
    expect(again).toBe(once);
    expect(await predicatesTo(graph, 'http://snomed.info/id/44054006')).toEqual([
      'cg:hasCondition',
    ]);
    expect(await predicatesTo(graph, 'http://snomed.info/id/38341003')).toEqual([]);
    const treats = await graph.query(`ASK { ?d <${NS}treats> ?x }`);
    expect(treats.boolean).toBe(false);
  });

  it('refuses a relation pointing past the entities, naming the field', async () => {
    const failure = recordNoteFacts(
      { graph: memoryGraph() },
      note({ relations: [{ type: 'treats', head: 0, tail: 9, confidence: 1 }] }),
    );
    await expect(failure).rejects.toMatchObject({
      name: 'ValidationError',
      path: 'relations[0].tail',
    });
  });
});

describe('Function: recordNoteFacts, malformed extractions', () => {
  const bad = (entity: object) => note({ entities: [{ ...note().entities[0]!, ...entity }] });
  it.each([
    [
      'an unknown relation type',
      note({ relations: [{ type: 'prevents' as never, head: 3, tail: 0, confidence: 0.9 }] }),
      'relations[0].type',
    ],
    [
      'a relation confidence above 1',
      note({ relations: [{ type: 'treats', head: 3, tail: 0, confidence: 1.5 }] }),
      'relations[0].confidence',
    ],
    ['an unknown assertion', bad({ assertion: 'absent' }), 'entities[0].assertion'],
    [
      'an unknown entity type (even negated)',
      bad({ type: 'Organism', assertion: 'negated' }),
      'entities[0].type',
    ],
    ['an unknown entity type (present)', bad({ type: 'Organism' }), 'entities[0].type'],
    ['an allergen flag that is no boolean', bad({ allergen: 'yes' }), 'entities[0].allergen'],
    ['a NaN confidence', bad({ confidence: Number.NaN }), 'entities[0].confidence'],
    ['a confidence of 7', bad({ confidence: 7 }), 'entities[0].confidence'],
    ['a negative confidence', bad({ confidence: -0.1 }), 'entities[0].confidence'],
    [
      'an offset past the text',
      { ...bad({ start: 10_000, end: 10_004 }), textLength: 200 },
      'entities[0].end',
    ],
  ])(
    'refuses %s with a ValidationError naming the field, writing nothing',
    async (_name, input, path) => {
      const graph = memoryGraph();
      await expect(recordNoteFacts({ graph }, input as NoteFactsInput)).rejects.toMatchObject({
        name: 'ValidationError',
        path,
      });
      expect(graph.store.size).toBe(0);
    },
  );

  it('accepts a confidence of 0 or 1 and an entity ending at the end of the text', async () => {
    const input = note({
      entities: [{ ...note().entities[0]!, start: 0, end: 5, confidence: 1 }],
      relations: [],
      textLength: 5,
    });
    await expect(recordNoteFacts({ graph: memoryGraph() }, input)).resolves.toMatchObject({
      facts: 1,
    });
  });
});

describe('Function: retractNoteFacts', () => {
  it('removes what a withdrawn note wrote, keeps what another note supports, and is idempotent', async () => {
    // Prepare: note-2 also states type 2 diabetes
    const graph = memoryGraph();
    await recordNoteFacts({ graph }, note());
    await recordNoteFacts(
      { graph },
      note({
        document: 'note-2',
        entities: [entity('Disease', 'present', T2DM, 0)],
        relations: [],
      }),
    );
    const withNote2Only = memoryGraph();
    await recordNoteFacts(
      { graph: withNote2Only },
      note({
        document: 'note-2',
        entities: [entity('Disease', 'present', T2DM, 0)],
        relations: [],
      }),
    );
    const ids = { hospital: 'north-general', patient: note().patient, document: 'note-1' };

    // Act: withdrawn, then the same event again
    const result = await retractNoteFacts({ graph }, ids);
    const size = graph.store.size;
    await retractNoteFacts({ graph }, ids);

    // Assess
    expect(result).toMatchObject({ facts: 0, quads: 0, retracted: true });
    expect(await predicatesTo(graph, 'http://snomed.info/id/44054006')).toEqual([
      'cg:hasCondition',
    ]);
    expect(await predicatesTo(graph, 'http://snomed.info/id/38341003')).toEqual([]);
    expect(await predicatesTo(graph, 'http://purl.bioontology.org/ontology/RXNORM/6809')).toEqual(
      [],
    );
    const described = await graph.query(
      `ASK { <https://caregraph.dev/document/north-general/3fa9c2d41b7e8a90c1d2e3f4a5b6c7d8/note-1> ?p ?o }`,
    );
    expect(described.boolean).toBe(false);
    expect(graph.store.size).toBe(size);
    expect(size).toBe(withNote2Only.store.size);
  });
});

describe("Function: recordNoteFacts, two patients' notes under one document id", () => {
  // A sidecar `id` is the hospital's: two patients' notes may carry it (ingest stores them apart,
  // keyLayout.note). Each keeps its own facts in the graph.
  const ASTHMA = { code: '195967001', system: 'http://snomed.info/sct' };
  const ALBUTEROL = { code: '435', system: 'http://www.nlm.nih.gov/research/umls/rxnorm' };
  const OTHER = 'bbbbbbbbbbbbbbbb0123456789abcdef';
  const PB = `https://caregraph.dev/patient/north-general/${OTHER}`;
  const noteOfA = note();
  const noteOfB = note({
    patient: OTHER,
    entities: [
      entity('Disease', 'present', ASTHMA, 0),
      entity('Chemical', 'present', ALBUTEROL, 10),
    ],
    relations: [{ type: 'treats', head: 1, tail: 0, confidence: 0.8 }],
  });
  const editedA = note({ entities: [entity('Disease', 'present', HTN, 0)], relations: [] });
  /** The patient's facts, as "predicate object" lines. */
  const factsOf = async (graph: GraphStore, patient: string) =>
    (
      await graph.query(
        `SELECT ?p ?o WHERE { <${patient}> ?p ?o FILTER(STRSTARTS(STR(?p), "${NS}")) }`,
      )
    )
      .results!.bindings.map((b) => `${b.p!.value.replace(NS, 'cg:')} ${b.o!.value}`)
      .sort();
  const statementsOf = async (graph: GraphStore, document: string) =>
    Number(
      (await graph.query(`SELECT (COUNT(?st) AS ?n) WHERE { ?st <${NS}document> <${document}> }`))
        .results!.bindings[0]!.n!.value,
    );
  const docOf = (input: NoteFactsInput) =>
    noteIri(input.hospital, input.patient, input.document).value;
  const patientA = `<${P}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <${NS}Patient> .`;
  const allTriples = async (graph: GraphStore) =>
    (await graph.construct('CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }'))
      .split('\n')
      .filter((line) => line.trim() !== '')
      .sort();
  /** A graph holding exactly the notes' facts, each written once under the current IRIs. */
  const graphOf = async (...inputs: NoteFactsInput[]) => {
    const graph = memoryGraph();
    for (const input of inputs) await recordNoteFacts({ graph }, input);
    return allTriples(graph);
  };

  it("keeps both patients' facts, duplicates nothing on re-delivery, and an edit replaces only that patient's note", async () => {
    // Prepare
    const graph = memoryGraph();
    await recordNoteFacts({ graph }, noteOfA);
    const factsOfA = await factsOf(graph, P);
    await recordNoteFacts({ graph }, noteOfB);
    const afterB = { a: await factsOf(graph, P), b: await factsOf(graph, PB) };
    const size = graph.store.size;

    // Act: both delivered again, then patient A's note edited
    await recordNoteFacts({ graph }, noteOfA);
    await recordNoteFacts({ graph }, noteOfB);
    const redelivered = graph.store.size;
    await recordNoteFacts({ graph }, editedA);

    // Assess
    expect(factsOfA).toContain('cg:hasCondition http://snomed.info/id/44054006');
    expect(afterB.a).toEqual(factsOfA);
    expect(afterB.b).toEqual([
      'cg:hasCondition http://snomed.info/id/195967001',
      'cg:takesMedication http://purl.bioontology.org/ontology/RXNORM/435',
    ]);
    expect(docOf(noteOfA)).not.toBe(docOf(noteOfB));
    expect(redelivered).toBe(size);
    expect(await factsOf(graph, P)).toEqual(['cg:hasCondition http://snomed.info/id/38341003']);
    expect(await factsOf(graph, PB)).toEqual(afterB.b);
    expect(await statementsOf(graph, docOf(noteOfB))).toBe(3);
    expect(await allTriples(graph)).toEqual(await graphOf(editedA, noteOfB));
  });

  it("withdraws one patient's note and leaves the other patient's under the same document id", async () => {
    // Prepare
    const graph = memoryGraph();
    await recordNoteFacts({ graph }, noteOfA);
    await recordNoteFacts({ graph }, noteOfB);

    // Act
    await retractNoteFacts(
      { graph },
      { hospital: 'north-general', patient: noteOfA.patient, document: 'note-1' },
    );

    // Assess: the patient stays a patient (a note never owned that)
    expect(await factsOf(graph, P)).toEqual([]);
    expect(await allTriples(graph)).toEqual([...(await graphOf(noteOfB)), patientA].sort());
  });

  describe('facts written before notes were named per patient', () => {
    // What an earlier release wrote: the same quads, under the document IRI without the patient (its
    // statement nodes hashed that IRI, so they are not the current ones either).
    const legacyQuads = (input: NoteFactsInput) => {
      const current = docOf(input);
      const legacy = legacyNoteIri(input.hospital, input.document);
      const term = <T extends RdfTerm>(t: T): T | typeof legacy => {
        if (t.termType !== 'NamedNode') return t;
        if (t.value === current) return legacy;
        return t.value.includes('/statement/')
          ? iri(t.value.replace('/statement/', '/statement/legacy-'))
          : t;
      };
      return noteFactQuads(input).quads.map((q) => ({
        subject: term(q.subject),
        predicate: q.predicate,
        object: term(q.object),
        graph: q.graph,
      }));
    };
    const LEGACY = 'https://caregraph.dev/document/north-general/note-1';
    const note2 = note({
      document: 'note-2',
      entities: [entity('Disease', 'present', T2DM, 3)],
      relations: [],
    });

    it.each([
      ['edited', (graph: GraphStore) => recordNoteFacts({ graph }, editedA), [editedA, note2]],
      [
        'withdrawn',
        (graph: GraphStore) =>
          retractNoteFacts(
            { graph },
            { hospital: 'north-general', patient: noteOfA.patient, document: 'note-1' },
          ),
        [note2],
      ],
    ] as const)(
      "removes them when the same patient's note comes again (%s), keeping what another note supports",
      async (_name, act, expected) => {
        // Prepare: note-1 as an earlier release stored it; note-2 (current) also states type 2 diabetes
        const graph = memoryGraph();
        await graph.loadNQuads(toNQuads(legacyQuads(noteOfA)));
        await recordNoteFacts({ graph }, note2);
        const before = await statementsOf(graph, LEGACY);

        // Act, and the same event again
        await act(graph);
        const once = await allTriples(graph);
        await act(graph);

        // Assess
        expect(before).toBe(5);
        expect(await statementsOf(graph, LEGACY)).toBe(0);
        expect(await allTriples(graph)).toEqual(await graphOf(...expected));
        expect(await allTriples(graph)).toEqual(once);
      },
    );

    it("removes only the patient's own facts from an earlier document two patients shared, the rest once the other's note comes", async () => {
      // Prepare: both notes under the one earlier IRI (a bulk load wrote them together)
      const graph = memoryGraph();
      await graph.loadNQuads(toNQuads([...legacyQuads(noteOfA), ...legacyQuads(noteOfB)]));
      const factsOfB = await factsOf(graph, PB);

      // Act: patient A's note edited; later patient B's note delivered again
      await recordNoteFacts({ graph }, editedA);
      const afterA = {
        a: await factsOf(graph, P),
        b: await factsOf(graph, PB),
        legacy: await statementsOf(graph, LEGACY),
        aboutA: (await graph.query(`ASK { <${LEGACY}> <${NS}about> <${P}> }`)).boolean,
        relations: (
          await graph.query(`ASK { ?drug <${NS}treats> <http://snomed.info/id/44054006> }`)
        ).boolean,
      };
      await recordNoteFacts({ graph }, noteOfB);

      // Assess: A's earlier patient facts went with its edit; B's stayed until B's note came; the
      // relations, which name no patient, went with the last patient's note
      expect(afterA.a).toEqual(['cg:hasCondition http://snomed.info/id/38341003']);
      expect(afterA.b).toEqual(factsOfB);
      expect(afterA.legacy).toBe(2 + 1 + 1);
      expect(afterA.aboutA).toBe(false);
      expect(afterA.relations).toBe(true);
      expect(await statementsOf(graph, LEGACY)).toBe(0);
      expect(await allTriples(graph)).toEqual(await graphOf(editedA, noteOfB));
    });

    it("leaves another patient's facts under the earlier IRI alone", async () => {
      // Prepare: only patient B's note had been stored under the shared earlier IRI
      const graph = memoryGraph();
      await graph.loadNQuads(toNQuads(legacyQuads(noteOfB)));
      const before = await allTriples(graph);

      // Act
      await recordNoteFacts({ graph }, noteOfA);
      await retractNoteFacts(
        { graph },
        { hospital: 'north-general', patient: noteOfA.patient, document: 'note-1' },
      );

      // Assess
      expect(await allTriples(graph)).toEqual([...before, patientA].sort());
    });
  });
});

describe('Function: recordLiterature', () => {
  it('writes asserted relations to the upload graph and skips negated ones', async () => {
    // Prepare
    const graph = memoryGraph();
    const input = {
      document: '12345678',
      title: 'Metformin in type 2 diabetes',
      extractor: 'stub-extractor@1',
      at: new Date('2025-03-01T12:00:00Z'),
      entities: [
        entity('Chemical', 'present', METFORMIN, 0),
        entity('Disease', 'present', T2DM, 10),
        entity('Disease', 'negated', HTN, 20),
      ],
      relations: [
        { type: 'treats' as const, head: 0, tail: 1, confidence: 0.8 },
        { type: 'treats' as const, head: 0, tail: 2, confidence: 0.8 },
      ],
    };

    // Act
    const result = await recordLiterature({ graph }, input);
    await recordLiterature({ graph }, input);

    // Assess
    expect(result).toMatchObject({
      graph: 'https://caregraph.dev/graph/literature/12345678',
      facts: 1,
    });
    const r = await graph.query(
      `SELECT ?x WHERE { GRAPH <${result.graph}> { <http://purl.bioontology.org/ontology/RXNORM/6809> <${NS}treats> ?x } }`,
    );
    expect(r.results?.bindings.map((b) => b.x!.value)).toEqual(['http://snomed.info/id/44054006']);
    const size = graph.store.size;
    await recordLiterature({ graph }, input);
    expect(graph.store.size).toBe(size);
  });
});

describe('Literature through the NLP: a treatment is no adverse effect', () => {
  it('reads "hypertension treated with lisinopril" as treats in evidencePaths, not an adverse effect', async () => {
    // Prepare
    const graph = memoryGraph();
    const title = 'Outcomes in hypertension treated with lisinopril';
    const { entities, relations } = extractClinical(title);

    // Act
    await recordLiterature(
      { graph },
      {
        document: '31234567',
        title,
        extractor: 'nlp',
        at: new Date('2025-03-01T00:00:00Z'),
        entities,
        relations,
        textLength: title.length,
      },
    );
    const evidence = await evidencePaths(
      graph,
      { system: 'rxnorm', code: '29046' },
      { system: 'snomed', code: '38341003' },
    );

    // Assess
    expect(evidence.adverseEffects.map((e) => e.node)).not.toContain(
      'http://snomed.info/id/38341003',
    );
    expect(evidence.treats.length).toBeGreaterThan(0);
  });
});
