// Domain (synth/state): the presenting complaint of each ED visit and stay that has no catalog condition
// as its reason, known to the state so that what it orders agrees with what the notes say brought the
// patient in (a troponin for chest pain, no blood tests for a child's earache).
//
// The notes draw that complaint (notes/generate.ts, `presentationOf`) from the patient's 'notes' stream,
// forked by encounter id and then 'presentation'. A fork never advances its parent, so the same forks of
// the same patient stream give the same draw here, before the notes exist. realism-labs.test.ts holds
// the two together through the notes' own text (every note weighing ACS has its troponin).
import type { TrueEncounter } from '../model';
import type { Rng } from '../rng';
import { ageAt } from '../notes/context';
import { pickPresentation, type Presentation } from '../notes/lexicon/presentations';

/** Why the patient came, by encounter id: only ED visits and stays without a catalog reason have one. */
export type EncounterPresentations = ReadonlyMap<string, Presentation>;

/**
 * The complaint the notes will give each ED visit and stay without a reason. `notesRng` must be the
 * stream `generateNotes` receives (`patientRng(seed, index).fork('notes')` in cohort.ts).
 */
export function encounterPresentations(
  notesRng: Rng,
  birthDate: string,
  encounters: readonly TrueEncounter[],
): EncounterPresentations {
  const out = new Map<string, Presentation>();
  for (const encounter of encounters) {
    if (encounter.reason || (encounter.kind !== 'emergency' && encounter.kind !== 'inpatient'))
      continue;
    const age = ageAt(birthDate, encounter.start.slice(0, 10)).years;
    const rng = notesRng.fork(encounter.id).fork('presentation');
    out.set(encounter.id, pickPresentation(encounter.kind, age, rng));
  }
  return out;
}
