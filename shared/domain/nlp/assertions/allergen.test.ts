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
});
