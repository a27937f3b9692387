// Training (deep, notes): entry point `trainNotesClassifier` (the CLI's `caregraph train notes`):
// options with defaults -> backend -> notes -> vocabulary -> fit -> held-out AUROC -> save the
// model directory (caregraph-model/1, kind tfjs-note-classifier) with its vocabulary and card.
import * as tf from '@tensorflow/tfjs';
import { ValidationError } from '../../../shared/domain/errors';
import { selectBackend } from '../backend';
import { auroc } from '../metrics';
import {
  layersModelArtifacts,
  layersModelFromDocument,
  loadDeepModel,
  saveDeepModel,
} from '../model-dir';
import { seededRandom, shuffled } from '../../../shared/domain/random';
import { Vocabulary, type VocabularyJson } from '../text/vocabulary';
import { noteTensors, noteTokenLists, readLabelledNotes, splitByPatient } from './data';
import type { LabelledNote } from './data';
import { buildNoteClassifier, noteClassifierDesign, type NoteClassifierShape } from './model';

export const noteClassifierKind = 'tfjs-note-classifier';

export interface TrainNotesOptions {
  /** DIR/truth/notes.jsonl of a synthetic cohort. */
  notesJsonl: string;
  /** Condition key the note must assert present, e.g. `heart-failure`. */
  label: string;
  /** Model directory to write. */
  out: string;
  epochs?: number;
  seed?: number;
  /** tfjs backend to prefer (see backend.ts); the fastest available otherwise. */
  backend?: string;
  /** Share of patients held out for AUROC, 0-1 (default 0.2). */
  testFraction?: number;
  batchSize?: number;
  /** Override the design (tests use tiny shapes). */
  shape?: Partial<NoteClassifierShape>;
  /** Use at most this many training notes (for benchmarks). */
  maxTrainNotes?: number;
  onProgress?: (line: string) => void;
}

export interface TrainNotesResult {
  out: string;
  name: string;
  backend: string;
  trainNotes: number;
  testNotes: number;
  trainPositives: number;
  testPositives: number;
  /** Held-out AUROC, NaN when the test split has one class. */
  auroc: number;
  secondsPerEpoch: number[];
}

/** Metadata saved in model.json beside the weights. */
export interface NoteClassifierMetadata {
  label: string;
  shape: NoteClassifierShape;
  vocabulary: VocabularyJson;
}

/** A SageMaker-style model name for a label: `notes-heart-failure`. */
export function notesModelName(label: string): string {
  const slug = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `notes-${slug}`.slice(0, 63).replace(/-$/, '');
}

/** Fit `model` on the notes for `epochs`, shuffling with `seed`; returns seconds per epoch. */
export async function fitNoteClassifier(
  model: tf.LayersModel,
  tensors: { x: tf.Tensor2D; y: tf.Tensor2D },
  options: { epochs: number; batchSize: number; seed: number; positiveWeight: number },
  onEpoch?: (epoch: number, loss: number, seconds: number) => void,
): Promise<number[]> {
  const random = seededRandom(options.seed);
  const n = tensors.x.shape[0];
  const seconds: number[] = [];
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    const order = tf.tensor1d(shuffled([...Array(n).keys()], random), 'int32');
    const x = tf.gather(tensors.x, order);
    const y = tf.gather(tensors.y, order);
    const started = performance.now();
    const history = await model.fit(x, y, {
      epochs: 1,
      batchSize: options.batchSize,
      shuffle: false,
      verbose: 0,
      classWeight: { 0: 1, 1: options.positiveWeight },
    });
    seconds.push((performance.now() - started) / 1000);
    tf.dispose([order, x, y]);
    onEpoch?.(epoch + 1, history.history.loss?.[0] as number, seconds[epoch]!);
  }
  return seconds;
}

/** Probabilities (0-1) for notes from a trained classifier and its vocabulary. */
export function predictNotes(
  model: tf.LayersModel,
  vocabulary: Vocabulary,
  notes: readonly LabelledNote[],
  sequenceLength: number,
): number[] {
  return tf.tidy(() => {
    const { x } = noteTensors(notes, vocabulary, sequenceLength);
    return Array.from((model.predict(x, { batchSize: 64 }) as tf.Tensor).dataSync());
  });
}

/**
 * Train the BiLSTM note classifier for one condition label on a synthetic cohort's notes, report
 * held-out AUROC (patients split by `seed`) and write the model directory to `out`.
 */
export async function trainNotesClassifier(options: TrainNotesOptions): Promise<TrainNotesResult> {
  const { notesJsonl, label, out, epochs = 3, seed = 1, batchSize = 32 } = options;
  if (!Number.isInteger(epochs) || epochs < 1)
    throw new ValidationError(`epochs: expected a whole number >= 1, got ${epochs}`, 'epochs');
  const { backend } = await selectBackend(options.backend);
  const shape = { ...noteClassifierDesign, ...options.shape };
  const notes = await readLabelledNotes(notesJsonl, label);
  const split = splitByPatient(notes, options.testFraction ?? 0.2, seed);
  const train = split.train.slice(0, options.maxTrainNotes ?? split.train.length);
  const positives = train.filter((n) => n.label === 1).length;
  if (positives === 0 || positives === train.length)
    throw new ValidationError(
      `label: "${label}" gives one class only in the training notes`,
      'label',
    );
  const vocabulary = Vocabulary.build(noteTokenLists(train), shape.vocabularySize);
  const model = buildNoteClassifier({ ...shape, vocabularySize: vocabulary.size }, seed);
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'binaryCrossentropy' });
  const tensors = noteTensors(train, vocabulary, shape.sequenceLength);
  const secondsPerEpoch = await fitNoteClassifier(
    model,
    tensors,
    { epochs, batchSize, seed, positiveWeight: (train.length - positives) / positives },
    (e, loss, s) =>
      options.onProgress?.(`  epoch ${e}/${epochs} loss ${loss.toFixed(4)} ${s.toFixed(1)} s`),
  );
  tf.dispose([tensors.x, tensors.y]);
  const scores = predictNotes(model, vocabulary, split.test, shape.sequenceLength);
  const heldOut = auroc(
    scores,
    split.test.map((n) => n.label),
  );
  const name = notesModelName(label);
  const testPositives = split.test.filter((n) => n.label === 1).length;
  await saveNoteClassifier(out, model, {
    name,
    metadata: {
      label,
      shape: { ...shape, vocabularySize: vocabulary.size },
      vocabulary: vocabulary.toJson(),
    },
    metrics: {
      auroc: heldOut,
      trainNotes: train.length,
      testNotes: split.test.length,
      testPositives,
    },
    hyper: { epochs, seed, batchSize, backend },
  });
  model.dispose();
  return {
    out,
    name,
    backend,
    trainNotes: train.length,
    testNotes: split.test.length,
    trainPositives: positives,
    testPositives,
    auroc: heldOut,
    secondsPerEpoch,
  };
}

async function saveNoteClassifier(
  out: string,
  model: tf.LayersModel,
  input: {
    name: string;
    metadata: NoteClassifierMetadata;
    metrics: Record<string, number>;
    hyper: Record<string, number | string>;
  },
): Promise<void> {
  const { modelTopology, weights } = await layersModelArtifacts(model);
  await saveDeepModel(out, {
    header: { kind: noteClassifierKind, name: input.name, version: '1.0.0', features: ['text'] },
    metadata: input.metadata,
    modelTopology,
    weights,
    card: {
      intendedUse: `Flags clinical notes that assert "${input.metadata.label}" as present; research and triage only, not diagnosis.`,
      trainingData: 'caregraph synthetic cohort notes (truth/notes.jsonl), split by patient.',
      metrics: input.metrics,
      hyperparameters: input.hyper,
      limitations: [
        'Trained on synthetic notes; performance on real clinical text is unknown.',
        'Reads only the last 100 tokens of a note (Keras pre-truncation).',
      ],
    },
  });
}

/** Load a note classifier directory: the model, its vocabulary and its design. */
export async function loadNoteClassifier(dir: string): Promise<{
  model: tf.LayersModel;
  vocabulary: Vocabulary;
  metadata: NoteClassifierMetadata;
}> {
  const document = await loadDeepModel<NoteClassifierMetadata>(dir, noteClassifierKind);
  const model = await layersModelFromDocument(document);
  return {
    model,
    vocabulary: Vocabulary.fromJson(document.metadata.vocabulary),
    metadata: document.metadata,
  };
}
