// Tests (deid): places that look like nursing shorthand: "in synch", "F/U IN", and a unit before a state code.
import { describe, expect, it } from 'vitest';
import { findLocations } from './locations';
import { noteCase, tokenize } from './tokens';

const places = (text: string) =>
  findLocations(text, tokenize(text), noteCase(text)).map((p) => p.text);

describe('Function: findLocations', () => {
  it('leaves a patient breathing in synch with the ventilator', () => {
    expect(places('PATIENT CALM AND BREATHING IN SYNCH ON THE VENT.')).toEqual([]);
  });

  it('leaves "F/U IN" and a dose in units before a line break', () => {
    expect(places('SOCIAL WORK TO F/U IN AM WITH FAMILY.')).toEqual([]);
    expect(places('INSULIN 4 U\n\nGU: FOLEY DRAINING WELL.')).toEqual([]);
  });

  it('still finds a university named by its state', () => {
    expect(places('TRANSFERRED FROM U OF MD FOR SURGERY.')).toEqual(['U OF MD']);
  });
});
