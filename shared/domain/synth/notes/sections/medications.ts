// Domain (synth/notes/sections): the medication list (drugs active at the note date), recently stopped
// drugs (historical), discharge medications, and allergies (drug allergen -> reaction `causes` relations).
import { systems } from '../../catalog';
import type { TrueAllergy, TrueMedication } from '../../model';
import type { Composer } from '../composer';
import { daysBetween } from '../context';
import { writeMedicationLine, writeMedicationName } from '../render/medications';
import { writeBlockList } from '../render/mentions';
import { writeMonthYear } from '../render/phi';
import { bank, say } from '../template';
import { writeHeader } from './headers';

/** Medications are written in sig style ("PO BID") in 65% of notes, in prose style in the rest. */
const sigStyleShare = 0.65;

function writeList(
  c: Composer,
  medications: readonly TrueMedication[],
  mark?: (m: TrueMedication) => string,
): void {
  const sig = c.rng.chance(sigStyleShare);
  const style = c.style.lists === 'prose' ? 'comma' : c.style.lists;
  writeBlockList(c, medications, style, (m) => {
    writeMedicationLine(c, m, sig);
    const note = mark?.(m);
    if (note) c.b.text(note);
  });
}

const stopped = bank(
  '{drug} was discontinued in {monthYear}.',
  'Previously on {drug}, stopped {monthYear}.',
  'No longer taking {drug}{ (stopped {monthYear})|}.',
  'Off {drug} since {monthYear}.',
);

export function writeMedications(c: Composer): void {
  writeHeader(c, 'meds');
  const meds = c.truth.medications;
  if (meds.length === 0) {
    c.b.text(
      c.rng.pick(['None.', 'No current medications.', 'Takes no medications.', 'None reported.']),
    );
    c.b.verbatim('\n');
  } else {
    writeList(c, meds);
  }
  const gone = c.truth.stoppedMedications;
  if (gone.length > 0 && c.rng.chance(0.5)) {
    const medication = c.rng.pick(gone);
    say(c.b, stopped, c.rng, {
      drug: () => writeMedicationName(c, medication, 'historical'),
      monthYear: (b) => writeMonthYear(b, medication.end!, c.rng),
    });
    c.b.verbatim('\n');
  }
}

/** Discharge medications: active at discharge, new ones marked when they started during the stay. */
export function writeDischargeMedications(c: Composer): void {
  writeHeader(c, 'dischargeMeds');
  const { encounter, medications } = c.truth;
  if (medications.length === 0) {
    c.b.text('None.').verbatim('\n');
    return;
  }
  const isNew = (m: TrueMedication): boolean => daysBetween(encounter.start, m.start) >= 0;
  writeList(c, medications, (m) =>
    isNew(m) ? c.rng.pick([' (NEW)', ' - new', ' [new this admission]']) : '',
  );
}

const noAllergies = bank(
  'NKDA',
  'No known drug allergies',
  'NKA',
  'No known allergies',
  'Patient has no known allergies',
  'None known',
);

const allergyItems = bank(
  '{substance} ({reaction})',
  '{substance} - {reaction}',
  '{substance}: {reaction}{, severe|}',
  '{substance} causes {reaction}',
  'allergic to {substance} ({reaction})',
  '{substance} (reaction: {reaction})',
  '{substance} -> {reaction}',
);

function reactionSurface(display: string): string {
  const lower = display.toLowerCase().replace(/\s*\((finding|disorder)\)$/, '');
  if (lower === 'urticaria') return 'hives';
  if (lower === 'eruption of skin' || lower === 'skin rash') return 'rash';
  return lower;
}

function writeAllergy(c: Composer, allergy: TrueAllergy): void {
  let substance = -1;
  let reaction = -1;
  say(c.b, allergyItems, c.rng, {
    substance: (b) => {
      const name = allergy.substance.display.replace(/\s*\(substance\)$/i, '');
      if (allergy.category !== 'medication') return void b.text(name.toLowerCase());
      substance = b.entity(name.toLowerCase(), 'Chemical', 'historical', {
        code: allergy.substance.code,
        system: allergy.substance.system,
      });
    },
    reaction: (b) => {
      reaction = b.entity(reactionSurface(allergy.reaction.display), 'Symptom', 'historical', {
        code: allergy.reaction.code,
        system: allergy.reaction.system || systems.snomed,
      });
    },
  });
  if (substance >= 0) c.b.relate('causes', substance, reaction);
}

export function writeAllergies(c: Composer): void {
  writeHeader(c, 'allergies');
  const allergies = c.truth.patient.allergies;
  if (allergies.length === 0) {
    say(c.b, noAllergies, c.rng);
    c.b.verbatim(c.rng.chance(0.5) ? '.\n' : '\n');
    return;
  }
  const style = c.style.lists === 'prose' || c.style.lists === 'numbered' ? 'comma' : c.style.lists;
  writeBlockList(c, allergies, style, (a) => writeAllergy(c, a));
}
