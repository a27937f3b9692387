// Tests (deid): names found only through their context (name-cues.ts) and the title, initial and
// credential rules that accept a word from no dictionary. Every name here is invented.
import { describe, expect, it } from 'vitest';
import { detectPhi } from './detect';

const names = (text: string) =>
  detectPhi(text)
    .filter((p) => p.category === 'NAME')
    .map((p) => p.text);

describe('Function: detectPhi (names from context)', () => {
  it('finds the person the nurse spoke with, paged or reached', () => {
    expect(names('Case manager spoke with Velmira today.')).toEqual(['Velmira']);
    expect(names('Family asks to page Velmira at home.')).toEqual(['Velmira']);
    expect(names('Only able to reach Rob. Will try again.')).toEqual(['Rob']);
    expect(names('social: case manager spoke with velmira today.')).toEqual(['velmira']);
  });

  it('leaves services and units that are paged like people', () => {
    expect(names('Paged Ortho. Spoke with Cardiology. Called Radiology for read.')).toEqual([]);
    expect(names('SPOKE WITH NSG SUPERVISOR. PAGED HO. CALLED NEUROSURG.')).toEqual([]);
  });

  it('finds the names in front of a labelled phone number', () => {
    expect(names('Very devoted. Velmira Quessard cell# 410-555-0199, work# 410-555-0100.')).toEqual(
      ['Velmira Quessard'],
    );
  });

  it('finds a name joined by "and" or "&" to a name already found', () => {
    expect(names('Both Velmira and Hank are his proxies.')).toEqual(['Velmira', 'Hank']);
    expect(names('Seen by Hank & Quessard.')).toEqual(['Hank', 'Quessard']);
  });

  it('finds family members named in parentheses', () => {
    expect(names('Family (Velmira and Tobrinsk) in to visit.')).toEqual(['Velmira', 'Tobrinsk']);
  });

  it('finds the patient introduced in an all lower-case note', () => {
    expect(names('velmira quessard is a 70 yr old female adm with sob.')).toEqual([
      'velmira quessard',
    ]);
    expect(names('pt is a 70 yr old female adm with sob.')).toEqual([]);
  });

  it('finds a surname that is a common word between a given name and a credential', () => {
    expect(names('Placed on servo vent.\nBernard Foley CRT')).toEqual(['Bernard Foley']);
  });
});

describe('Function: detectPhi (titles, initials and credentials)', () => {
  it('takes a capitalised common word after a capitalised title for a surname', () => {
    expect(names('Orders signed by Dr. Art White. Seen by Dr. Foley.')).toEqual([
      'Art White',
      'Foley',
    ]);
    expect(names('3-4+ MR. Given 2 units PRBC.')).toEqual([]);
  });

  it('takes a common word after "dr" in a list of doctors', () => {
    expect(names('pt spoke w/dr vasquez, dr rizzo, dr small today')).toEqual([
      'vasquez',
      'rizzo',
      'small',
    ]);
    expect(names('dr small today')).toEqual([]);
  });

  it('takes an initial and a word from no dictionary for a name, but not an organism', () => {
    expect(names('VNA CONTACT IS S. DRAVNIK, HOME CARE.')).toEqual(['S. DRAVNIK']);
    expect(names('Sputum grew K. pneumoniae and E. coli.')).toEqual([]);
  });

  it('takes two unknown capitalised words before "MD" for a name', () => {
    expect(names("Social: Andrwe O'quessard MD spoke with pt.")).toEqual(["Andrwe O'quessard"]);
    expect(names('Vascular Surgery MD aware.')).toEqual([]);
  });

  it('takes a word after a relative for a name in a lower-case note only if no dictionary knows it', () => {
    // Prepare: lower-case notes give no capital to tell a name from a verb
    const note =
      'pt resting. dtr velmira at bedside, dtr spent night in waiting room. wife reveals concerns.';
    // Act, Assess
    expect(names(note)).toEqual(['velmira']);
  });

  it('leaves a litre count before a credential-like abbreviation ("4 L NP")', () => {
    expect(names('RESP- O2 SATS 96% ON 4 L NP. LUNGS CLEAR.')).toEqual([]);
  });

  it('leaves charting systems named after "see"', () => {
    expect(names('See CareVue for ABGs. Please see Carevue for all objective data.')).toEqual([]);
  });

  it('takes a capitalised census surname in an otherwise lower-case note', () => {
    // Prepare: one capital in over a hundred letters makes a lower-case note
    const note =
      'pt resting comfortably, no distress overnight. her longtime psychiatrist Sullivan phoned ' +
      'and explained that she is very anxious at baseline and prefers her usual evening routine.';
    // Act, Assess
    expect(names(note)).toEqual(['Sullivan']);
  });
});
