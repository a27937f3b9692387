// Domain (synth/notes): people a note names (clinicians, relatives) and how they are written; the name
// tokens are NAME PHI, titles and credentials are not (the i2b2 2014 de-identification convention).
import type { TrueEncounter } from '../model';
import type { Rng } from '../rng';
import type { NoteBuilder } from './builder';
import {
  advancedPracticeCredentials,
  credentials,
  familyNames,
  femaleGivenNames,
  givenNames,
  maleGivenNames,
  physicianCredentials,
} from './lexicon/people';

export interface Person {
  given: string;
  family: string;
  credential: string;
}

/**
 * A fictional person; `family` forces the family name (a relative sharing the patient's), and
 * `among` the credentials drawn from (any clinician's by default).
 */
export function pickPerson(
  rng: Rng,
  family?: string,
  among: readonly (readonly [string, number])[] = credentials,
): Person {
  return {
    given: rng.pick(givenNames),
    family: family ?? rng.pick(familyNames),
    credential: rng.weighted(among),
  };
}

const femaleRoles: ReadonlySet<string> = new Set([
  'wife',
  'daughter',
  'sister',
  'mother',
  'grandmother',
]);
const maleRoles: ReadonlySet<string> = new Set(['husband', 'son', 'father']);

/** A relative in `role` ("father", "wife", "partner"), with a given name that fits it. */
export function pickRelative(rng: Rng, family: string, role: string): Person {
  const names = femaleRoles.has(role)
    ? femaleGivenNames
    : maleRoles.has(role)
      ? maleGivenNames
      : givenNames;
  return { given: rng.pick(names), family, credential: '' };
}

/** A fictional physician (MD or DO): attendings and consultants. */
export function pickPhysician(rng: Rng): Person {
  return pickPerson(rng, undefined, physicianCredentials);
}

/** A fictional nurse practitioner or physician assistant. */
export function pickAdvancedPractice(rng: Rng): Person {
  return pickPerson(rng, undefined, advancedPracticeCredentials);
}

export function isPhysician(person: Person): boolean {
  return person.credential === 'MD' || person.credential === 'DO';
}

/** Writes a clinician's name in one of the ways notes sign and refer to them. */
export function writeClinician(b: NoteBuilder, person: Person, rng: Rng): void {
  const doctor = isPhysician(person);
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
  if (isPhysician(person) && rng.chance(0.7)) {
    b.text('Dr. ').phiSpan(person.family, 'NAME');
    return;
  }
  b.phiSpan(`${person.given} ${person.family}`, 'NAME');
}

/** Who looks after an encounter: drawn once per encounter, so that all its notes agree. */
export interface EncounterTeam {
  /** The clinician responsible: the one seen at a clinic visit, a physician in the ED or on the ward. */
  attending: Person;
  /** A physician specialist the notes refer to or consult. */
  consultant: Person;
}

/**
 * Generator choices (not survey figures): a wellness visit is with the patient's PCP 85% of the time
 * and any other clinic visit 60% (otherwise with another clinician of the practice, who may be an NP or
 * a PA); an ED visit or a stay has a physician attending. Until generator 1.3.0 every note drew its own
 * author, attending and consultant from any credential, so a note's header named one clinician and its
 * signature another, and an NP or PA could be the "attending".
 */
export function encounterTeam(kind: TrueEncounter['kind'], pcp: Person, rng: Rng): EncounterTeam {
  const outpatient = kind === 'wellness' || kind === 'ambulatory';
  const attending = outpatient
    ? rng.chance(kind === 'wellness' ? 0.85 : 0.6)
      ? pcp
      : pickPerson(rng)
    : pickPhysician(rng);
  // Never the same family name as the PCP or the attending ("See Dr. Balogun (cardiology)" of a PCP).
  let consultant = pickPhysician(rng);
  while (consultant.family === pcp.family || consultant.family === attending.family)
    consultant = pickPhysician(rng);
  return { attending, consultant };
}

/**
 * The author of one note: a clinic note is written by the clinician seen; an ED or inpatient note by
 * the attending 40% of the time, a resident physician 35% and an NP or PA 25% (generator choices).
 */
export function noteAuthor(kind: TrueEncounter['kind'], team: EncounterTeam, rng: Rng): Person {
  if (kind === 'wellness' || kind === 'ambulatory') return team.attending;
  const draw = rng.next();
  if (draw < 0.4) return team.attending;
  const pick = draw < 0.75 ? pickPhysician : pickAdvancedPractice;
  let author = pick(rng);
  while (author.family === team.attending.family) author = pick(rng);
  return author;
}
