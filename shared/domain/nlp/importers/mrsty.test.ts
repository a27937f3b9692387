import { createReadStream } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors';
import { importMrsty } from './mrsty';
import { importMrconso } from './rrf';

const fixture = (name: string) => createReadStream(new URL(`./fixtures/${name}`, import.meta.url));

describe('Function: importMrsty', () => {
  it('maps semantic types to entity types, disorders before symptoms, and leaves unmapped ones out', async () => {
    // Act
    const types = await importMrsty(fixture('MRSTY_fixture.RRF'));
    // Assess
    expect(Object.fromEntries(types)).toEqual({
      C0020538: 'Disease',
      C0025598: 'Chemical',
      C0013404: 'Symptom',
      C0000001: 'Disease',
    });
  });

  it('types the MRCONSO concepts it is given to', async () => {
    const types = await importMrsty(fixture('MRSTY_fixture.RRF'));
    const concepts = await importMrconso(fixture('MRCONSO_fixture.RRF'), (cui) => types.get(cui));
    expect(concepts.map((c) => [c.codes.umls, c.type])).toEqual([
      ['C0020538', 'Disease'],
      ['C0025598', 'Chemical'],
    ]);
  });

  it('rejects a line that is not CUI|TUI|..., naming its line', async () => {
    const rows = ['C0020538|T047|B2.2.1.2.1|Disease or Syndrome|AT1||\n', 'C0020538,T047\n'];
    const error = await importMrsty(rows).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(/line 2/);
  });
});
