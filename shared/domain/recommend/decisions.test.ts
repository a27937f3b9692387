import { describe, expect, it } from 'vitest';
import { InMemoryTable } from '../monitoring/in-memory-table.fixture';
import { recordDecision, withDecisions } from './decisions';
import type { RecommendationReport } from './model';

const input = (i: number, body: unknown) => ({
  hospital: 'east',
  patient: 'p1',
  recommendationId: `rec-${i.toString(16).padStart(16, '0')}`,
  by: 'dr',
  at: new Date('2026-01-01T00:00:00Z'),
  body,
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

  it('refuses an unknown body field, naming it', async () => {
    const serving = new InMemoryTable();
    await expect(
      recordDecision(serving, input(1, { decision: 'rejected', reasons: 'typo' })),
    ).rejects.toMatchObject({ status: 400, path: 'reasons' });
  });
});
