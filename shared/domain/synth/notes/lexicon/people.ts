// Domain (synth/notes/lexicon): invented people and places that notes mention besides the patient
// (clinicians, relatives, outside hospitals, employers, schools). All fictional; all annotated as PHI.

// Given names by the sex they are usually given to, so that a relative's name fits the relative
// ("her father, Greta" until generator 1.3.0); clinicians draw from both.
// prettier-ignore
export const femaleGivenNames: readonly string[] = [
  'Adaeze', 'Amara', 'Anika', 'Beatriz', 'Camila', 'Delphine', 'Esperanza', 'Farida', 'Fionnuala',
  'Greta', 'Henrike', 'Ingrid', 'Jovana', 'Kirsten', 'Lucinda', 'Marisol', 'Noemi', 'Octavia', 'Priya',
  'Rosalind', 'Saoirse', 'Tamsin', 'Ulrike', 'Valentina', 'Ximena', 'Zofia', 'Cordelia',
];

// prettier-ignore
export const maleGivenNames: readonly string[] = [
  'Aleksander', 'Bartholomew', 'Caius', 'Dariusz', 'Emeka', 'Gideon', 'Hamid', 'Ignatius', 'Jasper',
  'Kenji', 'Leopold', 'Mateus', 'Nikolai', 'Percival', 'Quentin', 'Rafferty', 'Soren', 'Thaddeus',
  'Wendell', 'Yusuf', 'Anselm', 'Evander', 'Oluwaseun',
];

export const givenNames: readonly string[] = [...femaleGivenNames, ...maleGivenNames];

// prettier-ignore
export const familyNames: readonly string[] = [
  'Abernathy', 'Achterberg', 'Balogun', 'Bergstrom', 'Castellanos', 'Chaudhry', 'Delacroix',
  'Dziedzic', 'Eastwick', 'Fairweather', 'Fonseca', 'Gallagher', 'Grzelak', 'Halvorsen', 'Hargreaves',
  'Iwasaki', 'Jankowski', 'Kowalczyk', 'Lindqvist', 'Lockhart', 'Mbeki', 'Montgomery', 'Nakagawa',
  'Okonkwo', 'Ostrowski', 'Pemberton', 'Quintero', 'Radcliffe', 'Santangelo', 'Szymanski',
  'Thistlewood', 'Underhill', 'Valderrama', 'Vasquez-Oyelaran', 'Whitcombe', 'Wojciechowski',
  'Yamamoto', 'Zielinski', 'Ashworth', 'Blackwood', 'Carrington', 'Devereaux', 'Ellsworth',
  'Featherstone', 'Greenhalgh', 'Holloway', 'Kingsley', 'Merriweather', 'Northcott', 'Prescott',
];

/** Clinician credentials and how often each signs notes. */
export const credentials: readonly (readonly [string, number])[] = [
  ['MD', 0.7],
  ['DO', 0.1],
  ['NP', 0.12],
  ['PA-C', 0.08],
];

/** Physicians' credentials alone (attendings and consultants), in the same proportions. */
export const physicianCredentials: readonly (readonly [string, number])[] = credentials.filter(
  ([credential]) => credential === 'MD' || credential === 'DO',
);

/** Advanced practice providers' credentials alone (they write notes a physician supervises). */
export const advancedPracticeCredentials: readonly (readonly [string, number])[] =
  credentials.filter(([credential]) => credential === 'NP' || credential === 'PA-C');

// prettier-ignore
export const outsideHospitals: readonly string[] = [
  'Riverside Community Hospital', 'St. Brendan Medical Center', 'Lakeview Regional Hospital',
  'Mercy Valley Hospital', 'Northgate General', 'Cedar Hollow Medical Center', 'Harborpoint Hospital',
  'Saint Agatha Hospital', 'Westbrook Memorial', 'Pine Ridge Regional Medical Center',
];

// prettier-ignore
export const cities: readonly string[] = [
  'Fairhaven', 'Millbrook', 'Ashford', 'Clearwater Falls', 'Brookside', 'Eastvale', 'Granite Bay',
  'Hollis Springs', 'Kingsport', 'Maple Grove', 'New Carlisle', 'Oakmont', 'Port Adair', 'Silver Lake',
];

// prettier-ignore
export const employers: readonly string[] = [
  'Halcyon Logistics', 'Brightwater Foods', 'Tri-County Transit', 'Meridian Insurance Group',
  'Bluestem Elementary School', 'Orchard Street Hardware', 'Vantage Auto Parts', 'Kestrel Software',
  'Granite State Builders', 'the county water department', 'Sunrise Assisted Living',
];

// prettier-ignore
export const occupations: readonly string[] = [
  'teacher', 'truck driver', 'accountant', 'nurse aide', 'electrician', 'software developer',
  'cashier', 'construction worker', 'office manager', 'mechanic', 'chef', 'warehouse associate',
];

/**
 * Schools by the stage a child's age puts them in (US: kindergarten at 5, elementary school to 10,
 * middle school 11-13, high school 14 and over). Until generator 1.4.0 one list served every age, so
 * an 8-year-old could attend a middle school.
 */
// prettier-ignore
export const schools: Readonly<Record<'elementary' | 'middle' | 'high', readonly string[]>> = {
  elementary: ['Hawthorne Elementary', 'Cedar Creek Elementary', 'Riverbend Montessori', 'Oak Hill Primary', 'Westfield Academy'],
  middle: ['Lincoln Park Middle School', 'Westfield Academy', 'Jefferson Middle School', 'Pine Ridge Junior High'],
  high: ['Northgate High School', 'Westfield Academy', 'Lakeview High', 'Central High School'],
};

/** The school stage for an age in years (5 and over). */
export function schoolStage(ageYears: number): keyof typeof schools {
  return ageYears <= 10 ? 'elementary' : ageYears <= 13 ? 'middle' : 'high';
}

/** Hospital display names built from the cohort's hospital slug ("lakeside" -> "Lakeside Medical Center"). */
const hospitalSuffixes = [
  'Medical Center',
  'Hospital',
  'General Hospital',
  'Regional Medical Center',
];

export function hospitalDisplayName(slug: string): string {
  const words = slug
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1));
  const base = words.join(' ') || 'Caregraph';
  if (/hospital|medical|clinic|health/i.test(base)) return base;
  let h = 0;
  for (let i = 0; i < slug.length; i++) h = (h * 31 + slug.charCodeAt(i)) >>> 0;
  return `${base} ${hospitalSuffixes[h % hospitalSuffixes.length]}`;
}
