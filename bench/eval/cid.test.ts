import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { concept } from '../../shared/domain/nlp/vocabulary/define';
import { knownIdMentions, licensedMeshNames, meshNamedIds } from './cid';

describe('knownIdMentions (the offline-knowledge CID ceiling)', () => {
  const known = new Set(['D001', 'D003']);

  it('keeps known ids, drops unknown ones, and keeps every span', () => {
    const out = knownIdMentions(
      [
        { start: 0, end: 4, type: 'Chemical', id: 'D001' },
        { start: 5, end: 9, type: 'Disease', id: 'D002' },
        { start: 10, end: 20, type: 'Disease', id: 'D002', ids: ['D002', 'D003'] },
        { start: 21, end: 25, type: 'Disease', id: 'D003', ids: ['D003', 'D001'] },
      ],
      known,
    );
    expect(out).toEqual([
      { start: 0, end: 4, type: 'Chemical', id: 'D001' },
      { start: 5, end: 9, type: 'Disease' },
      { start: 10, end: 20, type: 'Disease', id: 'D003' },
      { start: 21, end: 25, type: 'Disease', id: 'D003', ids: ['D003', 'D001'] },
    ]);
  });
});

describe('licensedMeshNames (a licensed MeSH release for the CID linker)', () => {
  const xml = fileURLToPath(
    new URL('../../shared/domain/nlp/importers/fixtures/desc_fixture.xml', import.meta.url),
  );

  it('gives no names and no details without a file, so the evaluation is unchanged', async () => {
    expect(await licensedMeshNames({})).toEqual({ names: [] });
  });

  it('reads the names of a MeSH descriptor XML and reports the file and counts', async () => {
    const { names, details } = await licensedMeshNames({ xml });
    expect(names).toContainEqual({ name: 'Marcaine', type: 'Chemical', id: 'D002045' });
    expect(names).toContainEqual({ name: 'Shortness of Breath', type: 'Symptom', id: 'D004417' });
    expect(details).toEqual({
      files: [{ file: xml, format: 'mesh', concepts: 5, names: 10 }],
      names: 10,
    });
  });

  it('keeps only Chemical, Disease and Symptom concepts with a MeSH code', () => {
    const names = meshNamedIds([
      concept('Disease', 'gout|gouty arthritis', '', { mesh: 'D006073' }, 't'),
      concept('Disease', 'cold', '', { snomed: '82272006' }, 't'),
      concept('Anatomy', 'liver', '', { mesh: 'D008099' }, 't'),
    ]);
    expect(names).toEqual([
      { name: 'gout', type: 'Disease', id: 'D006073' },
      { name: 'gouty arthritis', type: 'Disease', id: 'D006073' },
    ]);
  });
});
