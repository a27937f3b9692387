// Integration: a licensed terminology in the deployed pipeline, on the embedded stack (s3rver, the
// SPARQL server, the real kg-update handler). A VOCAB.jsonl imported from MeSH (the descriptor
// fixture: Timolol D013999 with its brand "Timoptic", a name the curated vocabulary lacks) is
// uploaded to the curated bucket under vocabulary/ and named in the stack's options, as
// CAREGRAPH_NLP_VOCABULARY_KEYS names it on AWS. A note mentioning Timoptic then becomes a patient
// fact with the MeSH code, its provenance naming the vocabulary; without the option it does not; a
// named vocabulary that is missing fails the event (dead-lettered), never a silent extraction.
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { keyLayout } from '../shared/config/resources';
import { hospitalGraph, noteIri } from '../shared/domain/kg/model';
import { importMesh } from '../shared/domain/nlp/importers/mesh';
import { vocabularyLine } from '../shared/domain/nlp/vocabulary/imported';
import { pseudonymousId } from '../shared/domain/serving/records';
import { ndjson, patient, startTestStack, type TestStack } from './helpers/stack';
import { progressNote } from '../shared/domain/ingest/progress-note.fixture';

const HOSPITAL = 'east';
const MESH_KEY = 'vocabulary/mesh-2025.jsonl';
const TIMOLOL = 'http://id.nlm.nih.gov/mesh/D013999';
const NS = 'https://caregraph.dev/ns#';
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';

const noteText = [
  'PROCEDURE: right knee arthroscopy under regional block.',
  'PLAN: Timoptic 0.5% 1 drop OU BID. Continue metformin 500 mg PO BID.',
].join('\n');

const note = (id: string) => progressNote(noteText, id);

/** VOCAB.jsonl of the MeSH descriptor fixture, as `caregraph vocab import --format mesh` writes it. */
async function meshVocabulary(): Promise<string> {
  const fixture = new URL(
    '../shared/domain/nlp/importers/fixtures/desc_fixture.xml',
    import.meta.url,
  );
  const lines: string[] = [];
  for await (const concept of importMesh(createReadStream(fixture)))
    lines.push(vocabularyLine(concept));
  return `${lines.join('\n')}\n`;
}

/** Ingest patient p1 and note `noteId` through the raw bucket, as an upload would. */
async function ingestNote(stack: TestStack, batch: string, noteId: string): Promise<string> {
  await stack.deps.objects.put(
    'raw',
    keyLayout.raw(HOSPITAL, batch, 'Patient.ndjson'),
    ndjson(patient('p1')),
  );
  await stack.settled();
  await stack.deps.objects.put(
    'raw',
    keyLayout.raw(HOSPITAL, batch, 'DocumentReference.ndjson'),
    ndjson(note(noteId)),
  );
  await stack.settled();
  return pseudonymousId(stack.deps.keys, HOSPITAL, 'DocumentReference', noteId);
}

/** Objects of the patient facts about `concept` in the hospital graph, with each fact's extractor. */
async function factsAbout(stack: TestStack, concept: string) {
  const result = await stack.deps.graph.query(
    `SELECT ?patient ?predicate ?extractor ?document WHERE { GRAPH <${hospitalGraph(HOSPITAL).value}> {
       ?patient ?predicate <${concept}> .
       FILTER(?predicate != <${RDF}object>)
       OPTIONAL { ?st <${RDF}subject> ?patient ; <${RDF}predicate> ?predicate ; <${RDF}object> <${concept}> ;
                      <${NS}extractor> ?extractor ; <${NS}document> ?document }
     } }`,
  );
  return (result.results?.bindings ?? []).map((b) => ({
    patient: b.patient?.value,
    predicate: b.predicate?.value,
    extractor: b.extractor?.value,
    document: b.document?.value,
  }));
}

describe('Pipeline: an imported vocabulary in kg-update (embedded stack)', () => {
  describe('with the vocabulary uploaded and named', () => {
    let stack: TestStack;
    let doc: string;
    let patientPseudonym: string;

    beforeAll(async () => {
      stack = await startTestStack({ notesToGraph: true, nlpVocabularyKeys: [MESH_KEY] });
      await stack.deps.objects.put('curated', MESH_KEY, await meshVocabulary());
      doc = await ingestNote(stack, 'b1', 'n1');
      patientPseudonym = await pseudonymousId(stack.deps.keys, HOSPITAL, 'Patient', 'p1');
    });
    afterAll(async () => stack?.stop());

    it('records the patient fact with the MeSH code, its provenance naming the vocabulary', async () => {
      const facts = await factsAbout(stack, TIMOLOL);
      expect(facts).toEqual([
        {
          patient: expect.stringMatching(new RegExp(`^https://caregraph.dev/patient/${HOSPITAL}/`)),
          predicate: `${NS}takesMedication`,
          extractor: `caregraph-nlp+${MESH_KEY}`,
          document: noteIri(HOSPITAL, patientPseudonym, doc).value,
        },
      ]);
      // The curated vocabulary still links what it knows (metformin keeps its RxNorm code).
      const metformin = await factsAbout(stack, 'http://purl.bioontology.org/ontology/RXNORM/6809');
      expect(metformin.map((f) => f.extractor)).toEqual([`caregraph-nlp+${MESH_KEY}`]);
    });
  });

  describe('without the vocabulary option', () => {
    let stack: TestStack;

    beforeAll(async () => {
      stack = await startTestStack({ notesToGraph: true });
      // Uploaded but not named: the deployment decides which vocabularies are used.
      await stack.deps.objects.put('curated', MESH_KEY, await meshVocabulary());
      await ingestNote(stack, 'b1', 'n1');
    });
    afterAll(async () => stack?.stop());

    it('yields no fact for the name only the imported vocabulary knows', async () => {
      expect(await factsAbout(stack, TIMOLOL)).toEqual([]);
      const metformin = await factsAbout(stack, 'http://purl.bioontology.org/ontology/RXNORM/6809');
      expect(metformin.map((f) => f.extractor)).toEqual(['caregraph-nlp']);
    });
  });

  describe('with a named vocabulary missing from the bucket', () => {
    let stack: TestStack | undefined;
    afterEach(async () => {
      await stack?.stop();
      stack = undefined;
    });

    it('fails the event into the dead letters instead of extracting without it, and uses the vocabulary once uploaded', async () => {
      // Prepare
      stack = await startTestStack({ notesToGraph: true, nlpVocabularyKeys: [MESH_KEY] });

      // Act
      await ingestNote(stack, 'b1', 'n1');
      const deadLetters = join(stack.dataDir, 'dead-letters', 'caregraph-local-note-curated.jsonl');
      const parked = existsSync(deadLetters) ? readFileSync(deadLetters, 'utf8') : '';
      const factsBefore = await factsAbout(
        stack,
        'http://purl.bioontology.org/ontology/RXNORM/6809',
      );
      await stack.deps.objects.put('curated', MESH_KEY, await meshVocabulary());
      await ingestNote(stack, 'b2', 'n2');

      // Assess
      const lines = parked.split('\n').filter((line) => line.trim() !== '');
      expect(lines).toHaveLength(1);
      expect(JSON.parse(JSON.parse(lines[0]!).body)).toMatchObject({
        'detail-type': 'NoteCurated',
      });
      expect(factsBefore).toEqual([]);
      expect((await factsAbout(stack, TIMOLOL)).map((f) => f.extractor)).toEqual([
        `caregraph-nlp+${MESH_KEY}`,
      ]);
    });
  });
});
