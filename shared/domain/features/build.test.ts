// Unit: where a feature set's files live (featureSetKey).
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors';
import { featureSetKey } from './build';
import { featureSpecVersion } from './spec';

describe('featureSetKey', () => {
  it('puts the current set beside the spec version and a named set under sets/<name>/', () => {
    expect(featureSetKey('north', 'raw.csv')).toBe(`features/north/${featureSpecVersion}/raw.csv`);
    expect(featureSetKey('north', 'raw.csv', 'retrospective')).toBe(
      `features/north/${featureSpecVersion}/sets/retrospective/raw.csv`,
    );
  });

  it.each(['', 'Retro', '../x', 'a/b', 'x'.repeat(64)])('refuses the set name %j', (set) => {
    expect(() => featureSetKey('north', 'raw.csv', set)).toThrow(ValidationError);
  });
});
