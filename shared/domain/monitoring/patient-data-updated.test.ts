import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../ports/clock';
import type { FhirJson } from '../ingest/source-record';
import { genericServingItem } from '../serving/records';
import { InMemoryTable, RecordingNotifier } from './in-memory-table.fixture';
import { news2Scorer } from './news2-scorer';
import { hypercapnicFailure, spo2Goal, vital } from './observations.fixture';
import { onPatientDataUpdated } from './patient-data-updated';

const hospital = 'north';
const patientId = 'p1';
const at = '2026-03-10T08:00:00Z';

/** An adult on oxygen at SpO2 98 %, otherwise normal: NEWS2 2 on scale 1, 5 on scale 2 (RCP 2017). */
const onOxygenAt98 = [
  vital('spo2', at, '59408-5', 98, '%'),
  vital('o2', at, '3151-8', 2, 'L/min'),
  vital('rr', at, '9279-1', 18, '/min'),
  vital('sbp', at, '8480-6', 120, 'mm[Hg]'),
  vital('hr', at, '8867-4', 80, '/min'),
  vital('temp', at, '8310-5', 37, 'Cel'),
];

async function evaluateWith(record: FhirJson[]) {
  const serving = new InMemoryTable();
  const resources = [
    { resourceType: 'Patient', id: patientId, birthDate: '1950-01-01' },
    ...onOxygenAt98,
    ...record,
  ];
  for (const r of resources)
    await serving.put(genericServingItem(hospital, r, { batch: 'b1', updatedAt: at }));
  return onPatientDataUpdated(
    {
      serving,
      notifier: new RecordingNotifier(),
      news2: news2Scorer,
      clock: fixedClock('2026-03-10T08:05:00Z'),
    },
    { hospital, patientId, batch: 'b1' },
  );
}

describe('Use case: onPatientDataUpdated, NEWS2 SpO2 scale from the record', () => {
  it('scores on scale 2 for a patient with a prescribed 88-92 % target, and says so', async () => {
    // Act
    const outcome = await evaluateWith([spo2Goal(88, 92)]);
    // Assess: SpO2 98 % on oxygen scores 3 on scale 2 (RCP NEWS2 2017 Chart 1): 5, medium -> urgent.
    const news2 = outcome.findings.find((f) => f.rule === 'news2')!;
    expect(news2).toMatchObject({ severity: 'urgent' });
    expect(news2.reason).toMatch(
      /^NEWS2 5 \(medium\) on SpO2 scale 2 \(prescribed SpO2 target 88-92 % recorded\)/,
    );
  });

  it('scores on scale 2 for active hypercapnic respiratory failure', async () => {
    const outcome = await evaluateWith([hypercapnicFailure()]);
    const news2 = outcome.findings.find((f) => f.rule === 'news2')!;
    expect(news2.reason).toContain('on SpO2 scale 2 (hypercapnic respiratory failure recorded)');
  });

  it('scores on scale 1 by default, and says so', async () => {
    const outcome = await evaluateWith([]);
    const news2 = outcome.findings.find((f) => f.rule === 'news2')!;
    expect(news2).toMatchObject({ severity: 'info' });
    expect(news2.reason).toMatch(
      /^NEWS2 2 \(low\) on SpO2 scale 1 \(no prescribed 88-92 % SpO2 target recorded\)/,
    );
  });
});
