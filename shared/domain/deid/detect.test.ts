// Tests (deid): what the detector finds in each HIPAA Safe Harbor category, and the clinical look-alikes it leaves.
import { describe, expect, it } from 'vitest';
import { detectPhi } from './detect';
import type { DeidCategory } from './model';

const found = (text: string, includeYears = false) =>
  detectPhi(text, { includeYears }).map((p) => [p.category, p.text] as [DeidCategory, string]);

describe('Function: detectPhi', () => {
  it('finds names after titles, relatives, credentials and initials', () => {
    expect(found('Seen by Dr. Okafor today.')).toEqual([['NAME', 'Okafor']]);
    expect(found('pt seen by dr vasquez this am')).toEqual([['NAME', 'vasquez']]);
    expect(found("Pt's daughter Rosalind called.")).toEqual([['NAME', 'Rosalind']]);
    expect(found('QUIET NIGHT.\n DAN A. FORMAN-LYONS, RRT')).toEqual([
      ['NAME', 'DAN A. FORMAN-LYONS'],
    ]);
    expect(found('INR 6.0. E. WELSH AWARE.')).toEqual([['NAME', 'E. WELSH']]);
    expect(found('Mr. Nicholson slept well; Nicholson denies pain.')).toEqual([
      ['NAME', 'Nicholson'],
      ['NAME', 'Nicholson'],
    ]);
  });

  it('finds census names and full names in headers and signatures', () => {
    expect(found('Patient: Amber Lopez\nMRN: 88123456')).toEqual([
      ['NAME', 'Amber Lopez'],
      ['ID', '88123456'],
    ]);
    expect(found('Electronically signed by Thaddeus Quarrington, MD')).toEqual([
      ['NAME', 'Thaddeus Quarrington'],
    ]);
    expect(found('Discussed with Margaret and Dr. Hope Brown.')).toEqual([
      ['NAME', 'Margaret'],
      ['NAME', 'Hope Brown'],
    ]);
  });

  it('leaves eponyms and clinical words that are also names', () => {
    const text =
      "Hx of Parkinson's disease and Crohn's. Foley in place. Bell's palsy, Graves disease, Down syndrome, " +
      'Hodgkin lymphoma, Addison crisis, Cushing syndrome. Apgar 9, Glasgow coma scale 15. ' +
      'Will titrate to max dose. Hope to wean. Grace period. Walker at bedside. Mark the site.';
    expect(found(text)).toEqual([]);
  });

  it('finds dates but not blood pressures, ratios, strengths or vent settings', () => {
    expect(found('Admitted 7/23, cath on 03/14/2024 and 2024-03-15; seen March 3, 2024.')).toEqual([
      ['DATE', '7/23'],
      ['DATE', '03/14/2024'],
      ['DATE', '2024-03-15'],
      ['DATE', 'March 3, 2024'],
    ]);
    const text =
      'BP 120/80, rales 1/3 up bilaterally, strength 5/5, on PSV 10/5, AC 700x12/10/40%, ' +
      'pain 3/10, 1/2 NS at 100cc/hr, ABG 7.45/33/80.';
    expect(found(text)).toEqual([]);
  });

  it('reports years standing alone only when asked (Safe Harbor keeps years)', () => {
    expect(found("s/p CABG 1992, MI '95")).toEqual([]);
    expect(found("s/p CABG 1992, MI '95", true)).toEqual([
      ['DATE', '1992'],
      ['DATE', '95'],
    ]);
  });

  it('finds ages over 89 and only those', () => {
    expect(found('93 yo female; her husband is 89 years old; 101-year-old mother')).toEqual([
      ['AGE', '93'],
      ['AGE', '101'],
    ]);
  });

  it('finds phones, pagers, e-mail, URLs, IPs, SSNs and record numbers', () => {
    const text =
      'Call (617) 555-0142 or 410-322-1419, pager #54321, mail jo.smith@mail.example.com, ' +
      'portal https://mychart.example.org/p/1, IP 203.0.113.7, SSN 123-45-6789, MRN: A1234567, Acct # 998877.';
    expect(found(text)).toEqual([
      ['PHONE', '(617) 555-0142'],
      ['PHONE', '410-322-1419'],
      ['PHONE', '54321'],
      ['EMAIL', 'jo.smith@mail.example.com'],
      ['URL', 'https://mychart.example.org/p/1'],
      ['IP', '203.0.113.7'],
      ['ID', '123-45-6789'],
      ['ID', 'A1234567'],
      ['ID', '998877'],
    ]);
  });

  it('finds hospitals, wards, cities and addresses but not states', () => {
    expect(found('Transferred from Calvert Hospital to Holy Cross, then to GH.')).toEqual([
      ['LOCATION', 'Calvert'],
      ['LOCATION', 'Holy Cross'],
      ['LOCATION', 'GH'],
    ]);
    expect(found('transferred to Quartermain 2. Lives in Baltimore, Maryland.')).toEqual([
      ['LOCATION', 'Quartermain'],
      ['LOCATION', 'Baltimore'],
    ]);
    expect(found('Address: 12 Elm Street, Springfield, MA 01103')).toEqual([
      ['LOCATION', '12 Elm Street, Springfield, MA 01103'],
    ]);
  });

  it('gives offsets into the input text (UTF-16, end exclusive)', () => {
    const text = 'Note – café visit: Dr. Okafor';
    const [p] = detectPhi(text);
    expect(text.slice(p!.start, p!.end)).toBe('Okafor');
  });
});
