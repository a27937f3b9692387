// Tests (synth/notes): measured typo and abbreviation rates against the documented targets.
import { describe, expect, it } from 'vitest';
import type { SynthNote } from '../model';
import { Rng } from '../rng';
import { fixtureCohort } from './fixtures.test-helper';
import { documentedRates, generateNotes, type NoteOptions } from './generate';

const patients = fixtureCohort(200);
const run = (options: Partial<NoteOptions>): SynthNote[] =>
  patients.flatMap((p) => generateNotes(p, new Rng(17, p.index), options));

describe('Noise rates of generated notes', () => {
  it('misspells eligible words at the documented typo rate, and reports the typos it makes', () => {
    // Prepare: the same notes with and without typos (content draws do not depend on noise draws).
    const noisy = run({});
    const clean = run({ typoRate: 0 });
    let typos = 0;
    let eligible = 0;
    noisy.forEach((note, i) => {
      // Act
      const words = note.text.match(/[A-Za-z]+/g) ?? [];
      const original = clean[i]!.text.match(/[A-Za-z]+/g) ?? [];
      expect(words.length).toBe(original.length);
      const changed = words.filter((w, j) => w !== original[j]).length;
      expect(changed).toBe(note.noise.typos);
      // The reported eligible words are real words of the text (>= 4 letters).
      expect(note.noise.typoEligibleWords).toBeLessThanOrEqual(
        original.filter((w) => w.length >= 4).length,
      );
      typos += changed;
      eligible += note.noise.typoEligibleWords!;
    });
    // Assess
    const rate = typos / eligible;
    console.info(
      `typos: ${typos} in ${eligible} eligible words = ${(100 * rate).toFixed(2)}% (target ${100 * documentedRates.typoRate}%)`,
    );
    expect(eligible).toBeGreaterThan(20_000);
    expect(Math.abs(rate - documentedRates.typoRate)).toBeLessThan(0.003);
  });

  it('abbreviates terms at the documented abbreviation rate', () => {
    // Prepare: typos off, abbreviations never / always / at the documented rate.
    const never = run({ typoRate: 0, abbreviationRate: 0 });
    const always = run({ typoRate: 0, abbreviationRate: 1 });
    const documented = run({ typoRate: 0 });
    let sites = 0;
    let abbreviated = 0;
    documented.forEach((note, i) => {
      // Act: an entity is a site when its surface differs between "never" and "always".
      note.entities.forEach((e, j) => {
        const full = never[i]!.entities[j]!.text;
        const short = always[i]!.entities[j]!.text;
        if (full === short) return;
        sites++;
        if (e.text.toLowerCase() === short.toLowerCase()) abbreviated++;
      });
    });
    const counted = documented.reduce((n, x) => n + x.noise.abbreviations!, 0);
    const counterSites = documented.reduce((n, x) => n + x.noise.abbreviationSites!, 0);
    // Assess
    const rate = abbreviated / sites;
    console.info(
      `abbreviations: ${abbreviated} of ${sites} entity sites = ${(100 * rate).toFixed(1)}%; all sites ${counted}/${counterSites} (target ${100 * documentedRates.abbreviationRate}%)`,
    );
    expect(sites).toBeGreaterThan(2000);
    expect(Math.abs(rate - documentedRates.abbreviationRate)).toBeLessThan(0.03);
    expect(Math.abs(counted / counterSites - documentedRates.abbreviationRate)).toBeLessThan(0.02);
  });
});
