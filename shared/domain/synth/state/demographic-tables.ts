// Domain (synth/state): the population tables demographics draws from (US Census 2020, ACS), each with its source.
import type { Coding } from '../model';
import { systems } from '../catalog';

/**
 * Age bands [from, to] (inclusive, whole years) and their share of the US population in percent.
 * US Census Bureau, 2020 Census Demographic and Housing Characteristics File (DHC), Table P12 (Sex by Age),
 * rounded so the broad groups match the 2020 Census totals: under 18 = 22.1%, 18–64 = 61.1%, 65+ = 16.8%,
 * 90+ ≈ 0.75% (2020 Census: 2.4 million aged 90 or older). Ages are capped at 100.
 */
export const ageBands: readonly (readonly [number, number, number])[] = [
  [0, 4, 5.7],
  [5, 9, 6.0],
  [10, 14, 6.4],
  [15, 17, 4.0],
  [18, 19, 2.7],
  [20, 24, 6.6],
  [25, 29, 7.0],
  [30, 34, 6.9],
  [35, 39, 6.6],
  [40, 44, 6.2],
  [45, 49, 6.1],
  [50, 54, 6.2],
  [55, 59, 6.5],
  [60, 64, 6.3],
  [65, 69, 5.5],
  [70, 74, 4.35],
  [75, 79, 2.9],
  [80, 84, 2.0],
  [85, 89, 1.3],
  [90, 94, 0.55],
  [95, 100, 0.2],
];

/**
 * Share female by age: 2020 Census DHC Table P12 (females are 50.8% overall; 48.9% under 18,
 * rising to ≈64% at 85+ because of longer female life expectancy).
 */
export const femaleShareByAge: readonly (readonly [number, number])[] = [
  [0, 0.489],
  [18, 0.497],
  [45, 0.51],
  [65, 0.53],
  [75, 0.565],
  [85, 0.635],
];

export type RaceCategory = 'white' | 'black' | 'aian' | 'asian' | 'nhpi' | 'other' | 'multiracial';

/**
 * Hispanic origin × race (race alone, or Two or More Races), millions of people.
 * US Census Bureau, 2020 Census Redistricting Data (P.L. 94-171) Tables P1 and P2: total 331.4 million;
 * Hispanic 62.1 million (18.7%); White alone 204.3, Black alone 41.1, AIAN alone 3.7, Asian alone 19.9,
 * NHPI alone 0.7, Some Other Race alone 27.9, Two or More Races 33.8 million.
 */
export const raceEthnicityCells: readonly (readonly [boolean, RaceCategory, number])[] = [
  [false, 'white', 191.7],
  [false, 'black', 39.94],
  [false, 'aian', 2.25],
  [false, 'asian', 19.62],
  [false, 'nhpi', 0.62],
  [false, 'other', 1.69],
  [false, 'multiracial', 13.55],
  [true, 'white', 12.58],
  [true, 'black', 1.16],
  [true, 'aian', 1.48],
  [true, 'asian', 0.27],
  [true, 'nhpi', 0.07],
  [true, 'other', 26.23],
  [true, 'multiracial', 20.3],
];

/**
 * Demographics.race holds one OMB category, so a non-Hispanic multiracial person is recorded under one
 * of the categories they reported, weighted like the 2020 Census combinations that do not involve Some
 * Other Race (White+Black, White+AIAN, White+Asian being the largest); a Hispanic multiracial person is
 * recorded as Other Race, since White + Some Other Race is by far their most common combination (2020 Census).
 */
export const nonHispanicMultiracialAs: readonly (readonly [
  Exclude<RaceCategory, 'multiracial'>,
  number,
])[] = [
  ['white', 0.25],
  ['black', 0.3],
  ['aian', 0.2],
  ['asian', 0.2],
  ['nhpi', 0.05],
];

/** OMB categories, CDC Race & Ethnicity Code Set v1.0 (urn:oid:2.16.840.1.113883.6.238), as US Core uses them. */
export const raceCodings: Record<Exclude<RaceCategory, 'multiracial'>, Coding> = {
  white: { system: systems.omb, code: '2106-3', display: 'White' },
  black: { system: systems.omb, code: '2054-5', display: 'Black or African American' },
  aian: { system: systems.omb, code: '1002-5', display: 'American Indian or Alaska Native' },
  asian: { system: systems.omb, code: '2028-9', display: 'Asian' },
  nhpi: {
    system: systems.omb,
    code: '2076-8',
    display: 'Native Hawaiian or Other Pacific Islander',
  },
  other: { system: systems.omb, code: '2131-1', display: 'Other Race' },
};

export const ethnicityCodings = {
  hispanic: { system: systems.omb, code: '2135-2', display: 'Hispanic or Latino' },
  notHispanic: { system: systems.omb, code: '2186-5', display: 'Not Hispanic or Latino' },
} as const satisfies Record<string, Coding>;

/**
 * Share of Asian-alone people of South Asian origin (Asian Indian 4.4M, Pakistani 0.55M, Bangladeshi 0.21M,
 * Nepalese 0.2M, Sri Lankan 0.05M of 19.9M Asian alone; 2020 Census DHC-A detailed groups), used to split
 * the CPIC "Central/South Asian" and "East Asian" biogeographic groups.
 */
export const southAsianShareOfAsian = 0.27;

const bcp47 = 'urn:ietf:bcp:47';
export const languageCodings = {
  english: { system: bcp47, code: 'en-US', display: 'English (United States)' },
  spanish: { system: bcp47, code: 'es', display: 'Spanish' },
  chinese: { system: bcp47, code: 'zh', display: 'Chinese' },
  vietnamese: { system: bcp47, code: 'vi', display: 'Vietnamese' },
  korean: { system: bcp47, code: 'ko', display: 'Korean' },
  tagalog: { system: bcp47, code: 'tl', display: 'Tagalog' },
  hindi: { system: bcp47, code: 'hi', display: 'Hindi' },
  arabic: { system: bcp47, code: 'ar', display: 'Arabic' },
  russian: { system: bcp47, code: 'ru', display: 'Russian' },
  french: { system: bcp47, code: 'fr', display: 'French' },
} as const satisfies Record<string, Coding>;

/**
 * Probability that the preferred language is not English: people who speak English less than "very well"
 * (ACS 2019 1-year, Table S1601: 8.2% of people aged 5+ overall; ≈29% of Hispanic and ≈31% of Asian
 * people; ≈1.5% of others, mostly European languages and Arabic).
 */
export const limitedEnglishShare = { hispanic: 0.29, asian: 0.31, other: 0.015 } as const;

const maritalSystem = 'http://terminology.hl7.org/CodeSystem/v3-MaritalStatus';
export const maritalCodings = {
  M: { system: maritalSystem, code: 'M', display: 'Married' },
  S: { system: maritalSystem, code: 'S', display: 'Never Married' },
  D: { system: maritalSystem, code: 'D', display: 'Divorced' },
  W: { system: maritalSystem, code: 'W', display: 'Widowed' },
  L: { system: maritalSystem, code: 'L', display: 'Legally Separated' },
} as const satisfies Record<string, Coding>;

/**
 * Marital status by age, persons 15+: ACS 2022 1-year Table S1201 (Marital Status), shares in the order
 * married, never married, divorced, widowed, separated; widowhood is split by sex downstream.
 */
export const maritalByAge: readonly (readonly [
  number,
  readonly [number, number, number, number, number],
])[] = [
  [15, [0.01, 0.985, 0.002, 0.0, 0.003]],
  [20, [0.32, 0.63, 0.03, 0.002, 0.018]],
  [35, [0.58, 0.27, 0.11, 0.01, 0.03]],
  [45, [0.6, 0.16, 0.17, 0.03, 0.04]],
  [55, [0.6, 0.11, 0.19, 0.07, 0.03]],
  [65, [0.58, 0.07, 0.17, 0.16, 0.02]],
  [75, [0.46, 0.05, 0.11, 0.37, 0.01]],
];
