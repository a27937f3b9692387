// Tests (pgx): diplotypes are written in PharmCAT's haplotype order.
import { describe, expect, it } from 'vitest';
import { compareHaplotypeNames, orderDiplotype } from './haplotype-names';

describe('Function: orderDiplotype', () => {
  it.each([
    [
      ['*17', '*1'],
      ['*1', '*17'],
    ],
    [
      ['*17', '*2'],
      ['*2', '*17'],
    ],
    [
      ['*10', '*9'],
      ['*9', '*10'],
    ],
    [
      ['*3C', '*3A'],
      ['*3A', '*3C'],
    ],
    [
      ['*80+*28', '*28'],
      ['*28', '*80+*28'],
    ],
    [
      ['*80+*28', '*80'],
      ['*80', '*80+*28'],
    ],
    [
      ['c.1905+1G>A (*2A)', 'Reference'],
      ['Reference', 'c.1905+1G>A (*2A)'],
    ],
    [
      ['c.2846A>T', 'c.1129-5923C>G, c.1236G>A (HapB3)'],
      ['c.1129-5923C>G, c.1236G>A (HapB3)', 'c.2846A>T'],
    ],
    [
      ['rs9923231 variant (T)', 'rs9923231 reference (C)'],
      ['rs9923231 reference (C)', 'rs9923231 variant (T)'],
    ],
  ] as const)('writes %j as %j', (input, expected) => {
    expect(orderDiplotype(input[0], input[1])).toEqual(expected);
  });

  it('treats equal names as equal', () => {
    expect(compareHaplotypeNames('*2', '*2')).toBe(0);
    expect(orderDiplotype('*2', '*2')).toEqual(['*2', '*2']);
  });
});
