// Unit tests (local): the embedded API's models are the configured ones, then every endpoint folder
// with a model.json, read at each use, so a promoted endpoint is served without a restart.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseModelEndpoints } from '../shared/config/config';
import { discoveringModelEndpoints, localServedModels } from './served-models';

describe('Function: discoveringModelEndpoints', () => {
  let dir: string;
  const folder = (name: string, withModel = true) => {
    mkdirSync(join(dir, name), { recursive: true });
    if (withModel) writeFileSync(join(dir, name, 'model.json'), '{}');
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'caregraph-served-models-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('serves the configured models first, then each endpoint folder with a model.json', () => {
    // Prepare
    folder('cvd-risk');
    folder('sepsis');
    folder('empty', false);
    folder('not_an_endpoint');
    writeFileSync(join(dir, 'notes.txt'), 'a file, not a folder');
    const configured = parseModelEndpoints('readmission,cvd-risk', 'test');
    // Act
    const models = discoveringModelEndpoints(configured, dir);
    // Assess
    expect([...models]).toEqual([
      ['readmission', 'readmission'],
      ['cvd-risk', 'cvd-risk'],
      ['sepsis', 'sepsis'],
    ]);
    expect([models.size, models.get('sepsis'), models.has('empty')]).toEqual([3, 'sepsis', false]);
    expect([...models.keys()][0]).toBe('readmission');
  });

  it('serves a model promoted while it runs from its next use', async () => {
    // Prepare
    const models = discoveringModelEndpoints(parseModelEndpoints('cvd-risk', 'test'), dir);
    expect(models.get('readmission')).toBeUndefined();
    // Act: what caregraph models promote installs
    await localServedModels(dir).install('readmission', { 'model.json': '{}' });
    // Assess
    expect(models.get('readmission')).toBe('readmission');
    expect([...models.keys()]).toEqual(['cvd-risk', 'readmission']);
  });

  it('serves a folder configured under another name under that name only', () => {
    // Prepare
    folder('cvd-risk');
    // Act
    const models = discoveringModelEndpoints(parseModelEndpoints('risk=cvd-risk', 'test'), dir);
    // Assess
    expect([...models]).toEqual([['risk', 'cvd-risk']]);
  });

  it('serves the configured models alone when the folder does not exist', () => {
    const models = discoveringModelEndpoints(
      parseModelEndpoints('cvd-risk', 'test'),
      join(dir, 'none'),
    );
    expect([...models]).toEqual([['cvd-risk', 'cvd-risk']]);
  });
});
