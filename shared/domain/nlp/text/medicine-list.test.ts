import { describe, expect, it } from 'vitest';
import { afterDose, closedMedicineList } from './medicine-list';

interface Marked {
  start: number;
  end: number;
  medicine: boolean;
}

/** "[[lisinopril]]" marks a medicine, "{{AKI}}" a mention of another kind; the text without marks. */
function parse(marked: string): { text: string; mentions: Marked[] } {
  const mentions: Marked[] = [];
  let text = '';
  let at = 0;
  for (const m of marked.matchAll(/\[\[(.*?)\]\]|\{\{(.*?)\}\}/g)) {
    text += marked.slice(at, m.index);
    const name = m[1] ?? m[2]!;
    mentions.push({
      start: text.length,
      end: text.length + name.length,
      medicine: m[1] !== undefined,
    });
    text += name;
    at = m.index + m[0].length;
  }
  return { text: text + marked.slice(at), mentions };
}

/** The names of the medicine list opening with the first mention. */
function listOf(marked: string): string[] {
  const { text, mentions } = parse(marked);
  return closedMedicineList(text, mentions, 0, (m) => m.medicine).map((m) =>
    text.slice(m.start, m.end),
  );
}

describe('Function: closedMedicineList', () => {
  it.each([
    ['[[lisinopril]] and [[metoprolol]].', ['lisinopril', 'metoprolol']],
    ['[[lisinopril]] and [[metoprolol]] for {{AKI}}.', ['lisinopril', 'metoprolol']],
    ['[[lisinopril]] 10 mg and [[metoprolol]] 25 mg daily.', ['lisinopril', 'metoprolol']],
    ['[[lisinopril]] and [[metoprolol]] on admission.', ['lisinopril', 'metoprolol']],
    ['[[lisinopril]] and [[metoprolol]], resumed today.', ['lisinopril', 'metoprolol']],
    ['[[lisinopril]] and [[metoprolol]] due to {{hypotension}}.', ['lisinopril', 'metoprolol']],
    ['[[lisinopril]] and [[metoprolol]] given {{hypotension}}.', ['lisinopril', 'metoprolol']],
    ['[[aspirin]], [[clopidogrel]] and [[warfarin]]', ['aspirin', 'clopidogrel', 'warfarin']],
    // Review r7 of b639376: an adjectival "-ed" word after the last medicine is no verb clause.
    ['[[lisinopril]] and [[metformin]] extended-release.', ['lisinopril', 'metformin']],
    [
      '[[lisinopril]] and [[metformin]] extended release due to {{AKI}}.',
      ['lisinopril', 'metformin'],
    ],
    ['[[aspirin]] and [[heparin]] unfractionated.', ['aspirin', 'heparin']],
    [
      '[[lisinopril]] and [[amlodipine]] prescribed by her cardiologist.',
      ['lisinopril', 'amlodipine'],
    ],
  ])('closes "%s" over every medicine', (marked, expected) => {
    expect(listOf(marked)).toEqual(expected);
  });

  // Review of 21035f6: the last medicine, past its dose, opened a verb clause and was still read
  // as a medicine of the list, so a stop cue before the list dated a medicine started or continued.
  it.each([
    '[[lisinopril]] and [[metoprolol]] 25 mg daily was started.',
    '[[lisinopril]] and [[metoprolol]] was started.',
    '[[lisinopril]] and [[metoprolol]] 25 mg daily was continued.',
    '[[lisinopril]] and [[metoprolol]] increased to 50 mg BID.',
    '[[warfarin]] and [[apixaban]] 5 mg BID was started.',
    '[[metformin]] and [[insulin glargine]] uptitrated to 20 units.',
    '[[aspirin]] and [[clopidogrel]] 75 mg daily will continue.',
    '[[ondansetron]] and [[metoclopramide]] given.',
    '[[ondansetron]] and [[metoclopramide]] given IV.',
    '[[metformin]] and [[insulin glargine]] started for {{diabetes}}.',
    '[[aspirin]] and [[clopidogrel]] tapered.',
    '[[aspirin]], [[clopidogrel]] and [[warfarin]] 5 mg daily remains.',
  ])('reads "%s" as its first medicine alone', (marked) => {
    expect(listOf(marked)).toHaveLength(1);
  });

  it('keeps an open list or one broken by a word the first medicine alone', () => {
    expect(listOf('[[heparin]], [[warfarin]] 5 mg daily.')).toEqual(['heparin']);
    expect(listOf('[[lisinopril]] and started [[amlodipine]].')).toEqual(['lisinopril']);
  });
});

describe('Function: afterDose', () => {
  it('skips the dose, route, frequency and form a medicine opens with', () => {
    expect(afterDose(' 25 mg PO daily was started.')).toBe('was started.');
    expect(afterDose(' 5 mg BID, continue')).toBe(', continue');
    expect(afterDose(' 20 units qhs will continue')).toBe('will continue');
    expect(afterDose(' XL 50 mg q12h prn started')).toBe('started');
    expect(afterDose(' for AKI')).toBe('for AKI');
  });
});
