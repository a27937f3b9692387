import { describe, expect, it } from 'vitest';
import { mentionPairCues } from './cid-cues';

/** Cues of the first occurrence of `chemical` and `disease` in the one-sentence `text`. */
function cuesOf(text: string, chemical: string, disease: string) {
  const span = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
  return mentionPairCues(text, { start: 0, end: text.length }, span(chemical), span(disease));
}

describe('Function: mentionPairCues', () => {
  it('reads "X-induced Y" as an induced link with no word between', () => {
    // Prepare
    const text = 'Cocaine-induced seizures were seen in two patients.';
    // Act
    const cues = cuesOf(text, 'Cocaine', 'seizures');
    // Assess
    expect(cues.induced).toBe(1);
    expect(cues.tokenGap).toBe(1);
    expect(cues.negated).toBe(0);
  });

  it('reads "Y caused by X" as caused-by and "Y after X" as a temporal link', () => {
    expect(cuesOf('Seizures caused by lidocaine are rare.', 'lidocaine', 'Seizures').causedBy).toBe(
      1,
    );
    const after = cuesOf(
      'Hepatitis developed after halothane anaesthesia.',
      'halothane',
      'Hepatitis',
    );
    expect(after.after).toBe(1);
    expect(after.trigger).toBe(1);
    expect(after.induced).toBe(0);
  });

  it('does not read "X-induced" when the chemical comes after the disease', () => {
    const cues = cuesOf(
      'Hypertension induced rises in renin; captopril was given.',
      'captopril',
      'Hypertension',
    );
    expect(cues.induced).toBe(0);
  });

  it('marks a poisoning word right after the chemical', () => {
    expect(cuesOf('Digoxin toxicity caused bradycardia.', 'Digoxin', 'bradycardia').toxicity).toBe(
      1,
    );
    expect(
      cuesOf('Digoxin slowed the heart in bradycardia.', 'Digoxin', 'bradycardia').toxicity,
    ).toBe(0);
  });

  it('marks a chemical that protects against or treats the disease', () => {
    const text = 'Verapamil attenuated the arrhythmias in isolated hearts.';
    expect(cuesOf(text, 'Verapamil', 'arrhythmias').treats).toBe(1);
    expect(cuesOf('Lidocaine was given for arrhythmia.', 'Lidocaine', 'arrhythmia').treats).toBe(1);
    expect(cuesOf('Nitroglycerin induced headache.', 'Nitroglycerin', 'headache').treats).toBe(0);
  });

  it('marks a denied relation ("did not cause", "without")', () => {
    expect(cuesOf('Lithium did not cause polyuria.', 'Lithium', 'polyuria').negated).toBe(1);
    expect(
      cuesOf('Patients on lithium were without polyuria.', 'lithium', 'polyuria').negated,
    ).toBe(1);
    expect(cuesOf('Lithium caused polyuria.', 'Lithium', 'polyuria').negated).toBe(0);
  });

  it('counts the words between the mentions', () => {
    const cues = cuesOf(
      'Cisplatin given at high dose produced nephrotoxicity.',
      'Cisplatin',
      'nephrotoxicity',
    );
    expect(cues.tokenGap).toBe(5);
    expect(cues.trigger).toBe(1);
  });
});
