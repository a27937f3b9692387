// Unit tests (nlp/matcher): coordinated mentions sharing a head word, through extractClinical.
import { describe, expect, it } from 'vitest';
import { createNlpEngine, extractClinical } from '../extract';
import type { ClinicalEntity } from '../model';
import { withCoordinations } from './coordination';

const entitiesOf = (text: string) => extractClinical(text, { relations: false }).entities;
const view = (e: ClinicalEntity) => ({
  text: e.text,
  assertion: e.assertion,
  members: e.members?.map((m) => m.conceptId),
});

describe('Function: withCoordinations (through extractClinical)', () => {
  it('reads "breast and ovarian cancer" in a family history as two diagnoses of the family', () => {
    // Act
    const entities = entitiesOf('Family history: mother had breast and ovarian cancer.');

    // Assess
    expect(entities.map(view)).toEqual([
      {
        text: 'breast and ovarian cancer',
        assertion: 'family',
        members: ['Disease:breast cancer', 'Disease:ovarian cancer'],
      },
    ]);
    expect(entities[0]!.conceptId).toBe('Disease:ovarian cancer');
  });

  it("reads coordinated organ damage as each organ's disease", () => {
    // Act
    const [damage] = entitiesOf('Hepatic and gastrointestinal damage was mild.');

    // Assess: MeSH D008107 Liver Diseases, D005767 Gastrointestinal Diseases.
    expect(damage!.text).toBe('Hepatic and gastrointestinal damage');
    expect(damage!.members?.map((m) => m.codes?.mesh)).toEqual(['D008107', 'D005767']);
  });

  it("widens a list of elided conjuncts and keeps each member's codes", () => {
    // Act
    const [pain] = entitiesOf('He reports chest, back or abdominal pain.');
    const [effusion] = entitiesOf('Pleural and pericardial effusions were seen on CT.');

    // Assess
    expect(pain!.text).toBe('chest, back or abdominal pain');
    expect(pain!.members?.map((m) => m.name)).toEqual([
      'chest pain',
      'back pain',
      'abdominal pain',
    ]);
    expect(effusion!.members?.map((m) => [m.name, m.codes?.mesh])).toEqual([
      ['Pleural effusions', 'D010996'],
      ['pericardial effusions', 'D010490'],
    ]);
  });

  it('leaves separate mentions alone, and a conjunct that completes no term', () => {
    // Act
    const separate = entitiesOf('She denies nausea and abdominal pain.');
    const unknown = entitiesOf('Mild and stable abdominal pain.');

    // Assess
    expect(separate.map((e) => [e.text, e.members])).toEqual([
      ['nausea', undefined],
      ['abdominal pain', undefined],
    ]);
    expect(unknown.map((e) => [e.text, e.members])).toEqual([['abdominal pain', undefined]]);
  });

  it('carries the negation of the whole coordination to every member', () => {
    // Act
    const [entity] = entitiesOf('No breast or ovarian cancer in the family.');

    // Assess
    expect(view(entity!)).toEqual({
      text: 'breast or ovarian cancer',
      assertion: 'negated',
      members: ['Disease:breast cancer', 'Disease:ovarian cancer'],
    });
  });
});

describe('Function: withCoordinations', () => {
  it('splits a coordination a sequence tagger returned as one span', () => {
    // Prepare
    const engine = createNlpEngine();
    const text = 'Risk of breast and ovarian cancer.';
    const tagged: ClinicalEntity = {
      start: 8,
      end: 33,
      text: 'breast and ovarian cancer',
      type: 'Disease',
      assertion: 'present',
      confidence: 0.9,
      match: 'learned',
    };

    // Act
    const [entity] = withCoordinations(engine.dictionary, text, [tagged]);

    // Assess
    expect(entity).toMatchObject({ start: 8, end: 33, conceptId: 'Disease:ovarian cancer' });
    expect(entity!.members?.map((m) => m.conceptId)).toEqual([
      'Disease:breast cancer',
      'Disease:ovarian cancer',
    ]);
  });
});
