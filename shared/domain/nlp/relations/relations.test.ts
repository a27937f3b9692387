import { describe, expect, it } from 'vitest';
import { extractClinical } from '../extract';
import { drugAttributes } from './attributes';

/** Relations as "type head -> tail" strings. */
function relationsOf(text: string): string[] {
  const { entities, relations } = extractClinical(text);
  return relations.map((r) => `${r.type} ${entities[r.head]!.text} -> ${entities[r.tail]!.text}`);
}

describe('Function: extractRelations', () => {
  it('reads "X for Y" as treats with its sentence as evidence', () => {
    const text = 'Started on metformin 500 mg PO BID for type 2 diabetes.';
    const { relations } = extractClinical(text);
    expect(relationsOf(text)).toContain('treats metformin -> type 2 diabetes');
    expect(relations[0]!.evidence).toEqual({ start: 0, end: text.length });
  });

  it('links a drug to the nearest asserted mention of a disease it is labelled for', () => {
    expect(relationsOf('PMH: atrial fibrillation.\nMeds: apixaban 5 mg BID.')).toContain(
      'treats apixaban -> atrial fibrillation',
    );
    expect(relationsOf('No atrial fibrillation.\nMeds: apixaban 5 mg BID.')).toEqual([]);
  });

  it('reads drug-induced and "secondary to" phrasing as causes', () => {
    expect(relationsOf('Lisinopril-induced cough.')).toContain('causes Lisinopril -> cough');
    expect(relationsOf('Myalgias likely secondary to atorvastatin.')).toContain(
      'causes atorvastatin -> Myalgias',
    );
  });

  it('reads a treatment verb as treats, never a bare "with", "after" or "from" as causes', () => {
    for (const [text, drug, disease] of [
      ['Hypertension controlled with lisinopril.', 'lisinopril', 'Hypertension'],
      ['Pneumonia treated with amoxicillin.', 'amoxicillin', 'Pneumonia'],
      ['Headache improved after ibuprofen.', 'ibuprofen', 'Headache'],
    ] as const) {
      const relations = relationsOf(text);
      expect(relations, text).toContain(`treats ${drug} -> ${disease}`);
      expect(relations, text).not.toContain(`causes ${drug} -> ${disease}`);
    }
    expect(relationsOf('Recovering from pneumonia with amoxicillin.')).not.toContain(
      'causes amoxicillin -> pneumonia',
    );
    // Stopping a drug is no treatment; starting one before a reaction is a cause.
    expect(relationsOf('Cough resolved after stopping lisinopril.')).toEqual([]);
    expect(relationsOf('Rash after starting amoxicillin.')).toContain('causes amoxicillin -> Rash');
  });

  it('reads an allergy line as the substance causing the reaction', () => {
    expect(relationsOf('ALLERGIES:\npenicillin - hives')).toContain('causes penicillin -> hives');
  });

  it('flags a documented interaction between two current drugs', () => {
    expect(relationsOf('Medications: warfarin 5 mg daily, aspirin 81 mg daily.')).toContain(
      'interacts warfarin -> aspirin',
    );
  });

  it('associates a tumour variant with the cancer in its sentence', () => {
    expect(relationsOf('Metastatic melanoma, BRAF V600E positive.')).toContain(
      'associated_with BRAF V600E -> melanoma',
    );
  });
});

describe('Function: drugAttributes', () => {
  it('reads dose, route and frequency after a drug name, up to the next drug', () => {
    const text = 'metformin 500 mg PO BID, lisinopril 10 mg daily';
    expect(drugAttributes(text, 9, text.indexOf('lisinopril'))).toEqual({
      dose: '500 mg',
      route: 'PO',
      frequency: 'BID',
    });
    expect(drugAttributes(text, text.length, text.length)).toEqual({});
  });

  it('reads longer intervals and chemotherapy cycles whole (infusions, weekly pens, capecitabine)', () => {
    const frequencyOf = (sig: string) => {
      const text = `trastuzumab 430 mg IV ${sig}, then more`;
      return drugAttributes(text, 'trastuzumab'.length, text.length).frequency;
    };
    for (const sig of [
      'q3w',
      'q3wk',
      'every 3 weeks',
      'q21d',
      'qweek',
      'q week',
      'once a week',
      'every day',
      'every other day',
      'QOD',
      'BID d1-14 q21d',
      'twice daily on days 1-14 of each 21-day cycle',
    ])
      expect(frequencyOf(sig), sig).toBe(sig);
    // Not a frequency: a dose per kilogram, a duration.
    expect(frequencyOf('6 mg/kg for 52 weeks')).toBeUndefined();
  });
});
