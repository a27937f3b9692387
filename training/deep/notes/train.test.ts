import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLabelledNotes, splitByPatient } from './data';
import { loadNoteClassifier, notesModelName, predictNotes, trainNotesClassifier } from './train';

let dir: string;
let notesJsonl: string;

function noteLine(i: number): string {
  const hf = i % 3 === 0;
  const text = `Visit ${i}. ${hf ? 'Known heart failure, on furosemide.' : 'Seasonal allergies, on loratadine.'} Plan: follow up.`;
  return JSON.stringify({
    patientId: `p${i % 20}`,
    labels: hf ? ['heart-failure', 'hypertension'] : ['hypertension'],
    text,
  });
}

describe('Function: trainNotesClassifier', () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'caregraph-notes-'));
    await mkdir(join(dir, 'truth'));
    notesJsonl = join(dir, 'truth', 'notes.jsonl');
    await writeFile(
      notesJsonl,
      Array.from({ length: 60 }, (_, i) => noteLine(i)).join('\n') + '\n',
    );
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('labels notes by condition key and splits whole patients to one side', async () => {
    const notes = await readLabelledNotes(notesJsonl, 'heart-failure');
    expect(notes.filter((n) => n.label === 1)).toHaveLength(20);
    const { train, test } = splitByPatient(notes, 0.3, 7);
    const testPatients = new Set(test.map((n) => n.patientId));
    expect(train.some((n) => testPatients.has(n.patientId))).toBe(false);
    expect(test.length).toBeGreaterThan(0);
  });

  it('names the line and field of a bad notes file without echoing note text', async () => {
    const bad = join(dir, 'truth', 'bad.jsonl');
    await writeFile(bad, `${noteLine(1)}\n{"labels":[],"text":"secret words"}\n`);
    await expect(readLabelledNotes(bad, 'copd')).rejects.toThrow(/bad\.jsonl:2: patientId/);
    await expect(readLabelledNotes(bad, 'copd')).rejects.not.toThrow(/secret/);
  });

  it('trains a tiny classifier on wasm, writes a caregraph-model/1 directory and loads it back', async () => {
    // Act
    const out = join(dir, 'model');
    const result = await trainNotesClassifier({
      notesJsonl,
      label: 'heart-failure',
      out,
      epochs: 2,
      seed: 5,
      backend: 'wasm',
      testFraction: 0.3,
      batchSize: 16,
      shape: {
        vocabularySize: 40,
        embeddingDim: 4,
        sequenceLength: 12,
        firstLstmUnits: 3,
        secondLstmUnits: 2,
        denseUnits: 4,
      },
    });
    // Assess
    expect(result).toMatchObject({ backend: 'wasm', name: 'notes-heart-failure' });
    expect(result.secondsPerEpoch).toHaveLength(2);
    expect(result.trainNotes + result.testNotes).toBe(60);
    expect(result.auroc).toBeGreaterThanOrEqual(0);
    const header = JSON.parse(await readFile(join(out, 'model.json'), 'utf8'));
    expect(header).toMatchObject({
      format: 'caregraph-model/1',
      kind: 'tfjs-note-classifier',
      version: '1.0.0',
    });
    expect(JSON.parse(await readFile(join(out, 'model-card.json'), 'utf8')).metrics.auroc).toBe(
      result.auroc,
    );
    const loaded = await loadNoteClassifier(out);
    expect(loaded.vocabulary.tokens).toContain('failure');
    const notes = await readLabelledNotes(notesJsonl, 'heart-failure');
    const p = predictNotes(loaded.model, loaded.vocabulary, notes.slice(0, 3), 12);
    expect(p).toHaveLength(3);
    for (const v of p) expect(v > 0 && v < 1).toBe(true);
  });

  it('refuses a label no note asserts, and makes SageMaker-style names', async () => {
    await expect(
      trainNotesClassifier({ notesJsonl, label: 'stroke', out: join(dir, 'x'), backend: 'cpu' }),
    ).rejects.toThrow(/one class only/);
    expect(notesModelName('Heart failure (HFrEF)')).toBe('notes-heart-failure-hfref');
  });
});
