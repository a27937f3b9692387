// Test support (synth/notes): a deterministic, varied cohort of hand-rolled SynthPatients (children and
// adults up to 90+, several conditions, medications, inpatient stays, cancer with tumour variants) for the
// note generator's tests, independent of the state generator being written alongside.
import { conditions, type ConditionKey } from '../catalog';
import type {
  Demographics,
  RiskFactors,
  Sex,
  SynthPatient,
  TrueCondition,
  TrueEncounter,
} from '../model';
import { Rng } from '../rng';
import { familyHistoryOf, measurementsAt, medicationsOf } from './fixture-history.test-helper';
import {
  allergyOptions,
  fixtureFamily,
  fixtureGiven,
  tumourFor,
} from './fixture-tables.test-helper';

const asOf = '2026-01-01';
const adultConditions: ConditionKey[] = [
  'hypertension',
  'type2-diabetes',
  'hyperlipidaemia',
  'coronary-disease',
  'heart-failure',
  'atrial-fibrillation',
  'ckd',
  'obesity',
  'depression',
  'anxiety',
  'asthma',
  'copd',
  'prediabetes',
  'breast-cancer',
  'lung-cancer',
  'colorectal-cancer',
];
const childConditions: ConditionKey[] = [
  'asthma',
  'adhd',
  'atopic-dermatitis',
  'type1-diabetes',
  'otitis-media',
  'obesity',
];
const acuteAdult: ConditionKey[] = ['myocardial-infarction', 'stroke', 'deep-vein-thrombosis'];

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const dayMs = 86_400_000;
const pad = (n: number): string => String(n).padStart(2, '0');

function pickDistinct<T>(rng: Rng, items: readonly T[], count: number): T[] {
  const out: T[] = [];
  while (out.length < Math.min(count, items.length)) {
    const item = rng.pick(items);
    if (!out.includes(item)) out.push(item);
  }
  return out;
}

function encounterKinds(rng: Rng, kind: TrueEncounter['kind']): TrueEncounter['noteKinds'] {
  if (kind === 'inpatient')
    return rng.pick([
      ['history-and-physical', 'progress', 'discharge-summary'],
      ['history-and-physical', 'discharge-summary'],
      ['discharge-summary'],
    ]);
  if (kind === 'emergency') return ['history-and-physical'];
  return rng.chance(0.3) ? ['history-and-physical'] : ['progress'];
}

/** Visits over the last few years; acute visits bring (or are) their condition. */
function encountersOf(
  rng: Rng,
  id: string,
  list: TrueCondition[],
  child: boolean,
  age: number,
): TrueEncounter[] {
  const count = rng.int(2, 5);
  // Visits start after birth (birth years are 2025 - age).
  const first = Math.max(
    Date.parse('2021-01-04T00:00:00Z'),
    Date.parse(`${2026 - age}-01-04T00:00:00Z`),
  );
  const encounters: TrueEncounter[] = [];
  for (let n = 0; n < count; n++) {
    const kind = rng.weighted([
      ['ambulatory', 0.4],
      ['wellness', 0.15],
      ['emergency', 0.2],
      ['inpatient', 0.25],
    ] as const);
    const startMs = first + (n * 300 + rng.int(0, 250)) * dayMs + rng.int(8, 17) * 3_600_000;
    let reason: ConditionKey | undefined;
    if (kind === 'emergency' || kind === 'inpatient') {
      reason = rng.chance(0.4)
        ? rng.pick(child ? (['otitis-media', 'asthma'] as const) : acuteAdult)
        : rng.pick(list.map((c) => c.key).concat('asthma'));
      if (!list.some((c) => c.key === reason))
        list.push({
          key: reason,
          onset: isoDay(startMs),
          status: conditions[reason].chronic ? 'active' : 'resolved',
        });
    } else if (kind === 'ambulatory' && list.length > 0) reason = rng.pick(list).key;
    const endMs = startMs + (kind === 'inpatient' ? rng.int(2, 7) * dayMs : 3_600_000);
    const iso = (ms: number): string => `${new Date(ms).toISOString().slice(0, 19)}-05:00`;
    encounters.push({
      id: `${id.slice(0, 8)}-enc-${n}`,
      kind,
      start: iso(startMs),
      end: iso(endMs),
      reason,
      noteKinds: encounterKinds(rng, kind),
    });
  }
  return encounters;
}

function conditionsOf(rng: Rng, child: boolean, sex: Sex, age: number): TrueCondition[] {
  const pool = child ? childConditions : adultConditions;
  const keys = pickDistinct(rng, pool, rng.int(0, child ? 2 : 5)).filter(
    (k) => (sex === 'female' || k !== 'breast-cancer') && (k !== 'adhd' || age >= 5),
  );
  return keys.map((key) => {
    // Onset after the first half-year of life (birth years are 2025 - age).
    const earliest = Math.max(Date.parse('2012-01-01'), Date.parse(`${2025 - age}-07-01`));
    const onset = isoDay(Math.max(earliest, Date.parse('2012-01-01') + rng.int(0, 3650) * dayMs));
    const severity =
      key === 'ckd'
        ? rng.pick(['3a', '3b', '4'])
        : key === 'asthma'
          ? 'moderate persistent'
          : /cancer/.test(key)
            ? rng.pick(['I', 'II', 'IIIA'])
            : undefined;
    return { key, onset, status: 'active', ...(severity ? { severity } : {}) };
  });
}

const omb = 'urn:oid:2.16.840.1.113883.6.238';

function demographicsOf(rng: Rng, index: number, age: number, sex: Sex): Demographics {
  const birthDate = `${2025 - age}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`;
  const given = pickDistinct(rng, fixtureGiven[sex], rng.chance(0.3) ? 2 : 1);
  const family = rng.pick(fixtureFamily);
  const prefix = age >= 18 && rng.chance(0.5) ? { prefix: sex === 'female' ? 'Ms.' : 'Mr.' } : {};
  return {
    sex,
    birthDate,
    ageYears: age,
    ancestry: 'european',
    race: { system: omb, code: '2106-3', display: 'White' },
    ethnicity: { system: omb, code: '2186-5', display: 'Not Hispanic or Latino' },
    name: { family, given, ...prefix },
    address: {
      line: [`${rng.int(1, 990)} Quarry Ridge Road`],
      city: rng.pick(['Northfield', 'Easthaven', 'Westerly']),
      state: 'MA',
      postalCode: `0${rng.int(1000, 2799)}`,
      country: 'US',
    },
    phone: `${rng.pick(['617', '413', '508'])}-555-01${pad(rng.int(0, 99))}`,
    email: `${given[0]!.toLowerCase()}.${family.toLowerCase()}${rng.int(1, 99)}@example.com`,
    mrn: `MRN${String(100000 + index).padStart(7, '0')}`,
    language: { system: 'urn:ietf:bcp:47', code: 'en-US', display: 'English (United States)' },
  };
}

const baseline: Omit<RiskFactors, 'smoking'> = {
  heightCm: 170, weightKg: 80, bmi: 27.7, systolicUntreated: 138, diastolicUntreated: 86,
  totalCholesterol: 210, hdl: 45, ldl: 130, triglycerides: 160, hba1c: 6.1, fastingGlucose: 104,
  creatinine: 1, egfr: 80, potassium: 4.2, alt: 25, heartRate: 76,
}; // prettier-ignore

/** Patient `index` of the fixture cohort drawn from `seed`. */
export function fixturePatient(seed: number, index: number): SynthPatient {
  const rng = new Rng(seed, index, 0xf1c);
  const id = rng.uuid();
  const child = rng.chance(0.2);
  const age = child ? rng.int(0, 17) : rng.chance(0.06) ? rng.int(90, 99) : rng.int(18, 89);
  const sex: Sex = rng.chance(0.5) ? 'female' : 'male';
  const list = conditionsOf(rng, child, sex, age);
  const encounters = encountersOf(rng, id, list, child, age);
  const cancer = list.find((c) => /cancer/.test(c.key));
  const keys = list.map((c) => c.key);
  return {
    index,
    id,
    hospital: rng.pick(['general-east', 'lakeside', 'st-olaf']),
    demographics: demographicsOf(rng, index, age, sex),
    conditions: list,
    riskFactors: {
      ...baseline,
      smoking: child ? 'never' : rng.pick(['never', 'former', 'current'] as const),
    },
    medications: medicationsOf(rng, list),
    allergies: allergyOptions.filter(() => rng.chance(0.15)),
    familyHistory: familyHistoryOf(rng),
    encounters,
    measurements: encounters.flatMap((e) => measurementsAt(rng, e, keys, child)),
    ...(cancer && tumourFor[cancer.key] ? { genome: tumourFor[cancer.key] } : {}),
    outcomes: {},
  };
}

/** `count` fixture patients from `seed`. */
export function fixtureCohort(count: number, seed = 20260101): SynthPatient[] {
  return Array.from({ length: count }, (_, i) => fixturePatient(seed, i));
}

export { asOf as fixtureAsOf };
