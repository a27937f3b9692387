// Evaluation helper: the notes of a clean synthetic cohort with their annotations (entity spans with
// assertions and codes, relation triples), rendered in memory by the generator itself
// (shared/domain/synth, `caregraph synth`), one patient at a time. Needs no ../shared data. Used by
// the `ner` suite's assertion accuracy and the `relations` suite.
import { renderCohortPatient } from '../../shared/domain/synth/cohort';
import { defaultAsOf, type SynthNote } from '../../shared/domain/synth/model';

/** The seed of the synthetic-note evaluations (the assertion figures in docs/nlp.md use it). */
export const syntheticNoteSeed = 20260101;

/**
 * The notes of patients 0..patients-1 of the cohort of `seed` (no injected defects), in patient
 * order; `onPatient` is called with the number of patients rendered so far, for progress lines.
 */
export function* syntheticNotes(
  patients: number,
  seed: number = syntheticNoteSeed,
  onPatient?: (done: number) => void,
): Generator<SynthNote> {
  const options = {
    patients,
    seed,
    hospital: 'synthetic-general',
    dirtyRate: 0,
    asOf: defaultAsOf,
  };
  for (let i = 0; i < patients; i++) {
    yield* renderCohortPatient(options, i).notes;
    onPatient?.(i + 1);
  }
}
