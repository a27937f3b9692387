// Integration: reference integrity beyond patient links. A record whose encounter or prescription is
// not stored is kept, and the report names the element; once the target is stored, it resolves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyLayout } from '../shared/config/resources';
import type { IngestReport } from '../shared/domain/ingest/report';
import { heartRate, ndjson, patient, startTestStack, type TestStack } from './helpers/stack';

const report = async (stack: TestStack, file: string) =>
  JSON.parse(
    (await stack.deps.objects.getText('curated', keyLayout.report('east', 'b1', file)))!,
  ) as IngestReport;

describe('Function: ingest (reference integrity)', () => {
  let stack: TestStack;
  const encounter = {
    resourceType: 'Encounter',
    id: 'e1',
    status: 'finished',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
    subject: { reference: 'Patient/p1' },
  };
  // Distinct times: the same patient, code and time would be merged as one observation.
  const withEncounter = (id: string, enc: string, when: string) => ({
    ...heartRate(id, 'p1', when),
    encounter: { reference: `Encounter/${enc}` },
  });

  beforeAll(async () => {
    stack = await startTestStack();
    await stack.deps.objects.put(
      'raw',
      keyLayout.raw('east', 'b1', 'Patient.ndjson'),
      ndjson(patient('p1')),
    );
    await stack.settled();
    await stack.deps.objects.put(
      'raw',
      keyLayout.raw('east', 'b1', 'early.ndjson'),
      ndjson(withEncounter('o1', 'e1', '2026-03-01T09:00:00Z')),
    );
    await stack.settled();
    await stack.deps.objects.put(
      'raw',
      keyLayout.raw('east', 'b1', 'Encounter.ndjson'),
      ndjson(encounter),
    );
    await stack.settled();
    await stack.deps.objects.put(
      'raw',
      keyLayout.raw('east', 'b1', 'late.ndjson'),
      ndjson(
        withEncounter('o2', 'e1', '2026-03-02T09:00:00Z'),
        withEncounter('o3', 'nowhere', '2026-03-03T09:00:00Z'),
      ),
    );
    await stack.settled();
  });
  afterAll(async () => stack?.stop());

  it('keeps a record whose encounter has not arrived and warns, naming the element', async () => {
    const early = await report(stack, 'early.ndjson');
    expect(early.records).toEqual({ accepted: 1, repaired: 0, rejected: 0 });
    expect(early.warnings['reference-not-yet-known:encounter']).toEqual({
      count: 1,
      firstLines: [1],
    });
  });

  it('resolves the same reference once the encounter is stored, and still flags a dangling one', async () => {
    const late = await report(stack, 'late.ndjson');
    expect(late.records.accepted).toBe(2);
    expect(late.warnings['reference-not-yet-known:encounter']).toEqual({
      count: 1,
      firstLines: [2],
    });
  });
});
