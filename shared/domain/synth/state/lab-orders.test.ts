// Tests (synth/state): which labs the state orders and how it values them: hs troponin I in the ACS
// workup, the urine albumin/creatinine ratio for CKD and diabetes, and acute-care panels by the child's
// presentation. Each check fails on generator 1.5.0 before these fixes (no troponin at MI admissions or
// for chest pain, CKD G1-G2 without albuminuria, a BMP for every child in the ED).
import { beforeAll, describe, expect, it } from 'vitest';
import type { ConditionKey } from '../catalog';
import type { CohortOptions, SynthPatient, TrueEncounter, TrueMeasurement } from '../model';
import { ageAt } from '../notes/context';
import { dayFromIso } from './calendar';
import { albuminuriaThreshold } from './albuminuria';
import { troponinUrl } from './cardiac-markers';
import { ddimerCutoff } from './d-dimer';
import { generatePatientState } from './patient';

const options: CohortOptions = {
  patients: 6000,
  seed: 1507,
  hospital: 'lab-orders',
  dirtyRate: 0,
  asOf: '2026-01-01',
};

interface Visit {
  patient: SynthPatient;
  encounter: TrueEncounter;
  age: number;
  labs: TrueMeasurement[];
  complaint?: string;
}

const visits: Visit[] = [];
const patients: SynthPatient[] = [];

beforeAll(() => {
  for (let i = 0; i < options.patients; i++) {
    const patient = generatePatientState(options, i);
    patients.push(patient);
    for (const encounter of patient.encounters) {
      visits.push({
        patient,
        encounter,
        age: ageAt(patient.demographics.birthDate, encounter.start.slice(0, 10)).years,
        labs: patient.measurements.filter((m) => m.encounterId === encounter.id),
        complaint: encounter.presentation?.symptoms[0],
      });
    }
  }
});

const acute = (v: Visit) => v.encounter.kind === 'emergency' || v.encounter.kind === 'inpatient';
const troponins = (v: Visit) => v.labs.filter((m) => m.key === 'troponin');
const has = (v: Visit, key: TrueMeasurement['key']) => v.labs.some((m) => m.key === key);
const severity = (p: SynthPatient, key: ConditionKey) =>
  p.conditions.find((c) => c.key === key)?.severity;

describe('Published limits the labs are judged by', () => {
  it('holds the ARCHITECT STAT hs-cTnI 99th percentile URLs and the KDIGO albuminuria threshold', () => {
    // Abbott ARCHITECT STAT High Sensitive Troponin-I package insert (99th percentile URL, US
    // reference population 18-75): women 15.6, men 34.2 ng/L. KDIGO 2012/2024: albuminuria category
    // A2 from 30 mg/g (A1 < 30).
    expect(troponinUrl).toEqual({ female: 15.6, male: 34.2 });
    expect(albuminuriaThreshold).toBe(30);
  });
});

describe('Function: generatePatientState (hs troponin I)', () => {
  it('draws troponin at every adult ED visit and stay for MI, ACS-differential reasons, stroke or chest pain', () => {
    // Prepare
    const reasons: readonly ConditionKey[] = [
      'myocardial-infarction',
      'coronary-disease',
      'heart-failure',
      'atrial-fibrillation',
      'stroke',
    ];
    const workup = visits.filter(
      (v) =>
        acute(v) &&
        v.age >= 18 &&
        ((v.encounter.reason && reasons.includes(v.encounter.reason)) ||
          v.complaint === 'chestPain'),
    );

    // Act
    const without = workup.filter((v) => troponins(v).length === 0);

    // Assess
    expect(
      workup.filter((v) => v.encounter.reason === 'myocardial-infarction').length,
    ).toBeGreaterThan(20);
    expect(workup.filter((v) => v.complaint === 'chestPain').length).toBeGreaterThan(50);
    expect(without.map((v) => `${v.encounter.kind} ${v.encounter.reason ?? v.complaint}`)).toEqual(
      [],
    );
  });

  it('draws none for children, clinic visits or complaints without ACS on the differential', () => {
    // Act
    const stray = visits.filter(
      (v) =>
        troponins(v).length > 0 &&
        (v.age < 18 ||
          !acute(v) ||
          (v.encounter.reason === undefined && v.complaint !== 'chestPain')),
    );

    // Assess
    expect(stray.map((v) => `${v.age} ${v.encounter.kind} ${v.complaint}`)).toEqual([]);
  });

  it('puts every MI value above the sex-specific 99th percentile URL, rising between draws', () => {
    // Prepare
    const mi = visits.filter((v) => v.encounter.reason === 'myocardial-infarction');

    // Act
    const below = mi.filter((v) =>
      troponins(v).some((m) => m.value <= troponinUrl[v.patient.demographics.sex]),
    );
    // A stay still running at export can be cut before the repeat (state/encounters.ts, endBy).
    const long = mi.filter(
      (v) => Date.parse(v.encounter.end) - Date.parse(v.encounter.start) >= 4 * 3_600_000,
    );
    const single = long.filter((v) => troponins(v).length !== 2);
    const falling = mi.filter((v) => {
      const [first, second] = troponins(v);
      return second !== undefined && second.value <= first!.value;
    });

    // Assess
    expect(mi.length).toBeGreaterThan(20);
    expect(below).toEqual([]);
    expect(single).toEqual([]);
    expect(falling).toEqual([]);
  });

  it('keeps most results of the rule-out workup under the URL, and draws the repeat after the first', () => {
    // Prepare
    const ruleOut = visits.filter(
      (v) => troponins(v).length > 0 && v.encounter.reason !== 'myocardial-infarction',
    );
    const values = ruleOut.flatMap((v) =>
      troponins(v).map((m) => m.value / troponinUrl[v.patient.demographics.sex]),
    );

    // Act
    const above = values.filter((ratio) => ratio > 1).length / values.length;
    const misordered = ruleOut.filter((v) => {
      const [first, second] = troponins(v);
      return second !== undefined && Date.parse(second.at) <= Date.parse(first!.at);
    });
    const outside = ruleOut.filter((v) =>
      troponins(v).some(
        (m) =>
          Date.parse(m.at) < Date.parse(v.encounter.start) ||
          Date.parse(m.at) > Date.parse(v.encounter.end),
      ),
    );

    // Assess
    expect(ruleOut.length).toBeGreaterThan(100);
    expect(above).toBeGreaterThan(0.02);
    expect(above).toBeLessThan(0.25);
    expect(misordered).toEqual([]);
    expect(outside).toEqual([]);
  });
});

describe('Function: generatePatientState (acute-care panels by age and presentation)', () => {
  const panel = (v: Visit) => has(v, 'creatinine') || has(v, 'potassium') || has(v, 'glucoseMass');

  it('keeps a panel at every admission and every adult ED visit', () => {
    // Act
    const missing = visits.filter(
      (v) =>
        (v.encounter.kind === 'inpatient' || (v.encounter.kind === 'emergency' && v.age >= 18)) &&
        !panel(v),
    );

    // Assess
    expect(missing.map((v) => `${v.age} ${v.encounter.kind}`)).toEqual([]);
  });

  it('draws no blood for a child in the ED with otitis, a URI, asthma, fever, sore throat or rash', () => {
    // Prepare
    const quiet = ['earPain', 'cough', 'wheezing', 'fever', 'soreThroat', 'rash'];
    const children = visits.filter((v) => v.encounter.kind === 'emergency' && v.age < 18);
    const minor = children.filter(
      (v) =>
        v.encounter.reason === 'asthma' ||
        (v.encounter.reason === undefined && quiet.includes(v.complaint ?? '')),
    );

    // Act
    const bled = minor.filter(panel);

    // Assess
    expect(minor.length).toBeGreaterThan(100);
    expect(bled.map((v) => `${v.age} ${v.encounter.reason ?? v.complaint}`)).toEqual([]);
  });

  it('draws a panel for some children in the ED with vomiting, and for every diabetic emergency', () => {
    // Prepare
    const children = visits.filter((v) => v.encounter.kind === 'emergency' && v.age < 18);
    const vomiting = children.filter((v) => v.complaint === 'vomiting');
    const diabetic = children.filter(
      (v) => v.encounter.reason === 'type1-diabetes' || v.encounter.reason === 'type2-diabetes',
    );

    // Act
    const share = vomiting.filter(panel).length / vomiting.length;

    // Assess
    expect(vomiting.length).toBeGreaterThan(40);
    expect(share).toBeGreaterThan(0.3);
    expect(share).toBeLessThan(0.7);
    expect(diabetic.filter((v) => !panel(v))).toEqual([]);
  });
});

describe('Function: generatePatientState (urine albumin/creatinine ratio)', () => {
  const uacrs = (p: SynthPatient) => p.measurements.filter((m) => m.key === 'uacr');
  const officeAfter = (p: SynthPatient, key: ConditionKey) => {
    const onset = p.conditions.find((c) => c.key === key)!.onset;
    return p.encounters.some(
      (e) => (e.kind === 'ambulatory' || e.kind === 'wellness') && e.start.slice(0, 10) >= onset,
    );
  };

  it('shows albuminuria (>= 30 mg/g) in every result of a CKD G1-G2 patient', () => {
    // Prepare
    const early = patients.filter((p) => ['1', '2'].includes(severity(p, 'ckd') ?? ''));

    // Act
    const tested = early.filter((p) => uacrs(p).length > 0);
    const normal = early.flatMap((p) => uacrs(p).filter((m) => m.value < 30));

    // Assess
    expect(tested.length).toBeGreaterThan(20);
    expect(normal).toEqual([]);
  });

  it('tests every CKD and type 2 diabetes patient seen in the office after diagnosis', () => {
    // Prepare
    const followed = patients.filter(
      (p) =>
        (severity(p, 'ckd') !== undefined && officeAfter(p, 'ckd')) ||
        (p.conditions.some((c) => c.key === 'type2-diabetes') && officeAfter(p, 'type2-diabetes')),
    );

    // Act
    const untested = followed.filter((p) => uacrs(p).length === 0);

    // Assess
    expect(followed.length).toBeGreaterThan(300);
    expect(untested.map((p) => p.index)).toEqual([]);
  });

  it('orders it at office visits at most yearly, never for type 1 diabetes under 5 years or without CKD or diabetes', () => {
    // Act
    const problems = patients.flatMap((p) => {
      const found: string[] = [];
      const days = uacrs(p).map((m) => dayFromIso(m.at.slice(0, 10)));
      days.forEach((d, i) => {
        if (i > 0 && d - days[i - 1]! < 300)
          found.push(`${p.index}: ${d - days[i - 1]!} days apart`);
      });
      for (const m of uacrs(p)) {
        const encounter = p.encounters.find((e) => e.id === m.encounterId)!;
        if (encounter.kind !== 'ambulatory' && encounter.kind !== 'wellness')
          found.push(`${p.index}: at ${encounter.kind}`);
        const date = m.at.slice(0, 10);
        const since = (key: ConditionKey) =>
          p.conditions.find((c) => c.key === key && c.onset <= date);
        const t1 = since('type1-diabetes');
        const t1Due = t1 && dayFromIso(date) - dayFromIso(t1.onset) >= 5 * 365.25;
        if (!since('ckd') && !since('type2-diabetes') && !t1Due) found.push(`${p.index}: not due`);
      }
      return found;
    });

    // Assess
    expect(problems).toEqual([]);
  });

  it('keeps most results of patients without CKD under 30 mg/g, with day-to-day variation', () => {
    // Prepare
    const withoutCkd = patients.filter((p) => severity(p, 'ckd') === undefined);
    const values = withoutCkd.flatMap((p) => uacrs(p).map((m) => m.value));
    const repeated = withoutCkd.filter((p) => uacrs(p).length >= 2);

    // Act
    const albuminuric = values.filter((v) => v >= 30).length / values.length;
    const varying = repeated.filter((p) => new Set(uacrs(p).map((m) => m.value)).size > 1);

    // Assess
    expect(values.length).toBeGreaterThan(300);
    expect(albuminuric).toBeLessThan(0.1);
    expect(varying.length / repeated.length).toBeGreaterThan(0.8);
  });
});

describe('Function: generatePatientState (D-dimer of a suspected PE)', () => {
  /** Reasons and complaints whose differential holds a PE (notes/lexicon/clinical.ts, presentations.ts). */
  const peReasons: readonly ConditionKey[] = [
    'myocardial-infarction',
    'coronary-disease',
    'atrial-fibrillation',
    'copd',
    'deep-vein-thrombosis',
  ];
  const peComplaints = ['chestPain', 'dyspnea', 'syncope'];
  const eligible = (v: Visit) =>
    acute(v) &&
    v.age >= 18 &&
    (v.encounter.reason
      ? peReasons.includes(v.encounter.reason)
      : peComplaints.includes(v.complaint ?? ''));
  const ddimers = (v: Visit) => v.labs.filter((m) => m.key === 'ddimer');
  /** The published cut-off, written out: 500 ng/mL FEU to 50 years, age x 10 above (ADJUST-PE). */
  const cutoff = (age: number) => (age > 50 ? age * 10 : 500);

  it('holds the age-adjusted cut-off of ADJUST-PE and the 2019 ESC guideline', () => {
    expect([ddimerCutoff(18), ddimerCutoff(50), ddimerCutoff(51), ddimerCutoff(84)]).toEqual([
      500, 500, 510, 840,
    ]);
  });

  it('draws one at about half the adult ED visits and stays with a PE on the differential, none elsewhere', () => {
    // Prepare
    const candidates = visits.filter(eligible);

    // Act
    const drawn = candidates.filter((v) => ddimers(v).length === 1);
    const stray = visits.filter((v) => ddimers(v).length > 0 && !eligible(v));
    const twice = visits.filter((v) => ddimers(v).length > 1);

    // Assess
    expect(candidates.length).toBeGreaterThan(300);
    expect(drawn.length / candidates.length).toBeGreaterThan(0.4);
    expect(drawn.length / candidates.length).toBeLessThan(0.6);
    expect(
      stray.map((v) => `${v.age} ${v.encounter.kind} ${v.encounter.reason ?? v.complaint}`),
    ).toEqual([]);
    expect(twice).toEqual([]);
  });

  it('puts every D-dimer of an acute DVT above the cut-off, and keeps values in the assay range', () => {
    // Prepare
    const drawn = visits.filter((v) => ddimers(v).length > 0);
    const dvt = drawn.filter((v) => v.encounter.reason === 'deep-vein-thrombosis');

    // Act
    const below = dvt.filter((v) => ddimers(v)[0]!.value < cutoff(v.age));
    const outside = drawn.filter((v) => ddimers(v).some((m) => m.value < 45 || m.value > 10000));

    // Assess
    expect(dvt.length).toBeGreaterThan(5);
    expect(below.map((v) => `${v.age} ${ddimers(v)[0]!.value}`)).toEqual([]);
    expect(outside).toEqual([]);
  });

  it('rises with age: most young adults under 500, and the age-adjusted cut-off rules out more of the old', () => {
    // Prepare
    const drawn = visits.filter(
      (v) => ddimers(v).length > 0 && v.encounter.reason !== 'deep-vein-thrombosis',
    );
    const share = (items: Visit[], limit: (v: Visit) => number) =>
      items.filter((v) => ddimers(v)[0]!.value < limit(v)).length / items.length;
    const young = drawn.filter((v) => v.age < 40);
    const old = drawn.filter((v) => v.age >= 75);

    // Act
    const youngUnder500 = share(young, () => 500);
    const oldUnder500 = share(old, () => 500);
    const oldUnderAdjusted = share(old, (v) => cutoff(v.age));

    // Assess: ADJUST-PE (Righini 2014), patients 75 or older: 6.4 % under 500, 29.7 % under the
    // age-adjusted cut-off; D-dimer is under 500 in most young outpatients suspected of PE.
    expect(young.length).toBeGreaterThan(30);
    expect(old.length).toBeGreaterThan(30);
    expect(youngUnder500).toBeGreaterThan(0.45);
    expect(oldUnder500).toBeLessThan(0.25);
    expect(oldUnderAdjusted).toBeGreaterThan(oldUnder500 + 0.08);
    expect(oldUnderAdjusted).toBeLessThan(0.45);
  });
});
