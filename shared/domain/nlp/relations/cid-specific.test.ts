import { describe, expect, it } from 'vitest';
import { lessSpecificDiseases } from './cid-specific';

/** Disease mentions of `text`: every occurrence of each name, with its id. */
function mentionsOf(text: string, names: Record<string, string>) {
  return Object.entries(names).flatMap(([name, id]) =>
    [...text.matchAll(new RegExp(`\\b${name}\\b`, 'g'))].map((m) => ({
      start: m.index,
      end: m.index + name.length,
      id,
    })),
  );
}

describe('Function: lessSpecificDiseases', () => {
  it('marks "tumors" as less specific than "liver tumors" of another concept', () => {
    // Prepare
    const text = 'Oral contraceptives and liver tumors. Such tumors were benign.';
    const second = text.lastIndexOf('tumors');
    const mentions = [
      ...mentionsOf(text, { 'liver tumors': 'D008113' }),
      { start: second, end: second + 'tumors'.length, id: 'D009369' },
    ];
    // Act
    const general = lessSpecificDiseases(text, mentions);
    // Assess
    expect([...general]).toEqual(['D009369']);
  });

  it('marks a bare generic head ("toxicity") when a specific disease is also there', () => {
    const text = 'Doxorubicin caused cardiomyopathy in 5 patients; the toxicity was dose related.';
    const mentions = mentionsOf(text, { cardiomyopathy: 'D009202', toxicity: 'D064420' });
    expect(lessSpecificDiseases(text, mentions)).toEqual(new Set(['D064420']));
  });

  it('keeps a disease that is the only one of its document', () => {
    const text = 'Tumors were seen.';
    expect(lessSpecificDiseases(text, mentionsOf(text, { Tumors: 'D009369' })).size).toBe(0);
  });

  it('keeps two unrelated specific diseases', () => {
    const text = 'Haloperidol caused dystonia and hyperthermia.';
    const mentions = mentionsOf(text, { dystonia: 'D004421', hyperthermia: 'D005334' });
    expect(lessSpecificDiseases(text, mentions).size).toBe(0);
  });
});
