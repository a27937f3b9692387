// Domain (synth/notes): entry point. Renders a synthetic patient's clinical notes from the patient's true
// state, one per note kind of each encounter, with exact entity, relation and PHI annotations.
//
// Documented rates (each also stated beside its code):
// - noise (noise.ts): typos in 1.5% of eligible words; 15% of abbreviation sites abbreviated.
// - layout (pickStyle/pickCase below, compose.ts): header families, list styles, verbosity, casing,
//   optional sections; medication lists in sig style 65% (sections/medications.ts).
// - content (symptom-plan.ts): follow-ups symptomatic 55%, secondary symptoms 50% each, adverse-effect
//   attribution in 8% of eligible notes; units: glucose in mmol/L 15%, temperature in F 40%, weight in
//   lb 30% (render/measurements.ts); brand names 10%, capitalised drug names 20% (render/medications.ts).
// - PHI extras (sections/follow-up.ts): patient phone 20%, email 8%, portal URL 5%, address 6%,
//   online check-in IP 4% of ambulatory notes; identification block layouts 55/30/15% (sections/frame.ts).
import type { ConditionKey } from '../catalog';
import type { EntitySpan, SynthNote, SynthPatient, TrueEncounter, TrueMeasurement } from '../model';
import type { Rng } from '../rng';
import { NoteBuilder, type CaseStyle } from './builder';
import { writeDischargeSummary, writeHistoryAndPhysical, writeProgressNote } from './compose';
import {
  pronounsFor,
  type Arrival,
  type Composer,
  type Findings,
  type NoteStyle,
} from './composer';
import { ageAt, noteTruth, patientFacts, type NoteKind, type PatientFacts } from './context';
import { conditionForCode, conditionTerms } from './lexicon/conditions';
import { reasonSymptoms, symptoms, type SymptomKey } from './lexicon/symptoms';
import { documentedRates, type NoiseRates } from './noise';
import { encounterTeam, noteAuthor, type EncounterTeam } from './people';
import { outsideHospitals } from './lexicon/people';
import { pickPresentation, type Presentation } from './lexicon/presentations';
import { pickTitle } from './sections/frame';
import { encounterFindings, patientSides } from './sections/results';
import { encounterOnset, planSymptoms, type EncounterOnset } from './symptom-plan';
import { lvefOn } from '../state/heart-failure';

export { documentedRates, type NoiseRates } from './noise';

/** Note-generation options; the defaults are the documented noise rates. */
export type NoteOptions = NoiseRates;

/**
 * All notes of `patient`: one per entry of each encounter's `noteKinds`, in encounter order. Each
 * note draws only from `rng.fork(encounter.id)` (and patient-level facts from `rng.fork('note-facts')`),
 * so `rng` itself is not advanced and the result depends only on its state and the patient.
 */
export function generateNotes(
  patient: SynthPatient,
  rng: Rng,
  options: Partial<NoteOptions> = {},
): SynthNote[] {
  const rates: NoiseRates = { ...documentedRates, ...options };
  const facts = patientFacts(patient, rng.fork('note-facts'));
  // The patient's sides (which lung, which breast), from a stream of their own.
  const sides = patientSides(rng.fork('note-sides'));
  const byEncounter = new Map<string, TrueMeasurement[]>();
  for (const m of patient.measurements) {
    if (m.encounterId === undefined) continue;
    const list = byEncounter.get(m.encounterId);
    if (list) list.push(m);
    else byEncounter.set(m.encounterId, [m]);
  }
  const notes: SynthNote[] = [];
  for (const encounter of patient.encounters) {
    const encounterRng = rng.fork(encounter.id);
    const presentation = presentationOf(patient, encounter, encounterRng.fork('presentation'));
    const context: EncounterContext = {
      measurements: byEncounter.get(encounter.id) ?? [],
      team: encounterTeam(encounter.kind, facts.pcp, encounterRng.fork('team')),
      presentation,
      arrival: arrivalOf(encounter, encounterRng.fork('arrival')),
      onset: encounterOnset(patient, encounter, presentation, encounterRng.fork('onset')),
      findings: encounterFindings(
        sides,
        encounter.reason,
        encounterRng.fork('findings'),
        lvefBy(patient, encounter),
      ),
    };
    encounter.noteKinds.forEach((kind, i) => {
      const noteRng = encounterRng.fork(`${kind}#${i}`);
      notes.push(generateNote(patient, encounter, kind, facts, context, noteRng, rates));
    });
  }
  return notes;
}

/**
 * The patient's LVEF (%) on the day of `encounter` (state/heart-failure.ts `lvefOn`) when heart failure is known by then (its onset on or before the
 * encounter's day, or the encounter is for it), so an echo before the diagnosis is a normal heart's.
 */
function lvefBy(patient: SynthPatient, encounter: TrueEncounter): number | undefined {
  const hf = patient.conditions.find((c) => c.key === 'heart-failure');
  if (hf?.ejectionFraction === undefined) return undefined;
  const day = encounter.start.slice(0, 10);
  const known = hf.onset <= day || encounter.reason === 'heart-failure';
  // On its course: an HFrEF that improves reads higher as the years go by (1.9.0).
  return known ? lvefOn(hf, day) : undefined;
}

/**
 * What every note of one encounter shares: its measurements, its clinicians, its complaint, how the
 * patient came, when the symptoms began (until 1.5.0 each note drew its own span) and what its
 * studies found (until 1.5.0 each note drew its own EF, FEV1, BI-RADS and tumour side).
 */
interface EncounterContext {
  measurements: TrueMeasurement[];
  team: EncounterTeam;
  presentation: Presentation | undefined;
  arrival: Arrival;
  onset: EncounterOnset;
  findings: Findings;
}

/**
 * How the patient came to the ED: by ambulance 15% of all visits (NHAMCS 2006 Emergency Department
 * Summary, Pitts et al., National Health Statistics Reports no. 7, 2008: 18.4 million of 119.2
 * million visits), far more for a stroke (63.7% by EMS in Get With The Guidelines-Stroke, Ekundayo
 * et al., Circ Cardiovasc Qual Outcomes 2013;6:262) or an MI (about 60% of STEMIs, Mathews et al.,
 * Circulation 2011;124:154), hardly ever for a sore throat, an earache or a rash (until 1.5.0 a
 * 65-year-old was "brought in by EMS with sore throat"). The shares between are generator choices that
 * keep the overall share near 15%. To the ward, transferred from another hospital 8% of the time and
 * by ambulance 30% (generator choices). An ED visit that ends at home is never a transfer.
 */
export function arrivalOf(encounter: TrueEncounter, rng: Rng): Arrival {
  if (encounter.kind === 'emergency')
    return { mode: rng.chance(emsShare(encounter)) ? 'ems' : 'walk-in' };
  if (encounter.kind !== 'inpatient') return { mode: 'walk-in' };
  const u = rng.next();
  if (u < 0.08) return { mode: 'transfer', hospital: rng.pick(outsideHospitals) };
  return { mode: u < 0.38 ? 'ems' : 'walk-in' };
}

/** Presenting symptoms that bring patients by ambulance often, and those that almost never do. */
const emsOften: ReadonlySet<SymptomKey> = new Set(['chestPain', 'syncope', 'dyspnea', 'weakness']);
const emsRarely: ReadonlySet<SymptomKey> = new Set([
  'soreThroat',
  'earPain',
  'rash',
  'cough',
  'backPain',
]);

/** The share of ED visits like `encounter` that arrive by ambulance (see arrivalOf). */
export function emsShare(encounter: TrueEncounter): number {
  const { reason } = encounter;
  if (reason === 'stroke' || reason === 'myocardial-infarction') return 0.6;
  if (reason) return 0.2;
  const complaint = encounter.presentation?.symptoms[0];
  if (complaint === undefined) return 0.12;
  return emsOften.has(complaint) ? 0.3 : emsRarely.has(complaint) ? 0.03 : 0.12;
}

/**
 * An ED visit or a stay without a catalog condition as its reason still has a complaint: the state's
 * (TrueEncounter.presentation); drawn here only for an encounter built without one (test fixtures).
 */
function presentationOf(
  patient: SynthPatient,
  encounter: TrueEncounter,
  rng: Rng,
): Presentation | undefined {
  if (encounter.reason || (encounter.kind !== 'emergency' && encounter.kind !== 'inpatient'))
    return undefined;
  if (encounter.presentation) return encounter.presentation;
  const age = ageAt(patient.demographics.birthDate, encounter.start.slice(0, 10)).years;
  return pickPresentation(encounter.kind, age, rng);
}

/** Per-note layout: header family 35/25/25/15% (title/upper/short/plain), list style, verbosity. */
function pickStyle(rng: Rng): NoteStyle {
  return {
    dateStyle: rng.int(0, 7),
    headers: rng.weighted([
      ['title', 0.35],
      ['upper', 0.25],
      ['short', 0.25],
      ['plain', 0.15],
    ] as const),
    inlineHeaders: rng.chance(0.35),
    lists: rng.weighted([
      ['comma', 0.25],
      ['bullets', 0.2],
      ['numbered', 0.2],
      ['prose', 0.15],
      ['lines', 0.2],
    ] as const),
    bullet: rng.pick(['-', '*', '•', 'o', '+']),
    verbosity: rng.weighted([
      [0, 0.3],
      [1, 0.45],
      [2, 0.25],
    ] as const),
  };
}

/** Whole-note casing: 95% as written, 3% all capitals (as in older nursing notes), 2% lowercase. */
function pickCase(rng: Rng): CaseStyle {
  return rng.weighted([
    ['as-written', 0.95],
    ['upper', 0.03],
    ['lower', 0.02],
  ] as const);
}

const writers: Record<NoteKind, (c: Composer, title: string) => void> = {
  'history-and-physical': writeHistoryAndPhysical,
  progress: writeProgressNote,
  'discharge-summary': writeDischargeSummary,
};

function generateNote(
  patient: SynthPatient,
  encounter: TrueEncounter,
  kind: NoteKind,
  facts: PatientFacts,
  context: EncounterContext,
  rng: Rng,
  rates: NoiseRates,
): SynthNote {
  const id = rng.uuid();
  const builder = new NoteBuilder(
    { typos: rng.fork('typos'), abbreviations: rng.fork('abbreviations') },
    rates,
    pickCase(rng),
  );
  const truth = noteTruth(
    patient,
    encounter,
    kind,
    facts,
    context.measurements,
    context.presentation,
  );
  const c: Composer = {
    b: builder,
    rng,
    truth,
    style: pickStyle(rng),
    plan: planSymptoms(truth, rng, context.onset),
    staff: {
      author: noteAuthor(encounter.kind, context.team, rng),
      attending: context.team.attending,
      consultant: context.team.consultant,
    },
    arrival: context.arrival,
    findings: context.findings,
    differentials: undefined,
    pronouns: pronounsFor(patient.demographics.sex),
    medicationMentions: [],
    historySlots: undefined,
    echoLvef: undefined,
  };
  const title = pickTitle(c);
  writers[kind](c, title);
  linkRelations(c);
  const built = builder.build();
  return {
    id,
    patientId: patient.id,
    encounterId: encounter.id,
    kind,
    date: truth.authoredAt,
    title,
    text: built.text,
    entities: built.entities,
    relations: built.relations,
    phi: built.phi,
    labels: labelsOf(built.entities),
    noise: { ...built.noise },
    echoLvef: c.echoLvef,
  };
}

const asserted = (e: EntitySpan): boolean =>
  e.assertion === 'present' || e.assertion === 'historical';

/** Index of the entity nearest to `from` (by start offset) that `accept` accepts, or -1. */
function nearest(
  entities: readonly EntitySpan[],
  from: EntitySpan,
  accept: (e: EntitySpan) => boolean,
): number {
  let best = -1;
  let distance = Infinity;
  entities.forEach((e, i) => {
    if (e === from || !accept(e)) return;
    const d = Math.abs(e.start - from.start);
    if (d < distance) [best, distance] = [i, d];
  });
  return best;
}

/**
 * Relations known from the truth: each medication mention `treats` the nearest asserted mention of its
 * indication; tumour variants are `associated_with` the nearest cancer mention; symptoms of the
 * presentation are `associated_with` the nearest present mention of the encounter reason.
 */
function linkRelations(c: Composer): void {
  const { entities, relations } = c.b;
  const linked = new Set(relations.filter((r) => r.type === 'treats').map((r) => r.head));
  for (const { index, medication } of c.medicationMentions) {
    if (linked.has(index) || entities[index]!.assertion !== 'present') continue;
    const code = conditionTerms[medication.indication].code;
    c.b.relate(
      'treats',
      index,
      nearest(
        entities,
        entities[index]!,
        (e) => e.type === 'Disease' && e.code === code && asserted(e),
      ),
    );
  }
  const cancer = (e: EntitySpan): boolean =>
    e.type === 'Disease' && asserted(e) && /cancer/.test(conditionForCode(e.code) ?? '');
  const reason = c.truth.reason;
  const reasonCode = reason ? conditionTerms[reason].code : undefined;
  const profile = new Set(
    (reason ? (reasonSymptoms[reason] ?? []) : []).map((s) => symptoms[s].code),
  );
  entities.forEach((e, i) => {
    if (e.type === 'Variant') c.b.relate('associated_with', i, nearest(entities, e, cancer));
    if (e.type === 'Symptom' && e.assertion === 'present' && profile.has(e.code ?? '')) {
      c.b.relate(
        'associated_with',
        i,
        nearest(
          entities,
          e,
          (d) => d.type === 'Disease' && d.code === reasonCode && d.assertion === 'present',
        ),
      );
    }
  });
}

/** The condition keys asserted present in the note (negated, possible, hypothetical, family and historical mentions excluded). */
function labelsOf(entities: readonly EntitySpan[]): ConditionKey[] {
  const keys = new Set<ConditionKey>();
  for (const e of entities) {
    if (e.type !== 'Disease' || e.assertion !== 'present') continue;
    const key = conditionForCode(e.code);
    if (key) keys.add(key);
  }
  return [...keys];
}
