// Domain (synth/state): real US city / state / ZIP combinations with their area code and time zone.
// ZIP codes are USPS 5-digit codes inside each city; weights are 2020 Census city populations (millions),
// so the cohort spreads across zones roughly like the urban US population.
import type { UsZone } from './calendar';

export interface Place {
  city: string;
  /** USPS two-letter state code. */
  state: string;
  postalCode: string;
  areaCode: string;
  zone: UsZone;
}

type Row = readonly [
  city: string,
  state: string,
  zip: string,
  areaCode: string,
  zone: UsZone,
  weight: number,
];

const rows: readonly Row[] = [
  ['New York', 'NY', '10027', '212', 'eastern', 4.4],
  ['Brooklyn', 'NY', '11215', '718', 'eastern', 2.7],
  ['Buffalo', 'NY', '14201', '716', 'eastern', 0.28],
  ['Boston', 'MA', '02118', '617', 'eastern', 0.68],
  ['Worcester', 'MA', '01608', '508', 'eastern', 0.21],
  ['Philadelphia', 'PA', '19104', '215', 'eastern', 1.6],
  ['Pittsburgh', 'PA', '15213', '412', 'eastern', 0.3],
  ['Baltimore', 'MD', '21201', '410', 'eastern', 0.59],
  ['Washington', 'DC', '20002', '202', 'eastern', 0.69],
  ['Richmond', 'VA', '23220', '804', 'eastern', 0.23],
  ['Charlotte', 'NC', '28202', '704', 'eastern', 0.87],
  ['Atlanta', 'GA', '30303', '404', 'eastern', 0.5],
  ['Miami', 'FL', '33125', '305', 'eastern', 0.44],
  ['Orlando', 'FL', '32801', '407', 'eastern', 0.31],
  ['Tampa', 'FL', '33602', '813', 'eastern', 0.38],
  ['Cleveland', 'OH', '44113', '216', 'eastern', 0.37],
  ['Columbus', 'OH', '43215', '614', 'eastern', 0.9],
  ['Detroit', 'MI', '48201', '313', 'eastern', 0.64],
  ['Indianapolis', 'IN', '46204', '317', 'eastern', 0.89],
  ['Louisville', 'KY', '40202', '502', 'eastern', 0.62],
  ['Chicago', 'IL', '60616', '312', 'central', 2.7],
  ['Milwaukee', 'WI', '53202', '414', 'central', 0.58],
  ['Minneapolis', 'MN', '55401', '612', 'central', 0.43],
  ['St. Louis', 'MO', '63103', '314', 'central', 0.3],
  ['Kansas City', 'MO', '64106', '816', 'central', 0.51],
  ['Nashville', 'TN', '37203', '615', 'central', 0.69],
  ['Memphis', 'TN', '38103', '901', 'central', 0.63],
  ['New Orleans', 'LA', '70112', '504', 'central', 0.38],
  ['Houston', 'TX', '77002', '713', 'central', 2.3],
  ['Dallas', 'TX', '75201', '214', 'central', 1.3],
  ['San Antonio', 'TX', '78205', '210', 'central', 1.43],
  ['Austin', 'TX', '78701', '512', 'central', 0.96],
  ['Oklahoma City', 'OK', '73102', '405', 'central', 0.68],
  ['Denver', 'CO', '80202', '303', 'mountain', 0.72],
  ['Salt Lake City', 'UT', '84111', '801', 'mountain', 0.2],
  ['Albuquerque', 'NM', '87102', '505', 'mountain', 0.56],
  ['Phoenix', 'AZ', '85004', '602', 'arizona', 1.61],
  ['Tucson', 'AZ', '85701', '520', 'arizona', 0.54],
  ['Las Vegas', 'NV', '89101', '702', 'pacific', 0.64],
  ['Los Angeles', 'CA', '90012', '213', 'pacific', 3.9],
  ['San Diego', 'CA', '92101', '619', 'pacific', 1.39],
  ['San Jose', 'CA', '95113', '408', 'pacific', 1.01],
  ['San Francisco', 'CA', '94103', '415', 'pacific', 0.87],
  ['Sacramento', 'CA', '95814', '916', 'pacific', 0.52],
  ['Seattle', 'WA', '98104', '206', 'pacific', 0.74],
  ['Portland', 'OR', '97205', '503', 'pacific', 0.65],
  ['Anchorage', 'AK', '99501', '907', 'alaska', 0.29],
  ['Honolulu', 'HI', '96813', '808', 'hawaii', 0.35],
];

export const placesByWeight: readonly (readonly [Place, number])[] = rows.map(
  ([city, state, postalCode, areaCode, zone, weight]) =>
    [{ city, state, postalCode, areaCode, zone }, weight] as const,
);
