// Unit tests (synth/notes): realistic typos and their rate.
import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { emptyNoiseCounts, misspell, TypoStream } from './noise';

describe('Function: misspell', () => {
  it('changes the word by one realistic edit, keeping its first letter and letters only', () => {
    // Prepare
    const rng = new Rng(1);
    const words = ['hypertension', 'shortness', 'Metformin', 'edema', 'wheezing', 'daily'];
    for (let i = 0; i < 2000; i++) {
      const word = words[i % words.length]!;
      // Act
      const typo = misspell(word, rng);
      // Assess
      expect(typo).not.toBe(word);
      expect(typo[0]).toBe(word[0]);
      expect(typo).toMatch(/^[A-Za-z]+$/);
      expect(Math.abs(typo.length - word.length)).toBeLessThanOrEqual(1);
    }
  });

  it('never makes a word that names the patient\'s sex or age ("main" is not "man")', () => {
    // Prepare
    const rng = new Rng(2);
    const words = ['main', 'Main', 'here', 'hiss', 'ladies', 'mean', 'bony', 'gril'];
    const made = new Set<string>();
    for (let i = 0; i < 4000; i++) {
      // Act
      const typo = misspell(words[i % words.length]!, rng).toLowerCase();
      made.add(typo);
      // Assess
      expect(['man', 'her', 'his', 'lady', 'men', 'boy', 'girl']).not.toContain(typo);
    }
    // Dropped letters of "main" still happen: "min".
    expect(made.has('min')).toBe(true);
  });
});

describe('Class: TypoStream', () => {
  it('counts only words of four or more letters that are not all capitals', () => {
    // Prepare
    const counts = emptyNoiseCounts();
    // Act
    const out = new TypoStream(new Rng(2), 0).perturb(
      'Pt w/ HTN, CHF and dyspnea on exertion x3 days.',
      counts,
    );
    // Assess: "dyspnea", "exertion", "days" are eligible; "Pt", "HTN", "CHF", "and", "on" are not.
    expect(out).toBe('Pt w/ HTN, CHF and dyspnea on exertion x3 days.');
    expect(counts).toEqual({
      typos: 0,
      typoEligibleWords: 3,
      abbreviations: 0,
      abbreviationSites: 0,
    });
  });

  it('misspells every eligible word at rate 1 and leaves short and capital tokens intact', () => {
    const counts = emptyNoiseCounts();
    const out = new TypoStream(new Rng(3), 1).perturb(
      'BP stable; continue lisinopril daily.',
      counts,
    );
    expect(counts.typos).toBe(4);
    expect(out.startsWith('BP ')).toBe(true);
    expect(out.split(' ').map((w) => w.replace(/\W/g, ''))).not.toContain('lisinopril');
  });

  it('misspells words at the requested rate over a long text', () => {
    const counts = emptyNoiseCounts();
    const stream = new TypoStream(new Rng(4), 0.015);
    for (let i = 0; i < 20_000; i++) stream.perturb('patient denies chest pain ', counts);
    expect(counts.typoEligibleWords).toBe(80_000);
    expect(counts.typos / counts.typoEligibleWords).toBeGreaterThan(0.013);
    expect(counts.typos / counts.typoEligibleWords).toBeLessThan(0.017);
  });
});
