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

  it('reads a heading alone on its line in lower case or capitals, never a word that opens a line', () => {
    expect(kinds('allergies\n* sulfonamide: itching')).toEqual(['allergies']);
    expect(kinds('ALLERGIES\n* sulfonamide: itching')).toEqual(['allergies']);
    expect(kinds('HPI: cough.\npast medical history\nasthma\nmedications:\nalbuterol')).toEqual([
      'hpi',
      'past-medical-history',
      'medications',
    ]);
    // A heading's name that opens a line of text is no heading.
    expect(kinds('allergies to sulfonamide noted\nplan to follow up\nhistory of asthma')).toEqual(
      [],
    );
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
