import type { Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../ports/clock';
import type { QueryInput } from '../../ports/table';
import { ValidationError } from '../errors';
import { extractRawFeatures } from '../features/extract';
import { applyTransform, fitTransform, type FittedTransform } from '../features/transform';
import type { FhirJson } from '../ingest/source-record';
import { InMemoryTable } from '../monitoring/in-memory-table.fixture';
import { caseItem, caseTransformItem } from './case-index';
import type { CaseFacts } from './case-outcome';
import { caseCache, storeSimilarPatients } from './similar-patients-store';
import { bp, patient, testAt as at } from './patient.testkit';

/** Counts the Queries the port makes, to see the cache at work. */
class CountingTable extends InMemoryTable {
  queries = 0;
  override async query(input: QueryInput) {
    this.queries++;
    return super.query(input);
  }
}

const record = (id: string, age: number, sbp: number): Resource[] => [
  patient({ id, age, sex: 'male' }),
  ...bp(sbp, 80),
];

/** Writes one case per patient for `hospital`, as the feature build does, and the transform last. */
async function index(
  table: InMemoryTable,
  hospital: string,
  cohort: { id: string; age: number; sbp: number; facts: CaseFacts }[],
): Promise<FittedTransform> {
  const raws = cohort.map((p) =>
    extractRawFeatures(record(p.id, p.age, p.sbp) as unknown as FhirJson[], at),
  );
  const transform = fitTransform(raws);
  for (const [i, p] of cohort.entries())
    await table.put(
      caseItem(hospital, p.id, applyTransform(transform, raws[i]!).values, p.facts, transform),
    );
  await table.put(caseTransformItem(hospital, transform));
  return transform;
}

const onStatin = (event: boolean): CaseFacts => ({
  treatments: ['atorvastatin'],
  eventAfter: event ? ['atorvastatin'] : [],
});
const cohortOf = (n: number, events = 0) =>
  Array.from({ length: n }, (_, i) => ({
    id: `p${i}`,
    age: 50 + i,
    sbp: 120 + i,
    facts: onStatin(i < events),
  }));

const movableClock = (start: Date) => {
  let now = start.getTime();
  const clock: Clock = { now: () => new Date(now) };
  return { clock, advance: (ms: number) => (now += ms) };
};

describe('Function: storeSimilarPatients', () => {
  it('reports outcome rates per treatment among the k nearest stored cases', async () => {
    // Prepare: 8 statin users, 2 with an MI after starting it
    const table = new InMemoryTable();
    await index(table, 'general', cohortOf(8, 2));
    const port = storeSimilarPatients({ serving: table }, 'general');
    // Act
    const evidence = await port.similar({
      resources: record('query', 55, 125),
      at,
      treatments: ['atorvastatin', 'lisinopril'],
      k: 8,
    });
    // Assess
    expect(evidence!.byTreatment).toEqual([
      { treatment: 'atorvastatin', patients: 8, outcomeRate: 0.25 },
      { treatment: 'lisinopril', patients: 0 },
    ]);
    expect(evidence!.outcome).toMatch(/hard ASCVD event/);
  });

  it("leaves the query patient's own case out of its neighbours", async () => {
    const table = new InMemoryTable();
    await index(table, 'general', cohortOf(6));
    const port = storeSimilarPatients({ serving: table }, 'general');
    const asked = (k: number) =>
      port.similar({ resources: record('p0', 50, 120), at, treatments: ['atorvastatin'], k });
    expect(await asked(6)).toBeUndefined(); // only 5 others
    expect((await asked(5))!.byTreatment[0]!.patients).toBe(5);
  });

  it("never sees another hospital's cases", async () => {
    const table = new InMemoryTable();
    await index(table, 'other', cohortOf(12));
    await index(table, 'general', cohortOf(4));
    const port = storeSimilarPatients({ serving: table }, 'general');
    expect(
      await port.similar({ resources: record('q', 60, 130), at, treatments: [], k: 5 }),
    ).toBeUndefined();
  });

  it('withholds the rate of a treatment group under 5 and refuses k under 5', async () => {
    const table = new InMemoryTable();
    const cohort = cohortOf(8).map((p, i) => ({
      ...p,
      facts: i < 4 ? onStatin(true) : { treatments: ['lisinopril'], eventAfter: [] },
    }));
    await index(table, 'general', cohort);
    const port = storeSimilarPatients({ serving: table }, 'general');
    const evidence = await port.similar({
      resources: record('q', 55, 125),
      at,
      treatments: ['atorvastatin'],
      k: 8,
    });
    expect(evidence!.byTreatment).toEqual([{ treatment: 'atorvastatin', patients: 4 }]);
    await expect(
      port.similar({ resources: record('q', 55, 125), at, treatments: [], k: 4 }),
    ).rejects.toThrow(ValidationError);
  });

  it('gives no evidence before the feature build has written an index', async () => {
    const port = storeSimilarPatients({ serving: new InMemoryTable() }, 'general');
    expect(
      await port.similar({ resources: record('q', 55, 125), at, treatments: [], k: 5 }),
    ).toBeUndefined();
  });

  it('compares only cases standardised with the stored transform (a rebuild in progress)', async () => {
    const table = new InMemoryTable();
    await index(table, 'general', cohortOf(6));
    // A rebuild has rewritten 3 cases under a new fit but not yet the transform item.
    const rebuilt = cohortOf(3).map((p) => ({ ...p, age: p.age + 20 }));
    const fresh = new InMemoryTable();
    await index(fresh, 'general', rebuilt);
    for (const item of fresh.items.values()) if (item.sk !== 'TRANSFORM') await table.put(item);
    const port = storeSimilarPatients({ serving: table }, 'general');
    const evidence = await port.similar({
      resources: record('q', 55, 125),
      at,
      treatments: ['atorvastatin'],
      k: 5,
    });
    expect(evidence).toBeUndefined(); // 3 of the 6 old-fit cases remain
  });

  it('reads the index once per TTL and again once it has expired', async () => {
    const table = new CountingTable();
    await index(table, 'general', cohortOf(6));
    const { clock, advance } = movableClock(at);
    const port = storeSimilarPatients({ serving: table, clock }, 'general', {
      cache: caseCache(60_000),
    });
    const ask = () =>
      port.similar({ resources: record('q', 55, 125), at, treatments: ['atorvastatin'], k: 5 });
    await ask();
    const afterFirst = table.queries;
    await ask();
    expect(table.queries).toBe(afterFirst);
    advance(60_001);
    await ask();
    expect(table.queries).toBe(afterFirst * 2);
  });
});
