// Domain (synth/notes): people a note names (clinicians, relatives) and how they are written; the name
// tokens are NAME PHI, titles and credentials are not (the i2b2 2014 de-identification convention).
import type { Rng } from '../rng';
import type { NoteBuilder } from './builder';
import { credentials, familyNames, givenNames } from './lexicon/people';

export interface Person {
  given: string;
  family: string;
  credential: string;
}

/** A fictional person; `family` forces the family name (a relative sharing the patient's). */
export function pickPerson(rng: Rng, family?: string): Person {
  return {
    given: rng.pick(givenNames),
    family: family ?? rng.pick(familyNames),
    credential: rng.weighted(credentials),
  };
}

/** Writes a clinician's name in one of the ways notes sign and refer to them. */
export function writeClinician(b: NoteBuilder, person: Person, rng: Rng): void {
  const doctor = person.credential === 'MD' || person.credential === 'DO';
  switch (rng.int(0, 5)) {
    case 0:
      if (doctor) {
        b.text('Dr. ').phiSpan(person.family, 'NAME');
        return;
      }
      b.phiSpan(`${person.given} ${person.family}`, 'NAME').verbatim(`, ${person.credential}`);
      return;
    case 1:
      b.phiSpan(`${person.given} ${person.family}`, 'NAME').verbatim(`, ${person.credential}`);
      return;
    case 2:
      b.phiSpan(`${person.given[0]}. ${person.family}`, 'NAME').verbatim(` ${person.credential}`);
      return;
    case 3:
      if (doctor) b.text('Dr. ');
      b.phiSpan(`${person.given} ${person.family}`, 'NAME');
      return;
    case 4:
      b.phiSpan(`${person.family.toUpperCase()}, ${person.given.toUpperCase()}`, 'NAME');
      b.verbatim(` ${person.credential}`);
      return;
    default:
      b.phiSpan(`${person.given} ${person.family}`, 'NAME');
  }
}

/** A short reference to a clinician already introduced ("Dr. Okonkwo", "Priya Okonkwo, NP"). */
export function referToClinician(b: NoteBuilder, person: Person, rng: Rng): void {
  if ((person.credential === 'MD' || person.credential === 'DO') && rng.chance(0.7)) {
    b.text('Dr. ').phiSpan(person.family, 'NAME');
    return;
  }
  b.phiSpan(`${person.given} ${person.family}`, 'NAME');
}
