// Which drug mentions are allergens (allergen.ts, marked by extractClinical): the substance of an
// allergy or intolerance statement the text does not deny. Before this, "She is allergic to
// amoxicillin" left amoxicillin a present drug like any other, which the graph stored as a
// medication taken.
import { describe, expect, it } from 'vitest';
import { createNlpEngine, extractClinical } from '../extract';

const engine = createNlpEngine();

/** Each drug of `text` as "text:assertion", with ":allergen" when it is marked one. */
const drugsOf = (text: string) =>
  extractClinical(text, { engine, noteYear: 2026 })
    .entities.filter((e) => e.type === 'Chemical')
    .map((e) => `${e.text}:${e.assertion}${e.allergen ? ':allergen' : ''}`);

const relationsOf = (text: string) => {
  const { entities, relations } = extractClinical(text, { engine, noteYear: 2026 });
  return relations.map((r) => `${r.type} ${entities[r.head]!.text} -> ${entities[r.tail]!.text}`);
};

describe('Function: allergenMentions (through extractClinical)', () => {
  it.each([
    ['She is allergic to amoxicillin.', ['amoxicillin:present:allergen']],
    ['Allergy to codeine.', ['codeine:present:allergen']],
    ['Amoxicillin allergy (rash).', ['Amoxicillin:present:allergen']],
    ['Intolerant of metformin (diarrhea).', ['metformin:present:allergen']],
    ['Intolerance to atorvastatin.', ['atorvastatin:present:allergen']],
    ['Metformin intolerance.', ['Metformin:present:allergen']],
    ['Had a reaction to codeine.', ['codeine:present:allergen']],
    ['Allergic reaction to amoxicillin (hives).', ['amoxicillin:present:allergen']],
    ['Hypersensitivity to aspirin.', ['aspirin:present:allergen']],
    [
      'Patient reports allergy to aspirin and ibuprofen (hives).',
      ['aspirin:present:allergen', 'ibuprofen:present:allergen'],
    ],
    [
      'Seen for cough. Allergies: sulfa (rash), codeine - nausea.',
      ['sulfa:present:allergen', 'codeine:present:allergen'],
    ],
    // After a drug-allergy concept (ICD-10-CM Z88) whose "allergic to" opens a list.
    ['Allergic to penicillin and amoxicillin.', ['amoxicillin:present:allergen']],
    // A qualifier that names a kind of drug keeps the list's head.
    ['Seen for cough. Drug allergies: amoxicillin (rash).', ['amoxicillin:present:allergen']],
  ])('marks the drug of "%s" an allergen, keeping its assertion', (text, drugs) => {
    expect(drugsOf(text)).toEqual(drugs);
  });

  it('marks every drug of an allergies section, which stays historical', () => {
    expect(drugsOf('Allergies:\namoxicillin - rash\ncodeine')).toEqual([
      'amoxicillin:historical:allergen',
      'codeine:historical:allergen',
    ]);
    expect(drugsOf('Medications: metformin 500 mg BID\nAllergies: sulfa')).toEqual([
      'metformin:present',
      'sulfa:historical:allergen',
    ]);
    expect(
      drugsOf('ALLERGIES:\n1. penicillin - hives\n2) codeine: nausea, severe, sulfa: rash'),
    ).toEqual([
      'penicillin:historical:allergen',
      'codeine:historical:allergen',
      'sulfa:historical:allergen',
    ]);
    // An item after a substance the vocabulary does not know ("PCN", "latex").
    expect(drugsOf('ALL: PCN, sulfa')).toEqual(['sulfa:historical:allergen']);
    expect(drugsOf('Allergies: penicillin (hives), latex, sulfa')).toEqual([
      'penicillin:historical:allergen',
      'sulfa:historical:allergen',
    ]);
  });

  it('marks no drug of prose in an allergies section, nor of a section that lists none', () => {
    // The section runs on to the next heading; these drugs are taken (the section still dates them).
    expect(drugsOf('Allergies: NKDA\nShe takes metformin 500 mg BID.')).toEqual([
      'metformin:historical',
    ]);
    expect(drugsOf('Allergies: codeine (nausea). Tolerates tramadol.')).toEqual([
      'codeine:historical:allergen',
      'tramadol:historical',
    ]);
    expect(drugsOf('Allergies: sulfa\nContinue metformin 500 mg BID.')).toEqual([
      'sulfa:historical:allergen',
      'metformin:historical',
    ]);
    expect(drugsOf('Allergies: NKDA, metformin 500 mg BID')).toEqual(['metformin:historical']);
    expect(drugsOf('Allergies: NKDA\nmetformin 500 mg BID')).toEqual(['metformin:historical']);
    expect(drugsOf('Allergies: None\n- metformin 500 mg BID')).toEqual(['metformin:historical']);
    // An allergy the section's prose states is still one.
    expect(drugsOf('Allergies: none known. Allergic to codeine.')).toEqual([
      'codeine:historical:allergen',
    ]);
  });

  // Review of e20a3a1: medicines taken were written to the graph as cg:allergicTo.
  it.each([
    [
      'Allergies: Penicillin (rash)\n\nMedication:\nmetformin 500 mg BID\nlisinopril 10 mg daily',
      ['Penicillin:historical:allergen', 'metformin:present', 'lisinopril:present'],
    ],
    [
      'Allergies: Penicillin (rash)\n\nCurrent Outpatient Prescriptions:\nmetformin 500 mg BID\nlisinopril 10 mg daily',
      ['Penicillin:historical:allergen', 'metformin:present', 'lisinopril:present'],
    ],
    [
      'Allergies: Penicillin (rash)\n\nActive Medications:\nmetformin 500 mg BID\nlisinopril 10 mg daily',
      ['Penicillin:historical:allergen', 'metformin:present', 'lisinopril:present'],
    ],
    [
      'Allergies: sulfa\nDischarge Rx:\n1. metformin 500 mg BID\n2. lisinopril 10 mg daily',
      ['sulfa:historical:allergen', 'metformin:present', 'lisinopril:present'],
    ],
    [
      'Allergies: sulfa\nPrior to Admission Medications:\nmetformin 500 mg BID',
      ['sulfa:historical:allergen', 'metformin:present'],
    ],
  ])('marks no drug of the medicine list after an allergies section: %j', (text, drugs) => {
    expect(drugsOf(text)).toEqual(drugs);
  });

  it('ends an allergies section\'s list at a blank line or at a line ending in ":"', () => {
    // The section runs on to the next header the detector knows; its list does not.
    expect(drugsOf('Allergies: sulfa\n\nmetformin')).toEqual([
      'sulfa:historical:allergen',
      'metformin:historical',
    ]);
    expect(drugsOf('Allergies: sulfa\nHome regimen:\nmetformin\nlisinopril')).toEqual([
      'sulfa:historical:allergen',
      'metformin:historical',
      'lisinopril:historical',
    ]);
    expect(drugsOf('Allergies: Penicillin (rash)\r\n\r\nmetformin\r\ncodeine')).toEqual([
      'Penicillin:historical:allergen',
      'metformin:historical',
      'codeine:historical',
    ]);
    // A blank line before the list has begun ends nothing; a line ending in ":" after a bullet is
    // an item of the list.
    expect(drugsOf('Allergies:\n\npenicillin (hives)\ncodeine')).toEqual([
      'penicillin:historical:allergen',
      'codeine:historical:allergen',
    ]);
    expect(drugsOf('ALLERGIES:\n- sulfa:\n- codeine')).toEqual([
      'sulfa:historical:allergen',
      'codeine:historical:allergen',
    ]);
  });

  it.each([
    'Allergies: reviewed\nmetformin 500 mg BID',
    'Allergies: Not on file\nmetformin 500 mg BID',
    'Allergies: unknown\nmetformin 500 mg BID',
    'Allergies: see chart\nmetformin 500 mg BID',
    'Allergies: not reviewed\nmetformin 500 mg BID',
    'Allergies: reviewed, unchanged. Metformin 500 mg BID.',
  ])('reads no allergen after a placeholder allergies entry: %j', (text) => {
    const drugs = drugsOf(text);
    expect(drugs).toHaveLength(1);
    expect(drugs[0]).toMatch(/^metformin:historical$/i);
  });

  it('lists no allergen after "unknown", "not on file", "see chart" or "not reviewed"', () => {
    for (const placeholder of ['unknown', 'Not on file', 'see chart', 'not reviewed'])
      expect(drugsOf(`Allergies: ${placeholder}\n- codeine`), placeholder).toEqual([
        'codeine:historical',
      ]);
    // Only as the entry itself: a reaction "unknown" ends no list.
    expect(drugsOf('Allergies: unknown, codeine')).toEqual(['codeine:historical:allergen']);
    expect(drugsOf('Allergies: penicillin (reaction unknown)\nsulfa')).toEqual([
      'penicillin:historical:allergen',
      'sulfa:historical:allergen',
    ]);
  });

  it('reads a drug with a dose or frequency as a medicine, not an allergies-section item', () => {
    expect(drugsOf('Allergies: sulfa\nmetformin 500 mg BID\nlisinopril daily')).toEqual([
      'sulfa:historical:allergen',
      'metformin:historical',
      'lisinopril:historical',
    ]);
    // "Reviewed" is no placeholder: a list may follow it.
    expect(drugsOf('Allergies: Reviewed\n- penicillin (hives)\n- codeine')).toEqual([
      'penicillin:historical:allergen',
      'codeine:historical:allergen',
    ]);
    // A dose with its reaction is still an allergy's entry, and the list head's own line counts.
    expect(drugsOf('Allergies:\n- codeine 30 mg - vomiting')).toEqual([
      'codeine:historical:allergen',
    ]);
    expect(drugsOf('Allergies: codeine 30 mg')).toEqual(['codeine:historical:allergen']);
  });

  it('ends a reaction\'s list at a drug given for it ("- prednisone given")', () => {
    expect(drugsOf('Had a reaction to iodinated contrast - prednisone given.')).toEqual([
      'iodinated contrast:present:allergen',
      'prednisone:present',
    ]);
    expect(
      drugsOf('Had a reaction to iodinated contrast - prednisone and diphenhydramine given.'),
    ).toEqual([
      'iodinated contrast:present:allergen',
      'prednisone:present',
      'diphenhydramine:present',
    ]);
    expect(drugsOf('Allergic to codeine; morphine 2 mg IV given.')).toEqual([
      'codeine:present:allergen',
      'morphine:present',
    ]);
    expect(drugsOf('Allergies: codeine - nausea, morphine was started')).toEqual([
      'codeine:historical:allergen',
      'morphine:historical',
    ]);
    // With no separator the drug given is the one that caused the reaction.
    expect(drugsOf('Had a reaction to prednisone given for asthma.')).toEqual([
      'prednisone:present:allergen',
    ]);
  });

  it('lets negation win: a denied allergy names no allergen', () => {
    expect(drugsOf('No known allergy to amoxicillin.')).toEqual(['amoxicillin:negated']);
    expect(drugsOf('Denies allergy to amoxicillin.')).toEqual(['amoxicillin:negated']);
    expect(drugsOf('She is not allergic to amoxicillin.')).toEqual(['amoxicillin:negated']);
    expect(drugsOf('Allergies: no known allergy to amoxicillin')).toEqual(['amoxicillin:negated']);
    expect(drugsOf('Allergic to sulfa; no allergy to amoxicillin.')).toEqual([
      'amoxicillin:negated',
    ]);
    expect(drugsOf('Not allergic to penicillin - amoxicillin 500 mg given.')).toEqual([
      'amoxicillin:negated',
    ]);
  });

  it.each([
    ['NKDA. Amoxicillin 500 mg TID for otitis media.', ['Amoxicillin:present']],
    ['No known drug allergies. Takes amoxicillin.', ['amoxicillin:present']],
    ['Allergic rhinitis: cetirizine 10 mg daily.', ['cetirizine:present']],
    ['Allergic asthma, montelukast 10 mg.', ['montelukast:present']],
    ['Seasonal allergies, cetirizine 10 mg daily.', ['cetirizine:present']],
    // "allergies" after a qualifier is a condition, not a list's head (review of 21035f6)
    ['Seasonal allergies: cetirizine (sneezing).', ['cetirizine:present']],
    ['Environmental allergies - fluticasone (nasal congestion).', ['fluticasone:present']],
    ['Food allergies: none. Nasal allergies: cetirizine 10 mg.', ['cetirizine:present']],
    ['Penicillin allergy, amoxicillin 500 mg given.', ['amoxicillin:present']],
    // A reaction to what is no substance (a procedure) lists no drug after it.
    ['Had a reaction to colonoscopy; metformin 500 mg BID.', ['metformin:present']],
    [
      'She is allergic to amoxicillin and takes metformin.',
      ['amoxicillin:present:allergen', 'metformin:present'],
    ],
  ])('marks no drug that the patient takes: "%s"', (text, drugs) => {
    expect(drugsOf(text)).toEqual(drugs);
  });

  it('keeps a drug both taken and an allergen, in different sentences, both', () => {
    expect(
      drugsOf('Takes amoxicillin 500 mg for otitis media. Later: allergic to amoxicillin (hives).'),
    ).toEqual(['amoxicillin:present', 'amoxicillin:present:allergen']);
  });

  it("reads a doubt about an allergy as the allergen's ('Possible allergy to amoxicillin')", () => {
    // A drug in an uncertain attribution stays taken ("X-induced cough suspected"); an allergen's
    // doubt is its allergy's, so it is possible, not a certain allergy.
    expect(drugsOf('Possible allergy to amoxicillin.')).toEqual(['amoxicillin:possible:allergen']);
    expect(drugsOf('Lisinopril-induced cough suspected.')).toEqual(['Lisinopril:present']);
  });

  it('gives an allergen its reactions, but no indication nor interaction as a medicine taken', () => {
    expect(relationsOf('She is allergic to amoxicillin. Has otitis media.')).toEqual([]);
    expect(relationsOf('Takes amoxicillin. Has otitis media.')).toEqual([
      'treats amoxicillin -> otitis media',
    ]);
    expect(relationsOf('Allergic to clopidogrel. Takes omeprazole.')).toEqual([]);
    expect(relationsOf('Intolerant of metformin (diarrhea).')).toEqual([
      'causes metformin -> diarrhea',
    ]);
  });

  // Review r7 of e20a3a1 and b639376.
  it('reads an allergies list by category ("Medication: penicillin - hives") as allergens', () => {
    const text = 'Allergies:\nMedication: penicillin - hives\nFood: shellfish - swelling';
    const { entities } = extractClinical(text, { engine, noteYear: 2026 });
    const penicillin = entities.find((e) => e.text === 'penicillin')!;
    expect(penicillin.section).toBe('allergies');
    expect(penicillin.allergen).toBe(true);
    expect(relationsOf(text)).toContain('causes penicillin -> hives');
    expect(drugsOf('Allergies:\nDrug: codeine (nausea)\nLatex: gloves - rash')).toEqual([
      'codeine:historical:allergen',
    ]);
  });

  it.each([
    ['Allergies:\n- penicillin (rash)\n\n- sulfa (hives)', 'sulfa'],
    ['Allergies:\npenicillin (rash)\n\nsulfa - hives', 'sulfa'],
    [
      'Allergies:\nMedication allergies:\n- penicillin (hives)\nFood allergies:\n- peanuts',
      'penicillin',
    ],
    ['Allergies:\nDrug:\n- penicillin (hives)\nFood:\n- peanuts', 'penicillin'],
    ['Allergies:\nThe patient reports the following:\n- penicillin - hives', 'penicillin'],
  ])(
    'keeps the list going past a blank line or sub-heading between its items: %j',
    (text, name) => {
      expect(drugsOf(text).find((d) => d.startsWith(`${name}:`))).toBe(
        `${name}:historical:allergen`,
      );
    },
  );

  it.each([
    ['Allergies: NKFA; penicillin - hives; codeine - nausea', 'penicillin'],
    ['ALLERGIES: No known food allergies. Codeine (nausea), penicillin (hives).', 'Codeine'],
    ['Allergies: no known environmental allergies; sulfa (rash)', 'sulfa'],
  ])('reads "no known food allergies" as no "none listed": %j', (text, name) => {
    expect(drugsOf(text).find((d) => d.startsWith(`${name}:`))).toBe(`${name}:historical:allergen`);
  });

  it('applies "none listed" to the first entry only', () => {
    expect(drugsOf('Allergies: NKDA\n\nmetformin')).toEqual(['metformin:historical']);
    expect(drugsOf('Allergies: sulfa (rash), none other known; codeine (nausea)')).toEqual([
      'sulfa:historical:allergen',
      'codeine:historical:allergen',
    ]);
  });

  it('reads a long digit run after an allergen without backtracking', () => {
    const text = `Allergies: sulfa - rash, codeine ${'1'.repeat(40)} z`;
    expect(drugsOf(text)).toEqual(['sulfa:historical:allergen', 'codeine:historical:allergen']);
  });

  it('reads "Skin allergies:" as a list of allergens, not a condition', () => {
    expect(drugsOf('Skin allergies: neomycin (contact dermatitis)')).toEqual([
      'neomycin:present:allergen',
    ]);
  });
});
