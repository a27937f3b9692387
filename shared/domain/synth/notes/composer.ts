// Domain (synth/notes): the per-note composition state every section writer receives: the builder, the
// note's random stream, the truth at the note date, the note's style and the symptom plan.
import type { ConditionKey } from '../catalog';
import type { TrueMedication } from '../model';
import type { Rng } from '../rng';
import type { NoteBuilder } from './builder';
import type { NoteTruth } from './context';
import type { Person } from './people';
import type { DifferentialKey } from './lexicon/clinical';
import type { SymptomKey } from './lexicon/symptoms';
import type { Slots } from './template';

export type ListStyle = 'comma' | 'bullets' | 'numbered' | 'prose' | 'lines';
export type HeaderStyle = 'title' | 'upper' | 'short' | 'plain';

/** Choices made once per note so that a note is internally consistent in its layout. */
export interface NoteStyle {
  dateStyle: number;
  headers: HeaderStyle;
  /** Header followed by a newline (block) or by the content on the same line (inline). */
  inlineHeaders: boolean;
  lists: ListStyle;
  /** Bullet glyph for bullet lists. */
  bullet: string;
  /** 0 = terse, 1 = usual, 2 = verbose: drives optional sections and sentence counts. */
  verbosity: 0 | 1 | 2;
}

export interface SymptomPlan {
  /** Symptoms the patient has at this encounter (asserted present). */
  present: SymptomKey[];
  /** Symptoms the patient does not have, in the order the note may deny them. */
  negatives: SymptomKey[];
  /** An adverse drug effect the note attributes to an active medication. */
  adverseEffect?: { medication: TrueMedication; symptom: SymptomKey };
  /**
   * How long the symptoms have lasted at the note's date: in calendar days, and as the note writes it.
   * From the encounter's onset (symptom-plan.ts encounterOnset), so all notes of an encounter agree.
   */
  onset: { days: number; text: string };
}

export interface Staff {
  author: Person;
  attending: Person;
  consultant: Person;
}

/**
 * How a patient came to the ED or the ward, drawn once per encounter so that the H&P and the
 * discharge summary agree (until 1.4.0 each sentence drew its own: "transferred from" in the course,
 * "presents to the ED" in the HPI, and ED patients "transferred" then sent home). `hospital` is the
 * outside hospital of a transfer. Clinic visits are walk-ins.
 */
export interface Arrival {
  mode: 'walk-in' | 'ems' | 'transfer';
  hospital?: string;
}

/**
 * Study findings and sides drawn once, so that every note tells the same facts (until 1.5.0 each
 * note drew its own: an H&P's "EF 25%" was the discharge summary's "EF 35%", and a lung mass changed
 * side between notes). The sides of a tumour are the patient's (`patientFindings`); the rest are the
 * encounter's (`encounterFindings`, sections/results.ts). Phrasing still varies per note.
 */
export interface Findings {
  /** Which lung a lung cancer is in, and which breast a breast mass is in: the patient's. */
  lungSide: 'right' | 'left';
  breastSide: 'right' | 'left';
  /**
   * Echo: the LVEF (%) an echo shows of a patient with heart failure by this encounter — the patient's
   * own (state/heart-failure.ts) with measurement noise, in its category — and of a heart without it.
   */
  heartFailureEf: number | undefined;
  normalEf: number;
  /** Spirometry: FEV1/FVC, FEV1 % predicted, response to bronchodilator. */
  fev1FvcRatio: string;
  fev1Predicted: number;
  reversibility: string;
  /** BI-RADS assessment category of a diagnostic mammogram of a breast cancer. */
  biRads: number;
  /** Which ear acute otitis media is in. */
  otitisSide: 'right' | 'left' | 'bilateral';
}

/** A differential the note's A/P weighs, and whether it is ruled out or left possible. */
export interface DifferentialChoice {
  key: DifferentialKey | ConditionKey;
  assertion: 'negated' | 'possible';
}

export interface Pronouns {
  subject: string;
  object: string;
  possessive: string;
}

export interface Composer {
  b: NoteBuilder;
  rng: Rng;
  truth: NoteTruth;
  style: NoteStyle;
  plan: SymptomPlan;
  staff: Staff;
  /** How the patient came to this encounter; the same for all its notes. */
  arrival: Arrival;
  /** Study findings and sides; the same for all notes of the encounter (sides: of the patient). */
  findings: Findings;
  /**
   * The differentials the A/P weighs, decided on first use (`differentialPlan`, sections/assessment.ts)
   * so that the workup, written before the A/P, can show the study that rules one out.
   */
  differentials: DifferentialChoice[] | undefined;
  pronouns: Pronouns;
  /** Chemical mentions of the patient's medications, linked to their indications when the note is done. */
  medicationMentions: { index: number; medication: TrueMedication }[];
  /**
   * The history slot fillers, built on first use (`historySlots`). Held here, not in a WeakMap keyed
   * by the composer: V8's scavenger keeps WeakMap entries alive, so each note's composer, builder,
   * spans and text survived until a full GC (about 50 KB a patient promoted to the old space).
   */
  historySlots: Slots | undefined;
  /** The LVEF (%) an echocardiogram of this note's workup reports, when it reports one. */
  echoLvef: number | undefined;
}

export function pronounsFor(sex: 'female' | 'male'): Pronouns {
  return sex === 'female'
    ? { subject: 'she', object: 'her', possessive: 'her' }
    : { subject: 'he', object: 'him', possessive: 'his' };
}

/** `count` distinct items of `items` in their original order (fewer if there are fewer). */
export function sample<T>(rng: Rng, items: readonly T[], count: number): T[] {
  if (count >= items.length) return [...items];
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(rng.int(0, items.length - 1));
  return [...chosen].sort((a, b) => a - b).map((i) => items[i]!);
}
