import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors';
import { parseRawKey } from './raw-key';

describe('Function: parseRawKey', () => {
  it('reads hospital, batch and file from a raw upload key', () => {
    // Act
    const parsed = parseRawKey('raw/riverside/b20240301-1a2b/Patient.ndjson');

    // Assess
    expect(parsed).toEqual({
      hospital: 'riverside',
      batch: 'b20240301-1a2b',
      file: 'Patient.ndjson',
      key: 'raw/riverside/b20240301-1a2b/Patient.ndjson',
    });
  });

  it('keeps subfolders below the batch as part of the file name', () => {
    // Act
    const parsed = parseRawKey('raw/st-marys/2024-03/Bulk Export/labs/Observation.ndjson.gz');

    // Assess
    expect(parsed.hospital).toBe('st-marys');
    expect(parsed.batch).toBe('2024-03');
    expect(parsed.file).toBe('Bulk Export/labs/Observation.ndjson.gz');
  });

  it.each([
    ['a key outside raw/', 'curated/riverside/b1/Patient.ndjson'],
    ['a key without a batch', 'raw/riverside/Patient.ndjson'],
    ['a key with an empty hospital', 'raw//b1/Patient.ndjson'],
    ['a key with an empty batch', 'raw/riverside//Patient.ndjson'],
    ['a key that ends at the batch folder', 'raw/riverside/b1/'],
  ])('rejects %s, naming the expected layout', (_case, key) => {
    // Act
    const parse = () => parseRawKey(key);

    // Assess
    expect(parse).toThrow(ValidationError);
    expect(parse).toThrow('is not raw/{hospital}/{batch}/{file}');
    expect(parse).toThrow(expect.objectContaining({ path: 'key' }));
  });

  it.each([
    ['an uppercase hospital', 'raw/Riverside/b1/f.ndjson', 'hospital'],
    ['a hospital starting with a dash', 'raw/-riverside/b1/f.ndjson', 'hospital'],
    ['a hospital with an underscore', 'raw/river_side/b1/f.ndjson', 'hospital'],
    ['a hospital longer than 63 characters', `raw/${'h'.repeat(64)}/b1/f.ndjson`, 'hospital'],
    ['a batch with a space', 'raw/riverside/batch 1/f.ndjson', 'batch'],
    ['an uppercase batch', 'raw/riverside/B1/f.ndjson', 'batch'],
  ])('rejects %s as not a lowercase slug', (_case, key, field) => {
    // Act
    const parse = () => parseRawKey(key);

    // Assess
    expect(parse).toThrow(ValidationError);
    expect(parse).toThrow(`${field} "`);
    expect(parse).toThrow('must be a lowercase slug');
    expect(parse).toThrow(expect.objectContaining({ path: field }));
  });
});
