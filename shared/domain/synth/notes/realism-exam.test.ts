// Tests (synth/notes): what the physical exam of real generated patients finds agrees with the true state
// and with the rest of the note: tenderness only with abdominal pain, a young child described as one,
// the eardrums of otitis media, the heart's rate and rhythm, the rash and the work of breathing.
// Generator 1.5.0 fixed each (each check fails on 1.4.0).
import { describe, expect, it } from 'vitest';
import { renderCohortPatient } from '../cohort';
import { conditions as catalog, type ConditionKey } from '../catalog';
import type { SynthNote, SynthPatient } from '../model';
import { Rng } from '../rng';
import { generatePatientState } from '../state/patient';
import { conditionsAt } from './context';
import { generateNotes } from './generate';
import { anatomy, type AnatomyKey } from './lexicon/clinical';
import { reasonSymptoms, symptoms, type SymptomKey } from './lexicon/symptoms';
import { normalRateLimit, notesInContext, shownReading } from './realism.test-helper';

const options = {
  // 900 (500 until 1.12.0): since AOM has its ages, a visit for something else during an episode
  // (the comorbid case below) needs about this many patients to occur.
  patients: 900,
  seed: 61,
  hospital: 'encounters',
  dirtyRate: 0,
  asOf: '2026-01-01',
};
const cohort = Array.from({ length: options.patients }, (_, i) => renderCohortPatient(options, i));

const all = notesInContext(cohort);

/** The exam line (up to a line break or a sentence end) that names `part`; exam lines alone do. */
function examLine(note: SynthNote, part: AnatomyKey): string | undefined {
  const span = note.entities.find((e) => e.type === 'Anatomy' && e.code === anatomy[part].code);
  if (!span) return undefined;
  const text = note.text;
  const from = Math.max(
    text.lastIndexOf('\n', span.start - 1),
    text.lastIndexOf('. ', span.start - 1) + 1,
  );
  const ends = [text.indexOf('\n', span.end), text.indexOf('. ', span.end)].filter((i) => i >= 0);
  return text.slice(from + 1, ends.length > 0 ? Math.min(...ends) : undefined).trim();
}

const mentions = (note: SynthNote, key: SymptomKey, assertion: 'present' | 'negated'): boolean =>
  note.entities.some(
    (e) => e.type === 'Symptom' && e.code === symptoms[key].code && e.assertion === assertion,
  );
const asserts = (note: SynthNote, key: SymptomKey): boolean => mentions(note, key, 'present');
const denies = (note: SynthNote, key: SymptomKey): boolean => mentions(note, key, 'negated');

const hasAt = (patient: SynthPatient, date: string, key: ConditionKey): boolean =>
  conditionsAt(patient, date.slice(0, 10)).some(
    (c) => c.condition.key === key && c.assertion === 'present',
  );

/**
 * Children seen for something else while an otitis media is present. Since 1.15.0 an episode is present
 * for 10 days (its Condition's course, state/condition-course.ts; 30 before), so such a visit is rare
 * (none among the first 2,000 patients of the cohort above): these are the patients of the first 1,400
 * of seed 7 who have one, found from their state alone.
 */
const episodeOptions = { ...options, seed: 7, hospital: 'episodes' };
const episodes = notesInContext(
  Array.from({ length: 1400 }, (_, i) => i)
    .filter((i) => {
      const patient = generatePatientState(episodeOptions, i);
      return patient.encounters.some(
        (e) => e.reason !== 'otitis-media' && hasAt(patient, e.start.slice(0, 10), 'otitis-media'),
      );
    })
    .map((i) => renderCohortPatient(episodeOptions, i)),
);

describe('Physical exams of generated patients, generator 1.5.0', () => {
  it('find abdominal tenderness only with abdominal pain, and then usually (1.4.0: a third of all notes)', () => {
    let pain = 0;
    let tender = 0;
    let benign = 0;
    for (const { note, encounter } of all) {
      const line = examLine(note, 'abdomen');
      if (!line) continue;
      const isTender = /(?<!non-)\btender(?:ness)?\b/i.test(line);
      const asserted = asserts(note, 'abdominalPain');
      if (asserted) {
        pain++;
        if (isTender) tender++;
      }
      if (!isTender) {
        benign++;
        continue;
      }
      // The exam follows the symptom plan, whose secondary symptoms the history may leave unsaid: the
      // pain of colorectal cancer, or of an ED visit or a stay for vomiting (lexicon/presentations.ts).
      const reasonPain =
        encounter.reason !== undefined &&
        (reasonSymptoms[encounter.reason]?.includes('abdominalPain') ?? false);
      const complaint =
        !encounter.reason &&
        (encounter.kind === 'emergency' || encounter.kind === 'inpatient') &&
        (['vomiting', 'nausea', 'diarrhea'] as const).some((s) => asserts(note, s));
      expect(denies(note, 'abdominalPain'), `${note.id}: ${line}`).toBe(false);
      expect(asserted || reasonPain || complaint, `${note.id}: ${line}`).toBe(true);
    }
    expect(benign).toBeGreaterThan(1000);
    expect(pain).toBeGreaterThan(40);
    // 4 in 5 (exam.ts); typos can hide a few.
    expect(tender / pain).toBeGreaterThan(0.65);
    expect(tender / pain).toBeLessThan(0.95);
  });

  it('never have a child under 4 or a patient with aphasia talk, and describe the young child (1.4.0: a 10-month-old "speaking in full sentences")', () => {
    const speech = /conversant|speaking in full sentences/i;
    const youngWords =
      /fussy|consolable|interactive|nontoxic-appearing|well-hydrated|mucous membranes|good tone|appropriate for age/i;
    let young = 0;
    let sick = 0;
    let speechless = 0;
    let talking = 0;
    for (const { note, age, text, encounter } of all) {
      if (age < 4) {
        expect(text, `${note.id} at ${age}`).not.toMatch(speech);
        const hospital = encounter.kind === 'emergency' || encounter.kind === 'inpatient';
        if (!hospital || note.kind === 'discharge-summary') continue;
        sick++;
        if (youngWords.test(text)) young++;
      } else if (asserts(note, 'aphasia') || asserts(note, 'dysarthria')) {
        expect(text, note.id).not.toMatch(speech);
        speechless++;
      } else if (speech.test(text)) talking++;
    }
    // Most of the young child's acute banks' wording is for the age; "mildly ill-appearing" is not.
    expect(sick).toBeGreaterThan(8);
    expect(young / sick).toBeGreaterThan(0.5);
    expect(speechless).toBeGreaterThan(3);
    expect(talking).toBeGreaterThan(50);
  });

  it('give otitis media abnormal eardrums with no side of their own (1.4.0: "Left TM red and dull", then "Right otitis media")', () => {
    const normal = /pearly|\bclear\b|\bnormal\b(?! mobility)/i;
    let otitis = 0;
    let comorbid = 0;
    let ears = 0;
    for (const { patient, note, encounter } of [...all, ...episodes]) {
      const line = examLine(note, 'eardrum');
      if (!line) continue;
      ears++;
      expect(line, note.id).not.toMatch(/\b(?:right|left|bilateral) (?:tympanic|eardrum|TM)/i);
      const visit = encounter.reason === 'otitis-media';
      if (!visit && !hasAt(patient, note.date, 'otitis-media')) continue;
      expect(line, `${note.id}: ${line}`).not.toMatch(normal);
      if (visit) otitis++;
      else comorbid++;
    }
    expect(ears).toBeGreaterThan(250);
    expect(otitis).toBeGreaterThan(10);
    expect(comorbid).toBeGreaterThan(0);
  });

  it('give the heart the measured rate: "tachycardic" above the normal range for the age, never "RRR" (1.4.0: RRR at 109/min)', () => {
    let fast = 0;
    let saidFast = 0;
    for (const { patient, note, age } of all) {
      const line = examLine(note, 'heart');
      if (!line) continue;
      const rate = shownReading(patient, note, 'heartRate')?.value;
      if (rate === undefined) continue;
      if (rate > normalRateLimit(age)) {
        fast++;
        expect(line, `${note.id}: ${rate}/min at ${age}: ${line}`).not.toMatch(
          /regular rate|\bRRR\b/i,
        );
        if (/tachycardi|rapid/i.test(line)) saidFast++;
      } else {
        expect(line, `${note.id}: ${rate}/min at ${age}: ${line}`).not.toMatch(/tachycardi/i);
      }
    }
    expect(fast).toBeGreaterThan(30);
    expect(saidFast / fast).toBeGreaterThan(0.9);
  });

  it('give a patient with atrial fibrillation an irregular rhythm at any visit (1.4.0: only when it was the reason)', () => {
    let fibrillating = 0;
    let irregular = 0;
    for (const { patient, note } of all) {
      const line = examLine(note, 'heart');
      if (!line || !hasAt(patient, note.date, 'atrial-fibrillation')) continue;
      fibrillating++;
      if (/irregular/i.test(line)) irregular++;
    }
    expect(catalog['atrial-fibrillation'].chronic).toBe(true);
    expect(fibrillating).toBeGreaterThan(15);
    expect(irregular / fibrillating).toBeGreaterThan(0.9);
  });

  it('call a rash eczematous only with atopic dermatitis, and deny just "rash" (1.4.0: "no eczematous rash" at wellness visits)', () => {
    const eczema = /eczematous|lichenified|flexural|antecubital|popliteal/i;
    let denied = 0;
    let others = 0;
    for (const { patient, note, text } of all) {
      for (const e of note.entities) {
        if (e.type !== 'Symptom' || e.code !== symptoms.rash.code || e.assertion !== 'negated')
          continue;
        expect(e.text, note.id).not.toMatch(/eczematous/i);
        denied++;
      }
      if (patient.conditions.some((c) => c.key === 'atopic-dermatitis')) continue;
      expect(text, note.id).not.toMatch(eczema);
      others++;
    }
    expect(denied).toBeGreaterThan(500);
    expect(others).toBeGreaterThan(1000);
  });

  it('describe a rash without atopic dermatitis as an exanthem, not eczema (1.4.0: a febrile child\'s rash "lichenified")', () => {
    // Such rashes are rare (a child's ED visit for rash, a drug's): the notes of children seen in the
    // ED are written again from other note streams, with the state's complaints taken off their
    // encounters so that each stream draws its own.
    const children = cohort.filter(
      ({ patient }) =>
        !patient.conditions.some((c) => c.key === 'atopic-dermatitis') &&
        patient.encounters.some((e) => e.kind === 'emergency' && !e.reason),
    );
    let rashes = 0;
    for (const { patient: drawn } of children) {
      const patient = {
        ...drawn,
        encounters: drawn.encounters.map((e) => ({ ...e, presentation: undefined })),
      };
      for (const stream of [1, 2, 3, 4, 5]) {
        for (const note of generateNotes(patient, new Rng(stream, patient.index))) {
          const line = examLine(note, 'skin');
          if (!line || !asserts(note, 'rash')) continue;
          expect(line, note.id).not.toMatch(
            /eczematous|lichenified|flexural|antecubital|popliteal/i,
          );
          rashes++;
        }
      }
    }
    expect(rashes).toBeGreaterThan(3);
  });

  it('never find "normal effort" in a short-of-breath patient, nor clear lungs in a COPD exacerbation', () => {
    const easy = /normal effort|unlabored|no increased work of breathing/i;
    let dyspneic = 0;
    let copd = 0;
    for (const { note, encounter } of all) {
      const line = examLine(note, 'lungs');
      if (asserts(note, 'dyspnea')) {
        expect(note.text, note.id).not.toMatch(easy);
        dyspneic++;
      }
      const exacerbation =
        encounter.reason === 'copd' &&
        (encounter.kind === 'emergency' || encounter.kind === 'inpatient');
      if (!exacerbation || note.kind === 'discharge-summary' || asserts(note, 'wheezing')) continue;
      expect(line ?? '', note.id).not.toMatch(/\bclear\b|\bCTA/i);
      copd++;
    }
    // The exacerbations' notes written again from other note streams: a cohort has only a handful.
    for (const { patient } of cohort) {
      if (!patient.encounters.some((e) => e.reason === 'copd' && e.kind !== 'ambulatory')) continue;
      for (const stream of [1, 2, 3]) {
        for (const note of generateNotes(patient, new Rng(stream, patient.index))) {
          const encounter = patient.encounters.find((e) => e.id === note.encounterId)!;
          if (encounter.reason !== 'copd' || encounter.kind === 'ambulatory') continue;
          if (encounter.kind === 'wellness' || note.kind === 'discharge-summary') continue;
          if (asserts(note, 'wheezing')) continue;
          expect(examLine(note, 'lungs') ?? '', note.id).not.toMatch(/\bclear\b|\bCTA/i);
          copd++;
        }
      }
    }
    expect(dyspneic).toBeGreaterThan(100);
    expect(copd).toBeGreaterThan(3);
  });
});
