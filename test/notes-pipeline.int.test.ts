// Integration: a clinical note through the whole pipeline on the embedded stack. Ingest de-identifies
// it and stores it envelope-encrypted; NoteCurated reaches kg-update, which writes the patient's facts
// (not the negated ones) into the hospital's graph. No PHI reaches the curated bucket, the serving
// table or the graph.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyLayout } from '../shared/config/resources';
import { pseudonymousId } from '../shared/domain/serving/records';
import { readCuratedNote } from '../shared/domain/ingest/note-curation';
import { hospitalGraph } from '../shared/domain/kg/model';
import { ndjson, patient, startTestStack, type TestStack } from './helpers/stack';
import { recordEvents } from './helpers/stack-contents';
import type { DomainEvent } from '../shared/ports/event-bus';

const noteText = [
  'HISTORY: Mr. John Smith (MRN 4455667) was seen on 03/14/2026. Call 617-555-0199.',
  'He has type 2 diabetes and hypertension. He denies chest pain. He had a DVT in 2019.',
  'PLAN: continue metformin 500 mg PO BID for type 2 diabetes.',
].join('\n');

const note = {
  resourceType: 'DocumentReference',
  id: 'n1',
  status: 'current',
  type: { coding: [{ system: 'http://loinc.org', code: '11506-3', display: 'Progress note' }] },
  subject: { reference: 'Patient/p1' },
  date: '2026-03-14T10:00:00Z',
  content: [
    { attachment: { contentType: 'text/plain', data: Buffer.from(noteText).toString('base64') } },
  ],
};

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
    const stored = (await stack.deps.objects.getText('curated', keyLayout.note('east', doc)))!;
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
