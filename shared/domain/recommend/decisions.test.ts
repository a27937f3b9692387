import { describe, expect, it } from 'vitest';
import { DependencyError } from '../errors';
import { InMemoryTable } from '../monitoring/in-memory-table.fixture';
import { recordDecision, withDecisions } from './decisions';
import { EventuallyConsistentTable } from './eventually-consistent-table.fixture';
import type { RecommendationReport } from './model';

const recId = (i: number) => `rec-${i.toString(16).padStart(16, '0')}`;
const input = (i: number, body: unknown, offered: readonly string[] = [recId(i)]) => ({
  hospital: 'east',
  patient: 'p1',
  recommendationId: recId(i),
  by: 'dr',
  at: new Date('2026-01-01T00:00:00Z'),
  body,
  offered: async () => offered,
});

describe('decisions', () => {
  it('withDecisions lists every recorded decision, past one page', async () => {
    const serving = new InMemoryTable();
    for (let i = 0; i < 250; i++) await recordDecision(serving, input(i, { decision: 'accepted' }));
    const report = await withDecisions(serving, 'east', 'p1', {
      recommendations: [],
    } as unknown as RecommendationReport);
    expect(report.decisions).toHaveLength(250);
  });

  it('withDecisions lists a decision recorded a moment ago, before it is replicated', async () => {
    // Arrange: recorded, not yet seen by an eventually consistent read
    const serving = new EventuallyConsistentTable();
    await recordDecision(serving, input(1, { decision: 'accepted' }));
    // Act
    const report = await withDecisions(serving, 'east', 'p1', {
      recommendations: [],
    } as unknown as RecommendationReport);
    // Assess
    expect(report.decisions).toEqual([
      {
        recommendationId: recId(1),
        decision: 'accepted',
        by: 'dr',
        at: '2026-01-01T00:00:00.000Z',
      },
    ]);
    expect(serving.queries.map((q) => q.consistent)).toEqual([true]);
  });

  it('refuses, with 404 naming the id, a decision on a recommendation the patient is not offered', async () => {
    // Arrange: the patient is offered rec-…1 and rec-…2, not rec-…3
    const serving = new InMemoryTable();
    const offered = [recId(1), recId(2)];
    // Act
    const refused = recordDecision(serving, input(3, { decision: 'accepted' }, offered));
    // Assess: refused, and nothing is stored
    await expect(refused).rejects.toMatchObject({
      status: 404,
      message: `recommendation ${recId(3)} is not among the recommendations offered to this patient`,
    });
    expect(serving.items.size).toBe(0);
    await expect(
      recordDecision(serving, input(2, { decision: 'accepted' }, offered)),
    ).resolves.toMatchObject({ recommendationId: recId(2), decision: 'accepted' });
  });

  it('answers a retry of a recorded decision even when the recommendation is no longer offered', async () => {
    // Arrange: accepted while offered; new data then changed the recommendation (a new id)
    const serving = new InMemoryTable();
    const first = await recordDecision(serving, input(1, { decision: 'accepted' }));
    let asked = 0;
    const later = (body: unknown) => ({
      ...input(1, body),
      at: new Date('2026-01-02T00:00:00Z'),
      offered: async () => {
        asked += 1;
        return [recId(9)];
      },
    });
    // Act, Assess: the same decision is the recorded one; a different one is a conflict, not a 404
    await expect(recordDecision(serving, later({ decision: 'accepted' }))).resolves.toEqual(first);
    await expect(recordDecision(serving, later({ decision: 'rejected' }))).rejects.toMatchObject({
      status: 409,
    });
    expect(asked).toBe(0);
  });

  it('answers a retry arriving just after the first write, before it is replicated', async () => {
    // Arrange: accepted while offered; the recommendation then changed (a new id), and the write has
    // not reached every replica yet
    const serving = new EventuallyConsistentTable();
    const first = await recordDecision(serving, input(1, { decision: 'accepted' }));
    const retry = {
      ...input(1, { decision: 'accepted' }),
      at: new Date('2026-01-01T00:00:05Z'),
      offered: async () => [recId(9)],
    };
    // Act, Assess: the recorded decision, not a 404 for a recommendation no longer offered
    await expect(recordDecision(serving, retry)).resolves.toEqual(first);
    await expect(
      recordDecision(serving, { ...retry, body: { decision: 'rejected' } }),
    ).rejects.toMatchObject({ status: 409 });
  });

  it('answers as the concurrent first decision that won the write, read back consistently', async () => {
    // Arrange: another clinician's decision is written while this one checks what is offered
    const serving = new EventuallyConsistentTable();
    const winner = { ...input(1, { decision: 'rejected' }), by: 'dr-other' };
    const racing = {
      ...input(1, { decision: 'rejected' }),
      offered: async () => {
        await recordDecision(serving, winner);
        return [recId(1)];
      },
    };
    // Act
    const decided = await recordDecision(serving, racing);
    // Assess: the first decision stands, whoever asked
    expect(decided).toMatchObject({ decision: 'rejected', by: 'dr-other' });
    expect(serving.items.size).toBe(1);
  });

  it('answers a retryable 503, not a 500, when the write is refused but nothing can be read back', async () => {
    // Arrange: a store whose conditional write reports the decision exists, yet no read finds it
    const serving = new InMemoryTable();
    serving.putIfAbsent = async () => false;
    // Act
    const error = await recordDecision(serving, input(1, { decision: 'accepted' })).catch(
      (e: unknown) => e,
    );
    // Assess
    expect(error).toBeInstanceOf(DependencyError);
    expect(error).toMatchObject({
      status: 503,
      retryable: true,
      message: `a decision on recommendation ${recId(1)} was recorded concurrently but could not be read back: retry`,
    });
  });

  it('refuses an unknown body field, naming it', async () => {
    const serving = new InMemoryTable();
    await expect(
      recordDecision(serving, input(1, { decision: 'rejected', reasons: 'typo' })),
    ).rejects.toMatchObject({ status: 400, path: 'reasons' });
  });
});
