import { describe, expect, it } from 'vitest';
import { fillMeshIds, learnMeshNames, meshIdOf } from './mesh-names';

// MeSH 2015 descriptors: D051437 Renal Insufficiency, D058186 Acute Kidney Injury,
// D006505 Hepatitis, D005279 Fenoprofen, D008012 Lidocaine.
const table = learnMeshNames([
  { name: 'renal failure', type: 'Disease', id: 'D051437' },
  { name: 'acute renal failure', type: 'Disease', id: 'D058186' },
  { name: 'hepatitis', type: 'Disease', id: 'D006505' },
  { name: 'fenoprofen', type: 'Chemical', id: 'D005279' },
  { name: 'lidocaine', type: 'Chemical', id: 'D008012' },
  { name: 'lidocaine', type: 'Chemical', id: 'D008012' },
  { name: 'lidocaine', type: 'Chemical', id: 'D999999' },
]);

describe('Function: meshIdOf', () => {
  it('finds a name after case, plural and British spelling are normalised', () => {
    expect(meshIdOf(table, 'Acute Renal Failures', 'Disease')).toBe('D058186');
  });

  it('backs a disease off to its head noun phrase, most specific first', () => {
    expect(meshIdOf(table, 'severe acute renal failure', 'Disease')).toBe('D058186');
    expect(meshIdOf(table, 'chronic renal failure', 'Disease')).toBe('D051437');
    expect(meshIdOf(table, 'drug-induced hepatitis', 'Disease')).toBe('D006505');
  });

  it('drops a trailing salt word of a chemical but never backs a chemical off otherwise', () => {
    expect(meshIdOf(table, 'fenoprofen calcium', 'Chemical')).toBe('D005279');
    expect(meshIdOf(table, 'calcium fenoprofen', 'Chemical')).toBeUndefined();
  });

  it('keeps types apart and takes the id a name carries most often', () => {
    expect(meshIdOf(table, 'hepatitis', 'Chemical')).toBeUndefined();
    expect(meshIdOf(table, 'lidocaine', 'Chemical')).toBe('D008012');
  });
});

describe('Function: meshIdOf (name variants)', () => {
  // MeSH 2015: D008750 Methyldopa, D008103 Liver Cirrhosis, D058186 Acute Kidney Injury,
  // D001714 Bipolar Disorder, D011618 Psychotic Disorders (names paired with ids as a corpus may).
  const variants = learnMeshNames([
    { name: 'methyldopa', type: 'Chemical', id: 'D008750' },
    { name: 'liver cirrhosis', type: 'Disease', id: 'D008103' },
    { name: 'acute kidney injury', type: 'Disease', id: 'D058186' },
    { name: 'mania', type: 'Disease', id: 'D001714' },
    { name: 'psychosis', type: 'Disease', id: 'D011618' },
  ]);

  it('matches a name written with or without spaces', () => {
    expect(meshIdOf(variants, 'methyl dopa', 'Chemical')).toBe('D008750');
    expect(meshIdOf(variants, 'methyl-dopa', 'Chemical')).toBe('D008750');
  });

  it('turns an "of" phrase round and swaps organ adjectives and nouns', () => {
    expect(meshIdOf(variants, 'cirrhosis of the liver', 'Disease')).toBe('D008103');
    expect(meshIdOf(variants, 'acute renal injury', 'Disease')).toBe('D058186');
  });

  it('reads a lone adjective as its noun', () => {
    expect(meshIdOf(variants, 'manic', 'Disease')).toBe('D001714');
    expect(meshIdOf(variants, 'psychotic', 'Disease')).toBe('D011618');
    expect(meshIdOf(variants, 'manic', 'Chemical')).toBeUndefined();
  });
});

describe('Function: fillMeshIds', () => {
  it('keeps existing ids, fills by name, and gives a defined short form its long form id', () => {
    // Prepare
    const text = 'Acute renal failure (ARF) after lidocaine; ARF resolved.';
    const spans = [
      { start: 0, end: 19, type: 'Disease' },
      { start: 21, end: 24, type: 'Disease' },
      { start: 32, end: 41, type: 'Chemical', id: 'D000001' },
      { start: 43, end: 46, type: 'Disease' },
    ];
    // Act
    const ids = fillMeshIds(table, text, spans).map((s) => s.id);
    // Assess
    expect(ids).toEqual(['D058186', 'D058186', 'D000001', 'D058186']);
  });
});

describe('Function: meshIdOf (organ systems)', () => {
  // MeSH 2015: D006402 Hematologic Diseases, D006331 Heart Diseases, D064420 Drug-Related Side
  // Effects and Adverse Reactions (names paired with ids as a corpus may).
  const organs = learnMeshNames([
    { name: 'hematologic disease', type: 'Disease', id: 'D006402' },
    { name: 'cardiac damage', type: 'Disease', id: 'D006331' },
    { name: 'toxicity', type: 'Disease', id: 'D064420' },
  ]);

  it("links an organ with a word naming no disease to the organ's disease", () => {
    expect(meshIdOf(organs, 'hematologic toxicity', 'Disease')).toBe('D006402');
    expect(meshIdOf(organs, 'severe haematological toxicities', 'Disease')).toBe('D006402');
    expect(meshIdOf(organs, 'heart dysfunction', 'Disease')).toBe('D006331');
  });

  it('backs anything else off to the head noun as before', () => {
    expect(meshIdOf(organs, 'drug toxicity', 'Disease')).toBe('D064420');
    expect(meshIdOf(organs, 'hematologic toxicity', 'Chemical')).toBeUndefined();
  });
});
