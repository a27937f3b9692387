import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectSections } from '../sections/sections';
import { AssertionClassifier, type MentionFacts } from './context';
import { parseNegationFixture, scoreNegation } from './fixture';

/** The assertion of the [[marked]] mention of `marked`. */
function assertionOf(marked: string, facts: MentionFacts = {}): string {
  const start = marked.indexOf('[[');
  const end = marked.indexOf(']]') - 2;
  const text = marked.replace('[[', '').replace(']]', '');
  return new AssertionClassifier(text, detectSections(text)).classify(start, end, facts);
}

describe('Class: AssertionClassifier', () => {
  it.each([
    ['Patient denies [[chest pain]] or shortness of breath.', 'negated'],
    ['Patient denies chest pain or [[shortness of breath]].', 'negated'],
    ['[[Fever]]: no.', 'negated'],
    ['ROS: -nausea, -[[vomiting]]', 'negated'],
    ['No [[fever]]; however, reports chills.', 'negated'],
    ['No fever; however, reports [[chills]].', 'present'],
    ['No increase in [[edema]].', 'present'],
    ['Cannot rule out [[pneumonia]].', 'possible'],
    ['r/o [[PE]] with CTA.', 'possible'],
    ['[[Pneumonia]]?', 'possible'],
    ['Return to the ED if [[chest pain]] or fever occurs.', 'hypothetical'],
    ['Should [[fever]] recur, call the clinic.', 'hypothetical'],
    ['h/o [[myocardial infarction]] in 2015', 'historical'],
    ['Mother had [[breast cancer]].', 'family'],
    ['FAMILY HISTORY:\nDM2 in father\n[[Hypertension]]', 'family'],
    ['No family history of [[colon cancer]].', 'negated'],
    ['ALLERGIES:\npenicillin ([[hives]])', 'historical'],
    ['Brought in by his mother for [[ear pain]].', 'present'],
  ])('reads "%s" as %s', (marked, expected) => {
    expect(assertionOf(marked)).toBe(expected);
  });

  it('makes an as-needed symptom hypothetical but not the drug or a body structure', () => {
    expect(assertionOf('Albuterol 2 puffs q4h PRN [[wheezing]]', { type: 'Symptom' })).toBe(
      'hypothetical',
    );
    expect(assertionOf('[[Albuterol]] 2 puffs q4h PRN wheezing', { type: 'Chemical' })).toBe(
      'present',
    );
    expect(assertionOf('No wheezes; [[lungs]] clear', { type: 'Anatomy' })).toBe('present');
  });

  it('keeps a chronic condition present after "history of", but not an acute event', () => {
    expect(assertionOf('history of [[hypertension]]', { type: 'Disease', chronic: true })).toBe(
      'present',
    );
    expect(assertionOf('history of [[stroke]]', { type: 'Disease', chronic: false })).toBe(
      'historical',
    );
  });

  it('runs a list negation across semicolons but stops at a new clause', () => {
    const text = 'Denies fevers; chills. History of MI in 2019; HTN controlled.';
    const mentions = ['fevers', 'chills', 'MI', 'HTN'].map((m) => ({
      start: text.indexOf(m),
      end: text.indexOf(m) + m.length,
    }));
    const c = new AssertionClassifier(text, [], mentions);
    expect(c.classify(mentions[1]!.start, mentions[1]!.end)).toBe('negated');
    expect(
      c.classify(mentions[3]!.start, mentions[3]!.end, { type: 'Disease', chronic: true }),
    ).toBe('present');
  });
});

describe('Fixture: negation-200 (203 hand-annotated sentences in six note styles)', () => {
  it('agrees with the negation labels on at least 90% of sentences', () => {
    const records = parseNegationFixture(
      readFileSync(new URL('./fixtures/negation-200.jsonl', import.meta.url), 'utf8'),
    );
    expect(records.length).toBeGreaterThanOrEqual(200);
    expect(new Set(records.map((r) => r.style)).size).toBe(6);
    expect(scoreNegation(records).accuracy).toBeGreaterThanOrEqual(0.9);
  });
});
