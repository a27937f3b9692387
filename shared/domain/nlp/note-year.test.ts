import { describe, expect, it } from 'vitest';
import { yearOfFhirDate } from './note-year';

describe('Function: yearOfFhirDate', () => {
  it('reads the year of a FHIR date, dateTime or instant', () => {
    expect(yearOfFhirDate('2026')).toBe(2026);
    expect(yearOfFhirDate('2021-06')).toBe(2021);
    expect(yearOfFhirDate('2019-11-30')).toBe(2019);
    expect(yearOfFhirDate('2019-11-30T10:00:00Z')).toBe(2019);
    expect(yearOfFhirDate('2019-11-30T10:00:00+01:00')).toBe(2019);
  });

  it('gives nothing for what is not a FHIR date', () => {
    for (const v of ['last spring', '19', '2019-13-01', '2019-02-32', '11/30/2019', '', 2019, null])
      expect(yearOfFhirDate(v)).toBeUndefined();
  });
});
