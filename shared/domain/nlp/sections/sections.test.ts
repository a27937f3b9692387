import { describe, expect, it } from 'vitest';
import { detectSections, sectionAt } from './sections';

const kinds = (text: string) => detectSections(text).map((s) => s.kind);

describe('Function: detectSections', () => {
  it('finds upper-case, title-case and abbreviated headers', () => {
    const text =
      'PAST MEDICAL HISTORY:\nHTN\nFamily History:\nMother: DM\nSH: never smoker\nMeds: none\nA/P: stable';
    expect(kinds(text)).toEqual([
      'past-medical-history',
      'family-history',
      'social-history',
      'medications',
      'assessment-plan',
    ]);
  });

  it('reads a header alone on its line and an inline "HPI - ..." header', () => {
    expect(kinds('REVIEW OF SYSTEMS\nnegative\nHPI - 64 yo man with cough')).toEqual([
      'ros',
      'hpi',
    ]);
  });

  it('does not take an exam finding such as "Abdomen: soft" for a header', () => {
    expect(kinds('Physical Exam:\nAbdomen: soft\nLungs: clear')).toEqual(['physical-exam']);
  });

  it('ignores a short word alone on a line unless it is written in capitals', () => {
    expect(kinds('all\nALLERGIES\nNKDA')).toEqual(['allergies']);
  });

  it('reads a heading alone on its line in capitals, or in lower case as a block of its own, never a word that opens a line', () => {
    expect(kinds('allergies\n* sulfonamide: itching')).toEqual(['allergies']);
    expect(kinds('ALLERGIES\n* sulfonamide: itching')).toEqual(['allergies']);
    expect(kinds('HPI: cough.\n\npast medical history\nasthma\nmedications:\nalbuterol')).toEqual([
      'hpi',
      'past-medical-history',
      'medications',
    ]);
    expect(kinds('HPI: cough.\n  \nallergies\n* sulfonamide: itching')).toEqual([
      'hpi',
      'allergies',
    ]);
    // A heading's name that opens a line of text is no heading.
    expect(kinds('allergies to sulfonamide noted\nplan to follow up\nhistory of asthma')).toEqual(
      [],
    );
  });

  it('takes no lower-case word inside a list or wrapped prose for a heading (review of d415c66)', () => {
    // An item of a list: under its heading, after a line ending in ":", numbered or "#".
    expect(kinds('Past Medical History:\nasthma\nallergies\nGERD on omeprazole')).toEqual([
      'past-medical-history',
    ]);
    expect(kinds('Social History:\nLives with:\nfamily\nSmokes 1 ppd.')).toEqual([
      'social-history',
    ]);
    expect(kinds('Social History:\nLives with:\n\nfamily\nSmokes 1 ppd.')).toEqual([
      'social-history',
    ]);
    expect(
      kinds('Problem list:\n1. hypertension\n2. seasonal allergies\n3. allergies\n4. diabetes'),
    ).toEqual(['past-medical-history']);
    expect(kinds('Problems:\n\n# allergies\n# diabetes')).toEqual([]);
    // A hard-wrapped line of prose.
    expect(kinds('HPI: Patient has a strong\nfamily\nhistory of colon cancer.')).toEqual(['hpi']);
    expect(kinds('HPI: cough.\npast medical history\nasthma')).toEqual(['hpi']);
    // Capitalised, a bare heading line is one anywhere, as before d415c66.
    expect(kinds('HPI: cough.\nAllergies\n* sulfonamide: itching')).toEqual(['hpi', 'allergies']);
  });

  // Notes from Windows systems end lines in "\r\n" (and a few old exports in "\r"): a blank line
  // is "\r\n\r\n", and every heading test above reads the same with either ending.
  it.each([
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('reads the same headings in a note with %s line endings', (_name, eol) => {
    const cases: [string, string[]][] = [
      ['Seen today for follow up.\n\nallergies\npenicillin - rash\n', ['allergies']],
      ['allergies\n* sulfonamide: itching', ['allergies']],
      ['ALLERGIES\n* sulfonamide: itching', ['allergies']],
      [
        'HPI: cough.\n\npast medical history\nasthma\nmedications:\nalbuterol',
        ['hpi', 'past-medical-history', 'medications'],
      ],
      ['HPI: cough.\n  \nallergies\n* sulfonamide: itching', ['hpi', 'allergies']],
      ['allergies to sulfonamide noted\nplan to follow up\nhistory of asthma', []],
      ['Past Medical History:\nasthma\nallergies\nGERD on omeprazole', ['past-medical-history']],
      ['Social History:\nLives with:\nfamily\nSmokes 1 ppd.', ['social-history']],
      ['Social History:\nLives with:\n\nfamily\nSmokes 1 ppd.', ['social-history']],
      [
        'Problem list:\n1. hypertension\n2. seasonal allergies\n3. allergies\n4. diabetes',
        ['past-medical-history'],
      ],
      ['Problems:\n\n# allergies\n# diabetes', []],
      ['HPI: Patient has a strong\nfamily\nhistory of colon cancer.', ['hpi']],
      ['HPI: cough.\npast medical history\nasthma', ['hpi']],
      ['HPI: cough.\nAllergies\n* sulfonamide: itching', ['hpi', 'allergies']],
      ['all\nALLERGIES\nNKDA', ['allergies']],
      ['REVIEW OF SYSTEMS\nnegative\nHPI - 64 yo man with cough', ['ros', 'hpi']],
    ];
    for (const [text, expected] of cases) {
      const note = text.replace(/\n/g, eol);
      expect(kinds(text), JSON.stringify(text)).toEqual(expected);
      expect(kinds(note), JSON.stringify(note)).toEqual(expected);
    }
    // The body of a lower-case heading starts on the line after it, as with "\n".
    const note = `Seen today.${eol}${eol}allergies${eol}penicillin - rash`;
    const allergies = detectSections(note)[0]!;
    expect(allergies.start).toBe(note.indexOf('allergies'));
    expect(sectionAt([allergies], note.indexOf('penicillin'))?.kind).toBe('allergies');
  });

  it('reads the medication headers EHR notes print as the medications section (review of e20a3a1)', () => {
    // Unknown, they let an allergies section above run on over the medicine list below.
    for (const header of [
      'Medication:',
      'Current Outpatient Prescriptions:',
      'Active Medications:',
      'Discharge Rx:',
      'Prior to Admission Medications:',
    ]) {
      const text = `Allergies: sulfa\n${header}\nmetformin 500 mg BID`;
      expect(kinds(text), header).toEqual(['allergies', 'medications']);
      expect(sectionAt(detectSections(text), text.indexOf('metformin'))?.kind).toBe('medications');
    }
  });

  it('keeps a category label inside an allergies list in the section (review r7 of b639376)', () => {
    expect(kinds('Allergies:\nMedication: penicillin - hives\nFood: shellfish - swelling')).toEqual(
      ['allergies'],
    );
    expect(kinds('Allergies: sulfa\nMedication: penicillin (hives)')).toEqual(['allergies']);
    expect(kinds('Allergies:\nMedication: penicillin\n\nMedication:\nmetformin')).toEqual([
      'allergies',
      'medications',
    ]);
  });

  it('tells which section an offset falls in, with the body after the header', () => {
    const text = 'HPI: cough\nFH: asthma in mother';
    const sections = detectSections(text);
    const at = text.indexOf('asthma');
    expect(sectionAt(sections, at)?.kind).toBe('family-history');
    expect(sections[1]!.bodyStart).toBe(text.indexOf('asthma'));
  });

  it('reads a discharge summary\'s "Vitals at discharge:" as the exam, not as the allergies above it', () => {
    const text =
      'Drug allergies\nPatient has no known allergies.\nVitals at discharge: BP 115/61, HR 92';
    expect(kinds(text)).toEqual(['allergies', 'physical-exam']);
    expect(sectionAt(detectSections(text), text.indexOf('BP'))?.kind).toBe('physical-exam');
    expect(kinds('VS at discharge: BP: 157/90 mmHg')).toEqual(['physical-exam']);
    expect(kinds('Discharge vitals: BP 123/63 | P: 65')).toEqual(['physical-exam']);
  });
});
