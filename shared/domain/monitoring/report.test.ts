// Tests (monitoring): the report reads the patient's age from the Patient among the resources, so the
// `caregraph monitor --bundle` path applies the same paediatric limits as the alert pipeline.
import { describe, expect, it } from 'vitest';
import { news2Scorer } from './news2-scorer';
import { bloodPressurePanel, vital } from './observations.fixture';
import { monitoringReport } from './report';

const now = Date.parse('2026-03-10T12:00:00Z');
const resources = (birthDate: string) => [
  { resourceType: 'Patient', id: 'p1', birthDate },
  vital('rr', '2026-03-10T10:00:00Z', '9279-1', 30, '/min'),
  vital('hr', '2026-03-10T10:00:00Z', '8867-4', 130, '/min'),
];

describe('Function: monitoringReport', () => {
  it('scores NEWS2 for an adult and not for a 3-year-old with the same vital signs', () => {
    // Act
    const adult = monitoringReport(resources('1970-01-01'), { now, news2: news2Scorer });
    const toddler = monitoringReport(resources('2023-01-01'), { now, news2: news2Scorer });
    // Assess
    expect(adult.alerts.map((a) => `${a.rule} ${a.severity}`)).toEqual(['news2 urgent']);
    expect(toddler.evaluated).not.toContain('news2');
    expect(toddler.alerts).toEqual([]);
  });

  it("judges a child's BP on an antihypertensive against AAP 2017's <90th percentile, from the Patient's sex and the height", () => {
    // A boy of 10 at 141.3 cm (Table 4: 90th percentile 112/74) on lisinopril since January, with
    // 114/70 in both halves of the last 4 weeks: above his goal, far under the adult 130/80.
    const child = [
      { resourceType: 'Patient', id: 'p1', birthDate: '2015-06-01', gender: 'male' },
      {
        resourceType: 'MedicationRequest',
        id: 'm1',
        status: 'active',
        intent: 'order',
        subject: { reference: 'Patient/p1' },
        authoredOn: '2026-01-05',
        medicationCodeableConcept: {
          coding: [
            {
              system: 'http://www.nlm.nih.gov/research/umls/rxnorm',
              code: '314076',
              display: 'lisinopril 10 MG Oral Tablet',
            },
          ],
        },
      },
      vital('h', '2026-02-20T08:00:00Z', '8302-2', 141.3, 'cm'),
      ...['2026-02-12', '2026-02-19', '2026-02-26', '2026-03-05'].map((d, i) =>
        bloodPressurePanel(`bp${i}`, `${d}T08:00:00Z`, 114, 70),
      ),
    ];
    const report = monitoringReport(child, { now });
    expect(report.suggestions.map((x) => x.kind)).toEqual(['assess-adherence']);
    expect(report.suggestions[0]!.reason).toMatch(
      /90th percentile 112\/74 mm\[Hg\] for a boy of 10 years/,
    );
    // Without the sex the tables need, no BP suggestion at all, not the adult target's: 140/90
    // would be above it.
    const unknownSex = child.map((r) =>
      r.resourceType === 'Patient'
        ? { ...r, gender: 'unknown' }
        : r.resourceType === 'Observation' && r.id?.startsWith('bp')
          ? bloodPressurePanel(r.id, r.effectiveDateTime as string, 140, 90)
          : r,
    );
    expect(monitoringReport(unknownSex, { now }).suggestions).toEqual([]);
    const adultAge = unknownSex.map((r) =>
      r.resourceType === 'Patient' ? { ...r, birthDate: '1980-01-01' } : r,
    );
    expect(monitoringReport(adultAge, { now }).suggestions.map((x) => x.kind)).toEqual([
      'assess-adherence',
    ]);
  });

  it('judges adherence over the last 365 days: five years of monthly fills, then none for 120 days, is not adherent (PQA PDC)', () => {
    // Prepare: lisinopril filled every 30 days from 2021-01-01 to 2025-11-10, none since; BP 150/95.
    const rx = {
      coding: [
        {
          system: 'http://www.nlm.nih.gov/research/umls/rxnorm',
          code: '314076',
          display: 'lisinopril 10 MG Oral Tablet',
        },
      ],
    };
    const fills = [];
    for (
      let d = Date.parse('2021-01-01'), i = 0;
      d <= Date.parse('2025-11-10');
      d += 30 * 86_400_000, i++
    )
      fills.push({
        resourceType: 'MedicationDispense',
        id: `d${i}`,
        status: 'completed',
        whenHandedOver: new Date(d).toISOString().slice(0, 10),
        daysSupply: { value: 30 },
        medicationCodeableConcept: rx,
      });
    const record = [
      { resourceType: 'Patient', id: 'p', birthDate: '1960-01-01' },
      {
        resourceType: 'MedicationRequest',
        id: 'mr',
        status: 'active',
        authoredOn: '2021-01-01',
        medicationCodeableConcept: rx,
      },
      ...fills,
      ...[0, 1, 2, 3, 4, 5, 6, 7].map((k) =>
        bloodPressurePanel(
          `bp${k}`,
          new Date(Date.parse('2026-02-12T08:00:00Z') + k * 3.5 * 86_400_000).toISOString(),
          150,
          95,
        ),
      ),
    ];
    // Act
    const report = monitoringReport(record, { now });
    // Assess: the period is 2025-03-11..2026-03-10, from the first fill in it; covered until
    // 2025-12-05 (270 of 365 days), under 80 %; the plan no longer proposes intensifying.
    const [pdc] = report.adherence;
    expect(pdc).toMatchObject({ to: '2026-03-10', adherent: false });
    expect(pdc!.from >= '2025-03-11').toBe(true);
    expect(pdc!.pdc).toBeLessThan(0.8);
    expect(report.suggestions.map((x) => x.kind)).not.toContain('intensify-antihypertensive');
  });
});
