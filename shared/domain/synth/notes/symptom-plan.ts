// Domain (synth/notes): decides, before any text is written, which symptoms a note asserts and which it
// may deny, so that no symptom is both present and negated and denials never contradict the presentation.
import type { ConditionKey } from '../catalog';
import type { SynthPatient, TrueEncounter } from '../model';
import { hashUniform } from '../fhir/ids';
import type { Rng } from '../rng';
import { cancerKeys, cancerPhase } from './cancer';
import type { SymptomPlan } from './composer';
import { ageAt, daysBetween, shiftDate, type NoteTruth } from './context';
import type { Presentation } from './lexicon/presentations';
import { adverseEffectsOf, genericName } from './lexicon/drugs';
import {
  pertinentNegatives,
  cancerVisitSymptoms,
  reasonSymptoms,
  reviewOfSystems,
  childReviewOfSystems,
  withRelated,
  type SymptomKey,
} from './lexicon/symptoms';

/**
 * Rates: an ambulatory follow-up of a chronic condition is symptomatic 55% of the time (acute visits
 * always are); each secondary symptom of the presentation is present with probability 0.5; 8% of notes
 * whose patient takes a drug with a known adverse effect attribute that effect to it.
 */
const followUpSymptomaticShare = 0.55;
const secondarySymptomShare = 0.5;
export const adverseEffectNoteShare = 0.08;

/**
 * The symptoms the note's presentation brings (the first is the usual chief complaint): its reason's
 * or suspected reason's, else, with no catalog reason, an ED visit's or a stay's complaint
 * (lexicon/presentations.ts), else none.
 */
export function presentationSymptoms(truth: NoteTruth): readonly SymptomKey[] {
  const key = truth.reason ?? truth.suspected;
  if (truth.readmittedAfter && truth.reason && readmissionSymptoms[truth.reason])
    return readmissionSymptoms[truth.reason]!;
  if (key && truth.reason && cancerKeys.has(key)) return cancerSymptoms(truth, key);
  return key ? (reasonSymptoms[key] ?? []) : (truth.presentation?.symptoms ?? []);
}

/**
 * What brings a patient back within 30 days of a stay for an acute event: a complication, not the
 * event's own onset (until 1.15.0 a readmission three weeks after a stroke "presented with weakness and
 * slurred speech", a new stroke). Generator choices: after an MI, heart failure and recurrent chest pain
 * (readmissions after AMI are mostly for diagnoses other than AMI, heart failure among the commonest:
 * Dharmarajan K et al. JAMA 2013;309:355); after a stroke, aspiration pneumonia with deconditioning.
 */
const readmissionSymptoms: Readonly<Partial<Record<ConditionKey, readonly SymptomKey[]>>> = {
  'myocardial-infarction': ['dyspnea', 'chestPain', 'edema', 'fatigue'],
  stroke: ['fever', 'cough', 'weakness', 'fatigue'],
};

/**
 * A cancer visit's symptoms by where the cancer stands (notes/cancer.ts): the diagnostic profile only
 * at the visit that finds it and its work-up; later visits those of lexicon `cancerVisitSymptoms`.
 */
function cancerSymptoms(truth: NoteTruth, key: ConditionKey): readonly SymptomKey[] {
  const condition = truth.patient.conditions.find((c) => c.key === key);
  const phase = condition ? cancerPhase(condition, truth.encounter.start) : 'diagnosis';
  if (!condition || phase === 'diagnosis') return reasonSymptoms[key] ?? [];
  if (phase === 'surveillance') return [];
  const visit = cancerVisitSymptoms[key];
  return (condition.severity === 'IV' ? visit?.metastatic : visit?.treatment) ?? [];
}

/** The complaint of an encounter without a catalog reason: the plan's first present symptom. */
export function complaintOf(truth: NoteTruth, plan: SymptomPlan): SymptomKey | undefined {
  return truth.presentation ? plan.present[0] : undefined;
}

export function planSymptoms(truth: NoteTruth, rng: Rng, onset: EncounterOnset): SymptomPlan {
  const key = truth.reason ?? truth.suspected;
  const profile = presentationSymptoms(truth);
  const present: SymptomKey[] = [];
  // Drawn once per encounter (a hash of its id), so that its H&P, progress notes and discharge summary
  // tell the same presentation (until 1.5.0 each note drew its own secondary symptoms).
  const encounter = truth.encounter.id;
  if (
    profile.length > 0 &&
    (truth.acute || hashUniform(`${encounter}|symptomatic`) < followUpSymptomaticShare)
  ) {
    present.push(profile[0]!);
    for (const s of profile.slice(1))
      if (hashUniform(`${encounter}|${s}`) < secondarySymptomShare) present.push(s);
  }
  const adverseEffect = pickAdverseEffect(truth, present);
  if (adverseEffect && !present.includes(adverseEffect.symptom))
    present.push(adverseEffect.symptom);

  const excluded = new Set<SymptomKey>();
  for (const s of present) for (const r of withRelated(s)) excluded.add(r);
  // A measured fever (>= 38.0 C) is never denied in the same note.
  if (truth.measurements.some((m) => m.key === 'bodyTemperature' && m.value >= 38)) {
    for (const r of withRelated('fever')) excluded.add(r);
  }
  // An acute presentation is never documented without its cardinal symptoms being possible.
  if (truth.acute) for (const s of profile) for (const r of withRelated(s)) excluded.add(r);
  const pertinent = key ? (pertinentNegatives[key] ?? []) : [];
  const negatives: SymptomKey[] = [];
  const review = truth.ageYears < 12 ? childReviewOfSystems : reviewOfSystems;
  for (const s of [...pertinent, ...review]) {
    if (!excluded.has(s) && !negatives.includes(s)) negatives.push(s);
  }
  // One draw for the wording of the span ("48 hours" or "2 days"), where the draw of the span was
  // until 1.5.0, so that the note's later draws are unchanged.
  return { present, negatives, adverseEffect, onset: onsetSpan(onset, truth, rng.next()) };
}

/**
 * When the symptoms of an encounter began, drawn once per encounter (generate.ts, from the encounter's
 * `onset` fork) so that all its notes agree: until 1.5.0 each note drew its own span from `onsets`
 * below, so an H&P said "x 5 days" on 5/5, the progress note "x 4 days" on 5/7 and the discharge
 * summary "since 05/04"; an MI admission had "chest pain x 4 weeks" and a depression visit "low mood
 * x 3 days". Each note writes the span from its own date to `at` (onsetSpan).
 */
export interface EncounterOnset {
  /** Local date-time (YYYY-MM-DDTHH:MM, on the encounter's clock) the symptoms began. */
  at: string;
  /** Which distribution it was drawn from (onsetKindOf). */
  kind: OnsetKind;
  /** A chronic follow-up's wording of its span, as drawn (notes on the visit day only). */
  text?: string;
}

export type OnsetKind =
  'acute-event' | 'acute-illness' | 'febrile-infant' | 'depression' | 'persistent' | 'follow-up';

/** Acute cardiovascular and neurological events (and a heart failure exacerbation in hospital). */
const acuteEvents: readonly ConditionKey[] = [
  'myocardial-infarction',
  'stroke',
  'deep-vein-thrombosis',
];
const acuteInHospital: readonly ConditionKey[] = ['atrial-fibrillation', 'heart-failure'];
const cancers: readonly ConditionKey[] = ['breast-cancer', 'lung-cancer', 'colorectal-cancer'];

/** Which onset distribution an encounter's symptoms follow (see encounterOnset). */
export function onsetKindOf(
  patient: SynthPatient,
  encounter: TrueEncounter,
  presentation: Presentation | undefined,
): OnsetKind {
  const reason = encounter.reason;
  const hospital = encounter.kind === 'emergency' || encounter.kind === 'inpatient';
  const start = encounter.start.slice(0, 10);
  if (reason === 'depression') return 'depression';
  const known = (key: ConditionKey): boolean =>
    patient.conditions.some((c) => c.key === key && c.onset.slice(0, 10) < start);
  if (reason === 'adhd' || (reason === 'anxiety' && !known('anxiety'))) return 'persistent';
  if (reason && (acuteEvents.includes(reason) || (hospital && acuteInHospital.includes(reason))))
    return 'acute-event';
  const profile = presentation && !reason ? presentation.symptoms : [];
  if (profile[0] === 'chestPain' || profile[0] === 'syncope') return 'acute-event';
  const infection = reason === 'otitis-media' || profile.length > 0;
  const { months } = ageAt(patient.demographics.birthDate, start);
  const febrile = profile.includes('fever') || reason === 'otitis-media';
  if (infection && febrile && months < 3) return 'febrile-infant';
  if (infection || (hospital && !(reason && cancers.includes(reason)))) return 'acute-illness';
  return 'follow-up';
}

/**
 * The encounter's symptom onset. Distributions:
 * - depression: 14-90 days before the visit. DSM-5 major depressive episode, criterion A: five or more
 *   symptoms "present during the same 2-week period" (APA, DSM-5, 2013, 296.2x/296.3x).
 * - ADHD, and anxiety not diagnosed before the visit (a new generalised anxiety disorder): 6-24 months.
 *   DSM-5 ADHD criterion A: symptoms "have persisted for at least 6 months" (314.0x); DSM-5 GAD
 *   criterion A: excessive anxiety and worry "occurring more days than not for at least 6 months"
 *   (300.02). The upper bounds (90 days, 24 months) are generator choices.
 * - acute cardiovascular and neurological events (MI, stroke, DVT; AF and heart failure at an ED visit
 *   or a stay; the chest pain and syncope complaints): 1-72 hours before arrival, 40% within 12 hours,
 *   25% 12-23 hours, 35% 1-3 days (generator choice: most present within hours).
 * - acute illnesses and ED complaints (otitis media, the complaints of lexicon/presentations.ts, other
 *   ED visits and stays): 1-7 days before the visit, mostly 1-3 (generator choice); a febrile infant
 *   under 3 months: 1-2 days (generator choice: such infants are brought in early).
 * - chronic follow-ups (and cancer visits): the spans of `onsets` below, as before 1.5.0.
 * Never before birth.
 */
export function encounterOnset(
  patient: SynthPatient,
  encounter: TrueEncounter,
  presentation: Presentation | undefined,
  rng: Rng,
): EncounterOnset {
  const kind = onsetKindOf(patient, encounter, presentation);
  const start = encounter.start.slice(0, 16);
  const birth = `${patient.demographics.birthDate.slice(0, 10)}T00:00`;
  const daysBefore = (days: number): string => `${shiftDate(start, -days)}${start.slice(10)}`;
  let at: string;
  let text: string | undefined;
  switch (kind) {
    case 'depression':
      at = daysBefore(rng.int(14, 90));
      break;
    case 'persistent':
      at = daysBefore(rng.int(183, 730));
      break;
    case 'acute-event': {
      const u = rng.next();
      const hours = u < 0.4 ? rng.int(1, 11) : u < 0.65 ? rng.int(12, 23) : rng.int(24, 72);
      at = new Date(Date.parse(`${start}Z`) - hours * hourMs).toISOString().slice(0, 16);
      break;
    }
    case 'febrile-infant':
      at = daysBefore(rng.int(1, 2));
      break;
    case 'acute-illness':
      at = daysBefore(
        rng.weighted([
          [1, 0.2],
          [2, 0.22],
          [3, 0.2],
          [4, 0.12],
          [5, 0.1],
          [6, 0.06],
          [7, 0.1],
        ] as const),
      );
      break;
    default: {
      const drawn = rng.pick(onsets);
      at = daysBefore(drawn.days);
      text = drawn.text;
    }
  }
  if (at < birth) [at, text] = [birth, undefined];
  return { at, kind, text };
}

const hourMs = 3_600_000;

/**
 * When the note's present illness is told: a discharge summary retells the presentation at admission
 * (until 1.5.0 it counted the span to the discharge, so an H&P's "2 days of weakness" became "7 days"
 * five days later); every other note tells it as of its own writing.
 */
export function toldAt(truth: NoteTruth): string {
  return truth.kind === 'discharge-summary' ? truth.encounter.start : truth.authoredAt;
}

/**
 * The span from the encounter's onset to the note, as the note writes it: in hours while under a day
 * has passed (an acute event), else in days to 13 days ("48 hours" a quarter of the time for 2 days),
 * weeks to 7 weeks, months to 11 months, then years; a follow-up's drawn wording on the visit day.
 * `days` is counted in calendar days, so "since <date>" names the onset's day. `draw` in [0, 1)
 * chooses between equivalent wordings.
 */
export function onsetSpan(
  onset: EncounterOnset,
  truth: NoteTruth,
  draw: number,
): { days: number; text: string } {
  const told = toldAt(truth);
  const days = Math.max(0, daysBetween(onset.at, told.slice(0, 10)));
  if (onset.text && days === daysBetween(onset.at, truth.encounter.start))
    return { days, text: onset.text };
  const hours = Math.floor(
    (Date.parse(`${told.slice(0, 16)}Z`) - Date.parse(`${onset.at}Z`)) / hourMs,
  );
  if ((onset.kind === 'acute-event' || days === 0) && hours < 24) {
    const n = Math.max(1, hours);
    return { days, text: n === 1 ? '1 hour' : `${n} hours` };
  }
  return { days: Math.max(1, days), text: spanText(Math.max(1, days), draw) };
}

function spanText(days: number, draw: number): string {
  if (days === 1) return '1 day';
  if (days === 2 && draw < 0.25) return '48 hours';
  if (days < 14) return `${days} days`;
  if (days < 56) return `${Math.round(days / 7)} weeks`;
  if (days < 365) return `${Math.max(2, Math.floor(days / 30.4))} months`;
  const years = Math.floor(days / 365);
  return years === 1 ? '1 year' : `${years} years`;
}

/**
 * Chronic follow-ups' spans, as each note drew them until 1.5.0 (now once per encounter). Until
 * generator 1.3.0 each mention drew its own, so a note could say "until 2 weeks ago" and "for the
 * past several days" of the same fever.
 */
const onsets: readonly { days: number; text: string }[] = [
  { days: 2, text: '2 days' },
  { days: 3, text: '3 days' },
  { days: 4, text: 'several days' },
  { days: 7, text: '1 week' },
  { days: 14, text: '2 weeks' },
  { days: 2, text: '48 hours' },
  { days: 4, text: '4 days' },
  { days: 28, text: '4 weeks' },
  { days: 5, text: '5 days' },
  { days: 10, text: '10 days' },
];

function pickAdverseEffect(truth: NoteTruth, present: SymptomKey[]): SymptomPlan['adverseEffect'] {
  // Once per encounter, like the presentation: the drug and the effect with the lowest hash of the
  // encounter's id, so that every note of the encounter that has the drug blames it for the same
  // effect (until 1.5.0 an H&P denied palpitations and its discharge summary blamed albuterol for them).
  const encounter = truth.encounter.id;
  if (hashUniform(`${encounter}|adverse`) >= adverseEffectNoteShare) return undefined;
  // Only drugs taken before the encounter: a drug started during a stay did not bring the patient in,
  // and the H&P must blame the same drug as the discharge summary.
  const day = truth.encounter.start.slice(0, 10);
  const candidates = truth.medications.filter(
    (m) => m.start < day && adverseEffectsOf(genericName(m)).length > 0,
  );
  const medication = lowestHash(candidates, (m) => `${encounter}|adverse|${genericName(m)}`);
  if (!medication) return undefined;
  const options = adverseEffectsOf(genericName(medication)).filter(
    (s) => !present.some((p) => withRelated(p).includes(s) && p !== s),
  );
  const symptom = lowestHash(options, (s) => `${encounter}|adverse|${s}`);
  return symptom ? { medication, symptom } : undefined;
}

/** The item whose key hashes lowest: a choice that does not depend on the list's order or length. */
function lowestHash<T>(items: readonly T[], key: (item: T) => string): T | undefined {
  let best: T | undefined;
  let bestHash = 2;
  for (const item of items) {
    const h = hashUniform(key(item));
    if (h < bestHash) [best, bestHash] = [item, h];
  }
  return best;
}
