// Domain (synth/state): draws who a patient is — age, sex, race and ethnicity, name, address, contacts, MRN.
import type { Ancestry, CohortOptions, Coding, Demographics, Sex } from '../model';
import type { Rng } from '../rng';
import { addYears, isoDate, type Day } from './calendar';
import {
  ageBands,
  ethnicityCodings,
  femaleShareByAge,
  languageCodings,
  limitedEnglishShare,
  maritalByAge,
  maritalCodings,
  nonHispanicMultiracialAs,
  raceCodings,
  raceEthnicityCells,
  southAsianShareOfAsian,
  type RaceCategory,
} from './demographic-tables';
import { bandIndex } from './math';
import { familyNames, givenNames, streetNames, streetSuffixes, type NameOrigin } from './names';
import { placesByWeight, type Place } from './places';

export type OmbRace = Exclude<RaceCategory, 'multiracial'>;

/** Demographics plus the derived facts later generators need (all deterministic from the same draws). */
export interface DemographicState {
  demographics: Demographics;
  birthDay: Day;
  place: Place;
  race: OmbRace;
  hispanic: boolean;
}

const ageBandWeights = ageBands.map((band) => [band, band[2]] as const);
const femaleAges = femaleShareByAge.map(([age]) => age);
const raceCells = raceEthnicityCells.map((cell) => [cell, cell[2]] as const);
const maritalAges = maritalByAge.map(([age]) => age);
const maritalKeys = ['M', 'S', 'D', 'W', 'L'] as const;

function drawAge(rng: Rng): number {
  const [from, to] = rng.weighted(ageBandWeights);
  return rng.int(from, to);
}

/** A birth date giving exactly `age` completed years at `asOf` (newborns are at least two weeks old). */
function drawBirthDay(rng: Rng, asOfDay: Day, age: number): Day {
  const earliest = addYears(asOfDay, -(age + 1)) + 1;
  const latest = age === 0 ? asOfDay - 14 : addYears(asOfDay, -age);
  return rng.int(earliest, latest);
}

function drawRace(rng: Rng): { race: OmbRace; hispanic: boolean } {
  const [hispanic, category] = rng.weighted(raceCells);
  if (category !== 'multiracial') return { race: category, hispanic };
  return { race: hispanic ? 'other' : rng.weighted(nonHispanicMultiracialAs), hispanic };
}

/** CPIC biogeographic group from OMB race/ethnicity (CPIC allele frequency tables' group definitions). */
function ancestryOf(rng: Rng, race: OmbRace, hispanic: boolean): Ancestry {
  if (hispanic) return 'latino';
  switch (race) {
    case 'black':
      return 'african-american';
    case 'asian':
      return rng.chance(southAsianShareOfAsian) ? 'central-south-asian' : 'east-asian';
    // CPIC's "American" and "Oceanian" groups are not in the contract's Ancestry: nearest admixed groups.
    case 'aian':
      return 'latino';
    case 'nhpi':
      return 'east-asian';
    default:
      return 'european';
  }
}

function nameOrigins(rng: Rng, race: OmbRace, hispanic: boolean, ancestry: Ancestry) {
  const origin = (p: number, o: NameOrigin): NameOrigin => (rng.chance(p) ? o : 'general');
  if (hispanic) return { given: origin(0.8, 'hispanic'), family: origin(0.92, 'hispanic') };
  if (race === 'black') {
    return { given: origin(0.25, 'african-american'), family: origin(0.2, 'african-american') };
  }
  if (race === 'asian') {
    const o: NameOrigin = ancestry === 'central-south-asian' ? 'south-asian' : 'east-asian';
    return { given: origin(o === 'south-asian' ? 0.85 : 0.5, o), family: origin(0.95, o) };
  }
  // Middle Eastern and North African Americans (≈3.5 million, 2020 Census) are tabulated as White.
  if (race === 'white' && rng.chance(0.02)) return { given: 'arabic', family: 'arabic' } as const;
  return { given: 'general', family: 'general' } as const;
}

function drawName(rng: Rng, sex: Sex, origins: { given: NameOrigin; family: NameOrigin }) {
  const pool = givenNames[origins.given][sex];
  const given = [rng.pick(pool)];
  // About 40% of records carry a middle name (a modelling assumption; US registries vary), never the
  // first name again: the next name of the pool then, so that no other draw moves (until generator
  // 1.4.0 about 1 patient in 150 was "Pamela Pamela Morris").
  if (rng.chance(0.4)) {
    const middles = givenNames.general[sex];
    const middle = rng.pick(middles);
    given.push(
      middle === given[0] ? middles[(middles.indexOf(middle) + 1) % middles.length]! : middle,
    );
  }
  return { family: rng.pick(familyNames[origins.family]), given };
}

function asciiFold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/** MRN unique per index: index × 48271 + seed offset mod 10^8 is a bijection (48271 is prime, not 2 or 5). */
export function medicalRecordNumber(seed: number, index: number): string {
  const offset = (Math.imul((seed >>> 0) ^ 0x9e3779b9, 0x85ebca6b) >>> 0) % 1e8;
  const digits = (index * 48271 + offset) % 1e8;
  return `MRN${String(digits).padStart(8, '0')}`;
}

function drawLanguage(rng: Rng, race: OmbRace, hispanic: boolean, ancestry: Ancestry): Coding {
  if (hispanic) {
    return rng.chance(limitedEnglishShare.hispanic)
      ? languageCodings.spanish
      : languageCodings.english;
  }
  if (race === 'asian' && rng.chance(limitedEnglishShare.asian)) {
    if (ancestry === 'central-south-asian') return languageCodings.hindi;
    // Largest Asian languages spoken at home with limited English, ACS 2019 Table B16001.
    const { chinese, vietnamese, korean, tagalog } = languageCodings;
    return rng.weighted<Coding>([
      [chinese, 0.45],
      [vietnamese, 0.25],
      [korean, 0.15],
      [tagalog, 0.15],
    ]);
  }
  if (rng.chance(limitedEnglishShare.other)) {
    const { russian, arabic, french } = languageCodings;
    return rng.weighted<Coding>([
      [russian, 0.4],
      [arabic, 0.35],
      [french, 0.25],
    ]);
  }
  return languageCodings.english;
}

function drawMaritalStatus(rng: Rng, age: number, sex: Sex): Coding | undefined {
  const i = bandIndex(maritalAges, age);
  if (i < 0) return undefined;
  const shares = maritalByAge[i]![1];
  // Widowhood is about three times commoner in women than men at 65+ (ACS 2022 S1201).
  const widowFactor = sex === 'female' ? 1.5 : 0.5;
  const weights = maritalKeys.map(
    (key, k) => [key, k === 3 ? shares[k]! * widowFactor : shares[k]!] as const,
  );
  return maritalCodings[rng.weighted(weights)];
}

function drawAddress(rng: Rng, place: Place): Demographics['address'] {
  const line = [`${rng.int(1, 9899)} ${rng.pick(streetNames)} ${rng.pick(streetSuffixes)}`];
  // Roughly a third of US households live in multi-unit buildings (ACS 2022 Table B25024).
  if (rng.chance(0.3)) line.push(`Apt ${rng.int(1, 40)}${rng.pick(['', 'A', 'B', 'C'])}`);
  return {
    line,
    city: place.city,
    state: place.state,
    postalCode: place.postalCode,
    country: 'US',
  };
}

function drawSex(rng: Rng, age: number): Sex {
  return rng.chance(femaleShareByAge[bandIndex(femaleAges, age)]![1]) ? 'female' : 'male';
}

function prefixFor(
  rng: Rng,
  age: number,
  sex: Sex,
  marital: Coding | undefined,
): string | undefined {
  if (age < 18) return undefined;
  if (rng.chance(0.01)) return 'Dr.';
  if (sex === 'male') return 'Mr.';
  return marital?.code === 'M' || marital?.code === 'W' ? 'Mrs.' : 'Ms.';
}

/** Draws the demographics of patient `index` from its 'demographics' stream. */
export function generateDemographics(
  rng: Rng,
  options: CohortOptions,
  index: number,
  asOfDay: Day,
): DemographicState {
  const ageYears = drawAge(rng);
  const birthDay = drawBirthDay(rng, asOfDay, ageYears);
  const sex = drawSex(rng, ageYears);
  const { race, hispanic } = drawRace(rng);
  const ancestry = ancestryOf(rng, race, hispanic);
  const name = drawName(rng, sex, nameOrigins(rng, race, hispanic, ancestry));
  const place = rng.weighted(placesByWeight);
  const maritalStatus = drawMaritalStatus(rng, ageYears, sex);
  const prefix = prefixFor(rng, ageYears, sex, maritalStatus);
  const handle = `${asciiFold(name.given[0]!)}.${asciiFold(name.family)}${rng.int(1, 99)}`;
  const demographics: Demographics = {
    sex,
    birthDate: isoDate(birthDay),
    ageYears,
    race: raceCodings[race],
    ethnicity: hispanic ? ethnicityCodings.hispanic : ethnicityCodings.notHispanic,
    ancestry,
    // Not `{ ...name, prefix }`: in V8 11 a spread followed by a property gives each object its own map.
    name: prefix ? { family: name.family, given: name.given, prefix } : name,
    address: drawAddress(rng, place),
    phone: `${place.areaCode}-555-01${String(rng.int(0, 99)).padStart(2, '0')}`,
    email: `${handle}@${rng.chance(0.5) ? 'example.com' : 'example.org'}`,
    mrn: medicalRecordNumber(options.seed, index),
    language: drawLanguage(rng, race, hispanic, ancestry),
  };
  if (maritalStatus) demographics.maritalStatus = maritalStatus;
  return { demographics, birthDay, place, race, hispanic };
}
