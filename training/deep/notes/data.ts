// Training (deep, notes): synthetic cohort notes -> labelled examples -> id sequences. Reads
// DIR/truth/notes.jsonl (one SynthNote annotation per line; the text is in DIR/<file> or inline as
// `text`), labels each note 1 when the condition key is among its `labels` (asserted present), and
// splits by patient so no patient's notes are on both sides of the split.
import * as tf from '@tensorflow/tfjs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { ValidationError } from '../../../shared/domain/errors';
import { jsonPath } from '../../model-format';
import { unitHash } from '../../../shared/domain/random';
import { noteTokens, type Vocabulary } from '../text/vocabulary';

/** A note with its note-level label for one condition. */
export interface LabelledNote {
  patientId: string;
  text: string;
  label: 0 | 1;
}

const noteLineSchema = z
  .object({
    patientId: z.string().min(1),
    labels: z.array(z.string()),
    text: z.string().optional(),
    file: z.string().min(1).optional(),
  })
  .refine((n) => n.text !== undefined || n.file !== undefined, 'expected `text` or `file`');

/**
 * Read a cohort's truth/notes.jsonl and label each note for `label` (a condition key such as
 * `heart-failure`). Texts come from `text` or from `file`, resolved against the cohort directory
 * (the folder above truth/). Throws ValidationError naming the line and field at fault; never
 * echoes note text.
 */
export async function readLabelledNotes(
  notesJsonl: string,
  label: string,
): Promise<LabelledNote[]> {
  const cohortDir = dirname(dirname(notesJsonl));
  const lines = (await readFile(notesJsonl, 'utf8')).split('\n');
  const notes: LabelledNote[] = [];
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const where = `${notesJsonl}:${i + 1}`;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (error) {
      throw new ValidationError(`${where}: not valid JSON`, `line ${i + 1}`, { cause: error });
    }
    const parsed = noteLineSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = jsonPath(issue?.path ?? []) || 'note';
      throw new ValidationError(`${where}: ${path}: ${issue?.message ?? 'invalid'}`, path);
    }
    const n = parsed.data;
    const text = n.text ?? (await readFile(join(cohortDir, n.file!), 'utf8'));
    notes.push({ patientId: n.patientId, text, label: n.labels.includes(label) ? 1 : 0 });
  }
  if (notes.length === 0) throw new ValidationError(`${notesJsonl}: no notes`, 'notesJsonl');
  return notes;
}

/**
 * Split notes by a hash of the patient id: about `testFraction` (0-1) of patients, with all their
 * notes, go to `test`. The same seed gives the same split whatever the order of the notes.
 */
export function splitByPatient<T extends { patientId: string }>(
  notes: readonly T[],
  testFraction: number,
  seed: number,
): { train: T[]; test: T[] } {
  const train: T[] = [];
  const test: T[] = [];
  for (const n of notes) (unitHash(n.patientId, seed) < testFraction ? test : train).push(n);
  return { train, test };
}

/** Token lists of the notes (input to Vocabulary.build). */
export function noteTokenLists(notes: readonly { text: string }[]): string[][] {
  return notes.map((n) => noteTokens(n.text));
}

/** Notes as a [notes, length] float32 id tensor and a [notes, 1] label tensor. */
export function noteTensors(
  notes: readonly LabelledNote[],
  vocabulary: Vocabulary,
  length: number,
): { x: tf.Tensor2D; y: tf.Tensor2D } {
  const ids = notes.flatMap((n) => vocabulary.encode(noteTokens(n.text), length));
  return {
    x: tf.tensor2d(ids, [notes.length, length]),
    y: tf.tensor2d(
      notes.map((n) => n.label),
      [notes.length, 1],
    ),
  };
}
