// Domain (synth/state): the presenting complaint of each ED visit and stay that has no catalog condition
// as its reason. It is part of the encounter's truth (TrueEncounter.presentation): what the state orders
// follows it (a troponin for chest pain, no blood tests for a child's earache) and every note of the
// encounter tells it (notes/generate.ts). Until 1.6.0 the notes drew it, and the state re-drew it from
// the notes' own random stream to agree with them.
import type { TrueEncounter } from '../model';
import type { Rng } from '../rng';
import { ageAt } from '../notes/context';
import { pickPresentation } from '../notes/lexicon/presentations';

/** Gives each ED visit and stay without a catalog reason its complaint, from `rng` forked by encounter. */
export function assignPresentations(
  rng: Rng,
  birthDate: string,
  encounters: readonly TrueEncounter[],
): void {
  for (const encounter of encounters) {
    if (encounter.reason || (encounter.kind !== 'emergency' && encounter.kind !== 'inpatient'))
      continue;
    const age = ageAt(birthDate, encounter.start.slice(0, 10)).years;
    encounter.presentation = pickPresentation(encounter.kind, age, rng.fork(encounter.id));
  }
}
