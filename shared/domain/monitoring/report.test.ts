// Tests (monitoring): the report reads the patient's age from the Patient among the resources, so the
// `caregraph monitor --bundle` path applies the same paediatric limits as the alert pipeline.
import { describe, expect, it } from 'vitest';
import type { FhirJson } from '../ingest/source-record';
import { news2Scorer } from './news2-scorer';
import { bloodPressurePanel, glucose, vital } from './observations.fixture';
import { readingsFromObservations } from './readings';
import { conceptTrend, monitoringReport } from './report';

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

  describe('dose acknowledgements (`--doses`)', () => {
    // The record names lisinopril by RxNorm (Medication.key `system|code`); `caregraph reminders
    // plan`, and so the acknowledgements, by its display or text.
    const rxnorm = 'http://www.nlm.nih.gov/research/umls/rxnorm';
    const order = (id: string, code: string, display: string, text?: string) => ({
      resourceType: 'MedicationRequest',
      id,
      status: 'active',
      intent: 'order',
      subject: { reference: 'Patient/p1' },
      authoredOn: '2026-01-05',
      medicationCodeableConcept: {
        coding: [{ system: rxnorm, code, display }],
        ...(text ? { text } : {}),
      },
    });
    const homeBp = ['2026-03-05', '2026-03-12', '2026-03-20', '2026-03-28'].map((d, i) =>
      bloodPressurePanel(`bp${i}`, `${d}T08:00:00Z`, 142, 88),
    );
    const at = Date.parse('2026-03-31T12:00:00Z');
    const acks = (medication: string, taken: number, extra: object = {}) =>
      Array.from({ length: 30 }, (_, i) => ({
        medication,
        scheduledAt: `2026-03-${String(i + 1).padStart(2, '0')}T08:00:00+00:00`,
        outcome: (i < taken ? 'taken' : 'missed') as 'taken' | 'missed',
        ...extra,
      }));

    it('measures adherence from acknowledgements named as reminders name the medication', () => {
      // Prepare: 12 of 30 doses taken (40 %), BP 142/88 throughout on an unchanged regimen.
      const record = [order('m1', '314076', 'lisinopril 10 MG Oral Tablet'), ...homeBp];
      // Act
      const report = monitoringReport(record, {
        now: at,
        doseEvents: acks('Lisinopril 10 mg oral tablet', 12),
      });
      // Assess: the rate is keyed by the record's medication, so the plan sees it.
      expect(report.doses!.rates).toEqual([
        { medication: `${rxnorm}|314076`, scheduled: 30, taken: 12, rate: 0.4 },
      ]);
      expect(report.doses!.unmatched).toEqual([]);
      expect(report.suggestions.map((s) => s.kind)).toEqual(['address-adherence']);
      expect(report.suggestions[0]!.reason).toContain('adherence 40 % is below 80 %');
    });

    it("matches the order's medication text (what reminders show first) and an explicit medicationKey", () => {
      const record = [
        order('m1', '314076', 'lisinopril 10 MG Oral Tablet', 'Lisinopril 10mg'),
        ...homeBp,
      ];
      const byText = monitoringReport(record, { now: at, doseEvents: acks('lisinopril 10mg', 27) });
      const byKey = monitoringReport(record, {
        now: at,
        doseEvents: acks('anything', 27, { medicationKey: `${rxnorm}|314076` }),
      });
      for (const report of [byText, byKey]) {
        expect(report.doses!.rates.map((r) => r.medication)).toEqual([`${rxnorm}|314076`]);
        expect(report.suggestions.map((s) => s.kind)).toEqual(['intensify-antihypertensive']);
      }
    });

    it('reports acknowledgements that name no medication of the record, or several, and does not use them', () => {
      // Prepare: two orders sharing a text; acknowledgements of an unknown drug and of the shared text.
      const record = [
        order('m1', '314076', 'lisinopril 10 MG Oral Tablet', 'blood pressure pill'),
        order('m2', '197361', 'amlodipine 5 MG Oral Tablet', 'blood pressure pill'),
        ...homeBp,
      ];
      // Act
      const report = monitoringReport(record, {
        now: at,
        doseEvents: [
          ...acks('atenolol 50 mg', 10),
          ...acks('Blood pressure pill', 10),
          ...acks('x', 10, { medicationKey: `${rxnorm}|999` }),
        ],
      });
      // Assess
      expect(report.doses!.unmatched).toEqual([
        { medication: 'atenolol 50 mg', events: 30, reason: 'names no medication of the record' },
        {
          medication: 'Blood pressure pill',
          events: 30,
          reason: 'the name fits 2 medications of the record',
        },
        {
          medication: `${rxnorm}|999`,
          events: 30,
          reason: 'medicationKey names no medication of the record',
        },
      ]);
      expect(report.suggestions.map((s) => s.kind)).toEqual(['assess-adherence']);
    });
  });

  it('gives the same trend whether a blood pressure arrives once or also as separate Observations', () => {
    // Prepare: 60 days of in-control BP (135/85 ± 8/5, a fixed pseudo-random series), as panels only,
    // and as panels plus separate systolic/diastolic Observations of the same instant and values.
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647), seed / 2147483647);
    const gauss = () => Math.sqrt(-2 * Math.log(rnd())) * Math.cos(2 * Math.PI * rnd());
    const at = Date.parse('2026-03-31T12:00:00Z');
    const once: FhirJson[] = [];
    const twice: FhirJson[] = [];
    for (let d = 0; d < 60; d++) {
      const t = new Date(at - (60 - d) * 86_400_000).toISOString();
      const [s, di] = [Math.round(135 + 8 * gauss()), Math.round(85 + 5 * gauss())];
      const panel = bloodPressurePanel(`p${d}`, t, s, di);
      once.push(panel);
      twice.push(
        panel,
        vital(`s${d}`, t, '8480-6', s, 'mm[Hg]'),
        vital(`d${d}`, t, '8462-4', di, 'mm[Hg]'),
      );
    }
    // Act
    const a = monitoringReport(once, { now: at });
    const b = monitoringReport(twice, { now: at });
    // Assess
    expect(b.trends).toEqual(a.trends);
    expect(b.trends.find((t) => t.concept === 'systolic')!.readings).toBe(60);
    expect(b.dropped).toHaveLength(120);
    expect(b.dropped[0]).toMatchObject({ observationId: 's0', duplicateOf: 'p0' });
    // Unit level too: the trend of readings that still hold repeats counts each measurement once.
    const readings = readingsFromObservations(once);
    expect(conceptTrend([...readings, ...readings], 'systolic', at)).toEqual(
      conceptTrend(readings, 'systolic', at),
    );
  });

  it('counts a low glucose delivered twice once in the hypoglycaemia alert', () => {
    const low = glucose('g1', '2026-03-10T09:00:00Z', 62);
    const report = monitoringReport([low, { ...low, id: 'g2' }], { now });
    expect(report.alerts.find((a) => a.rule === 'hypoglycaemia')).toMatchObject({
      observationIds: ['g1'],
    });
    expect(report.alerts.find((a) => a.rule === 'hypoglycaemia')!.reason).toMatch(/^1 glucose/);
  });

  it('reads raw Bundle units as ingest does and reports every value it cannot use, without values', () => {
    // Prepare: raw exports: a 48 mg/dL glucose coded 'mg/dl', a 104 °F temperature coded 'degF', and
    // values it cannot read: a unit-less glucose, a heart rate in an unknown unit, a timeless SpO2.
    const raw = (
      id: string,
      code: string,
      valueQuantity: object,
      time = '2026-03-10T11:00:00Z',
    ) => ({
      resourceType: 'Observation',
      id,
      status: 'final',
      subject: { reference: 'Patient/p1' },
      ...(time ? { effectiveDateTime: time } : {}),
      code: { coding: [{ system: 'http://loinc.org', code }] },
      valueQuantity,
    });
    const record = [
      raw('g', '2345-7', {
        value: 48,
        unit: 'mg/dl',
        system: 'http://unitsofmeasure.org',
        code: 'mg/dl',
      }),
      raw('t', '8310-5', { value: 104.0, unit: '°F', code: 'degF' }),
      raw('g0', '2345-7', { value: 31 }),
      raw('h', '8867-4', { value: 97, code: 'beats per fortnight' }),
      raw('s', '59408-5', { value: 91, code: '%' }, ''),
    ];
    // Act
    const report = monitoringReport(record, { now, news2: news2Scorer });
    // Assess
    expect(report.alerts.find((a) => a.rule === 'hypoglycaemia')).toMatchObject({
      severity: 'urgent',
      observationIds: ['g'],
    });
    expect(report.evaluated).toContain('news2');
    expect(report.alerts.find((a) => a.rule === 'news2')!.reason).toMatch(/^NEWS2 2 /); // 40 °C: 2
    expect(report.dropped).toEqual([
      {
        observationId: 'g0',
        path: 'valueQuantity.unit',
        reason: 'unit is required for LOINC 2345-7',
      },
      { observationId: 'h', path: 'valueQuantity.code', reason: 'unit not valid for LOINC 8867-4' },
      {
        observationId: 's',
        path: 'effective[x]',
        reason: 'no valid effective time or issued instant',
      },
    ]);
    expect(JSON.stringify(report.dropped)).not.toMatch(/31|97|91/);
  });
});
