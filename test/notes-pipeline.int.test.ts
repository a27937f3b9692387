// Integration: a clinical note through the whole pipeline on the embedded stack. Ingest de-identifies
// it and stores it envelope-encrypted; NoteCurated reaches kg-update, which writes the patient's facts
// (not the negated ones) into the hospital's graph. No PHI reaches the curated bucket, the serving
// table or the graph.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyLayout } from '../shared/config/resources';
import { pseudonymousId } from '../shared/domain/serving/records';
import { readCuratedNote } from '../shared/domain/ingest/note-curation';
import { hospitalGraph, noteIri } from '../shared/domain/kg/model';
import { progressNote } from '../shared/domain/ingest/progress-note.fixture';
import { ndjson, patient, startTestStack, type TestStack } from './helpers/stack';
import { recordEvents } from './helpers/stack-contents';
import type { DomainEvent } from '../shared/ports/event-bus';

const noteText = [
  'HISTORY: Mr. John Smith (MRN 4455667) was seen on 03/14/2026. Call 617-555-0199.',
  'He has type 2 diabetes and hypertension. He denies chest pain. He had a DVT in 2019.',
  'PLAN: continue metformin 500 mg PO BID for type 2 diabetes.',
].join('\n');

const note = progressNote(noteText);

/** Where p1's note `document` is stored: under the pseudonymous patient and document (keyLayout.note). */
const noteKey = async (stack: TestStack, document: string) =>
  keyLayout.note('east', await pseudonymousId(stack.deps.keys, 'east', 'Patient', 'p1'), document);
/** The graph's IRI of patient p1's note `document` (notes are named per patient). */
const noteDoc = async (stack: TestStack, document: string) =>
  noteIri('east', await pseudonymousId(stack.deps.keys, 'east', 'Patient', 'p1'), document).value;

describe('Pipeline: clinical notes (ingest -> de-identify -> encrypt -> knowledge graph)', () => {
  let stack: TestStack;
  let doc: string;
  let events: DomainEvent[];

  beforeAll(async () => {
    stack = await startTestStack({ notesToGraph: true });
    events = recordEvents(stack.deps.events);
    await stack.deps.objects.put(
      'raw',
      keyLayout.raw('east', 'b1', 'Patient.ndjson'),
      ndjson(patient('p1')),
    );
    await stack.settled();
    await stack.deps.objects.put(
      'raw',
      keyLayout.raw('east', 'b1', 'DocumentReference.ndjson'),
      ndjson(note),
    );
    await stack.settled();
    doc = await pseudonymousId(stack.deps.keys, 'east', 'DocumentReference', 'n1');
  });
  afterAll(async () => stack?.stop());

  it('stores the note de-identified and encrypted: the object alone reveals nothing', async () => {
    const stored = (await stack.deps.objects.getText('curated', await noteKey(stack, doc)))!;
    for (const clear of ['Smith', 'metformin', '617-555-0199', 'diabetes'])
      expect(stored).not.toContain(clear);
    const text = await readCuratedNote(stack.deps.keys, 'east', Buffer.from(stored, 'base64'));
    expect(text).toContain('metformin 500 mg PO BID');
    for (const phi of ['John Smith', '4455667', '617-555-0199', '03/14/2026'])
      expect(text).not.toContain(phi);
  });

  it("writes the note's positive findings to the hospital graph, not the negated ones, without PHI", async () => {
    const graph = hospitalGraph('east').value;
    const dump = await stack.deps.graph.construct(
      `CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <${graph}> { ?s ?p ?o } }`,
    );
    expect(dump).toMatch(/rxnorm|RXNORM/i); // metformin as a medication fact
    for (const phi of ['Smith', '4455667', '617-555', 'p1"']) expect(dump).not.toContain(phi);
    const chestPain = await stack.deps.graph.query(
      `SELECT ?p WHERE { GRAPH <${graph}> { ?s ?p <http://snomed.info/id/29857009> } }`,
    );
    // Reification (rdf:object) carries the statement's provenance; the fact itself must be negated.
    const predicates = (chestPain.results?.bindings ?? [])
      .map((b) => b.p!.value)
      .filter((p) => !p.startsWith('http://www.w3.org/1999/02/22-rdf-syntax-ns#'));
    expect(predicates).toEqual(['https://caregraph.dev/ns#negatedFinding']);
  });

  it('announces the note with its year only (DocumentReference.date 2026-03-14 -> 2026), no other date element', async () => {
    const curated = events.filter((e) => e.detailType === 'NoteCurated');
    expect(curated.map((e) => e.detail)).toEqual([
      {
        hospital: 'east',
        patient: expect.any(String),
        document: doc,
        key: expect.any(String),
        noteYear: 2026,
      },
    ]);
    expect(JSON.stringify(curated)).not.toMatch(/03-14|2026-03/);
  });

  it('writes a past event dated before the note\'s year ("DVT in 2019", note of 2026) as history, not a current condition', async () => {
    const graph = hospitalGraph('east').value;
    const dvt = await stack.deps.graph.query(
      `SELECT ?p WHERE { GRAPH <${graph}> { ?s ?p <http://snomed.info/id/128053003> } }`,
    );
    const predicates = (dvt.results?.bindings ?? [])
      .map((b) => b.p!.value)
      .filter((p) => !p.startsWith('http://www.w3.org/1999/02/22-rdf-syntax-ns#'));
    expect(predicates).toEqual(['https://caregraph.dev/ns#hasHistoryOf']);
  });
});

describe('Pipeline: a note re-sent as entered-in-error, and a note in decomposed Unicode', () => {
  let stack: TestStack;
  const graph = hospitalGraph('east').value;
  const factsOf = async (document: string) =>
    Number(
      (
        await stack.deps.graph.query(
          `SELECT (COUNT(?st) AS ?n) WHERE { GRAPH <${graph}> { ?st <https://caregraph.dev/ns#document> <${await noteDoc(stack, document)}> } }`,
        )
      ).results?.bindings[0]?.n?.value,
    );
  const resend = async (batch: string, resource: object) => {
    await stack.deps.objects.put(
      'raw',
      keyLayout.raw('east', batch, 'DocumentReference.ndjson'),
      ndjson(resource),
    );
    await stack.settled();
  };

  beforeAll(async () => {
    stack = await startTestStack({ notesToGraph: true });
    await stack.deps.objects.put(
      'raw',
      keyLayout.raw('east', 'b1', 'Patient.ndjson'),
      ndjson(patient('p1')),
    );
    await stack.settled();
  });
  afterAll(async () => stack?.stop());

  it('removes the facts of a note re-sent as entered-in-error and keeps none of its text, also on re-delivery', async () => {
    // Prepare: the note as first sent is in the graph
    await resend('b2', note);
    const doc = await pseudonymousId(stack.deps.keys, 'east', 'DocumentReference', 'n1');
    const before = await factsOf(doc);

    // Act: the source withdraws it, and the same withdrawal arrives again
    await resend('b3', { ...note, status: 'entered-in-error' });
    const after = await factsOf(doc);
    await resend('b4', { ...note, status: 'entered-in-error' });

    // Assess
    expect(before).toBeGreaterThan(3);
    expect(after).toBe(0);
    expect(await factsOf(doc)).toBe(0);
    const described = await stack.deps.graph.query(
      `ASK { GRAPH <${graph}> { <${await noteDoc(stack, doc)}> ?p ?o } }`,
    );
    expect(described.boolean).toBe(false);
    const stored = (await stack.deps.objects.getText('curated', await noteKey(stack, doc)))!;
    expect(await readCuratedNote(stack.deps.keys, 'east', Buffer.from(stored, 'base64'))).toBe('');
  });

  it('finds a disease written in decomposed Unicode (NFD "Sjo\u0308gren syndrome")', async () => {
    // Prepare
    const text = 'ASSESSMENT: Sjo\u0308gren syndrome, on hydroxychloroquine.';
    const nfd = {
      ...note,
      id: 'n2',
      content: [
        { attachment: { contentType: 'text/plain', data: Buffer.from(text).toString('base64') } },
      ],
    };

    // Act
    await resend('b5', nfd);

    // Assess: the fact, and its offsets into the stored (NFC) text
    const doc = await pseudonymousId(stack.deps.keys, 'east', 'DocumentReference', 'n2');
    const stored = (await stack.deps.objects.getText('curated', await noteKey(stack, doc)))!;
    const curated = await readCuratedNote(stack.deps.keys, 'east', Buffer.from(stored, 'base64'));
    expect(curated).toBe(text.normalize('NFC'));
    const rdf = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
    const cg = 'https://caregraph.dev/ns#';
    const r = await stack.deps.graph.query(
      `SELECT ?start ?end WHERE { GRAPH <${graph}> { ?st <${rdf}predicate> <${cg}hasCondition> ; <${rdf}object> <http://snomed.info/id/83901003> ; <${cg}document> <${await noteDoc(stack, doc)}> ; <${cg}startOffset> ?start ; <${cg}endOffset> ?end } }`,
    );
    const spans = (r.results?.bindings ?? []).map((b) =>
      curated.slice(Number(b.start!.value), Number(b.end!.value)),
    );
    expect(spans).toEqual(['Sj\u00f6gren syndrome']);
  });
});
