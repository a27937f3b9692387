// Test support (synth/notes): the clinical history of a fixture patient: measurements per encounter,
// medications per condition, family history.
import type { ConditionKey, MeasurementKey } from '../catalog';
import type {
  FamilyHistoryEntry,
  TrueCondition,
  TrueEncounter,
  TrueMeasurement,
  TrueMedication,
} from '../model';
import type { Rng } from '../rng';
import { medicationsFor } from './fixture-tables.test-helper';

const dayMs = 86_400_000;
const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Vital signs and labs taken at `enc` (random, in catalog units). */
export function measurementsAt(
  rng: Rng,
  enc: TrueEncounter,
  keys: readonly ConditionKey[],
  child: boolean,
): TrueMeasurement[] {
  const at = enc.start;
  const take = (
    key: MeasurementKey,
    value: number,
    unit: string,
    diastolic?: number,
  ): TrueMeasurement => ({
    key,
    at,
    value,
    unit,
    encounterId: enc.id,
    ...(diastolic ? { diastolic } : {}),
  });
  const out = [
    take('bloodPressurePanel', rng.int(104, 168), 'mm[Hg]', rng.int(62, 98)),
    take('heartRate', rng.int(58, 118), '/min'),
    take('respiratoryRate', rng.int(12, 24), '/min'),
    take('oxygenSaturation', rng.int(89, 100), '%'),
    take('bodyTemperature', 36 + rng.next() * 2.4, 'Cel'),
    take('bodyWeight', child ? 12 + rng.next() * 30 : 55 + rng.next() * 60, 'kg'),
  ];
  if (rng.chance(0.7))
    out.push(
      take('glucoseMass', rng.int(78, 240), 'mg/dL'),
      take('creatinine', 0.6 + rng.next() * 1.6, 'mg/dL'),
      take('potassium', 3.4 + rng.next() * 1.8, 'mmol/L'),
      take('egfr', rng.int(28, 110), 'mL/min/{1.73_m2}'),
    );
  if (keys.some((k) => /diabetes/.test(k))) out.push(take('hba1c', 5.4 + rng.next() * 4, '%'));
  if (keys.includes('hyperlipidaemia') && rng.chance(0.6))
    out.push(
      take('ldl', rng.int(60, 190), 'mg/dL'),
      take('hdl', rng.int(32, 72), 'mg/dL'),
      take('totalCholesterol', rng.int(140, 280), 'mg/dL'),
    );
  if (keys.includes('depression')) out.push(take('phq9', rng.int(2, 22), '{score}'));
  if (keys.includes('anxiety')) out.push(take('gad7', rng.int(2, 19), '{score}'));
  if (rng.chance(0.2)) out.push(take('alt', rng.int(12, 70), 'U/L'));
  return out;
}

/** Medications for the conditions (each with probability 0.75; 15% stopped since). */
export function medicationsOf(rng: Rng, list: readonly TrueCondition[]): TrueMedication[] {
  const out: TrueMedication[] = [];
  for (const c of list) {
    for (const template of medicationsFor[c.key] ?? []) {
      if (!rng.chance(0.75) || out.some((m) => m.key === template.key)) continue;
      const stopped = rng.chance(0.15);
      const start = c.onset;
      out.push({
        ...template,
        indication: c.key,
        start,
        ...(stopped ? { end: isoDay(Date.parse(start) + rng.int(60, 900) * dayMs) } : {}),
        adherence: 0.5 + rng.next() / 2,
        dispense: { quantity: 30, daysSupply: 30 },
      });
    }
  }
  return out;
}

/** Zero to three relatives with conditions; 15% of onset ages over 89 (AGE PHI). */
export function familyHistoryOf(rng: Rng): FamilyHistoryEntry[] {
  const relationships: FamilyHistoryEntry['relationship'][] = [
    'mother',
    'father',
    'sister',
    'brother',
    'maternal-grandmother',
    'paternal-grandfather',
  ];
  return Array.from({ length: rng.int(0, 3) }, (): FamilyHistoryEntry => {
    const entry: FamilyHistoryEntry = {
      relationship: rng.pick(relationships),
      condition: rng.pick<ConditionKey>([
        'coronary-disease',
        'breast-cancer',
        'type2-diabetes',
        'stroke',
        'myocardial-infarction',
        'colorectal-cancer',
        'hypertension',
      ]),
      ...(rng.chance(0.7)
        ? { onsetAge: rng.chance(0.15) ? rng.int(90, 97) : rng.int(38, 85) }
        : {}),
    };
    if (!rng.chance(0.3)) return entry;
    // Deceased: at an age after the onset (some over 89, AGE PHI), from this condition or another cause.
    const deceasedAge = (entry.onsetAge ?? rng.int(38, 85)) + rng.int(0, 12);
    return { ...entry, deceased: true, deceasedAge, causeOfDeath: rng.chance(0.6) };
  });
}
