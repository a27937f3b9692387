// Tests (synth/notes): invariants of generated notes over a 300-patient fixture cohort.
import { describe, expect, it } from 'vitest';
import { conditions } from '../catalog';
import type { SynthNote, SynthPatient, TrueEncounter } from '../model';
import { Rng } from '../rng';
import { fixtureCohort } from './fixtures.test-helper';
import { arrivalOf, emsShare, generateNotes } from './generate';
import { adultPresentations, childPresentations } from './lexicon/presentations';
import { conditionForCode } from './lexicon/conditions';
import { daysBetween } from './context';

const patients = fixtureCohort(300);
const notesOf = (p: SynthPatient): SynthNote[] => generateNotes(p, new Rng(99, p.index));
const cohort = patients.map((patient) => ({ patient, notes: notesOf(patient) }));
const allNotes = cohort.flatMap((x) => x.notes);

function overlaps(spans: readonly { start: number; end: number }[]): boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  return sorted.some((s, i) => i > 0 && s.start < sorted[i - 1]!.end);
}

describe('Function: generateNotes', () => {
  it('writes one note per note kind of each encounter, with stable ids and the date it was written', () => {
    // Assess
    for (const { patient, notes } of cohort) {
      const expected = patient.encounters.flatMap((e) => e.noteKinds.map((kind) => [e.id, kind]));
      expect(notes.map((n) => [n.encounterId, n.kind])).toEqual(expected);
      for (const note of notes) {
        const encounter = patient.encounters.find((e) => e.id === note.encounterId)!;
        if (note.kind === 'progress' && encounter.kind === 'inpatient') {
          // The morning of hospital day 2 or 3 (the day of admission is day 1), before discharge.
          expect([2, 3]).toContain(daysBetween(encounter.start, note.date) + 1);
          expect(note.date.slice(11, 13)).toBe('07');
          expect(Date.parse(note.date)).toBeLessThan(Date.parse(encounter.end));
        } else {
          expect(note.date).toBe(
            note.kind === 'discharge-summary' ? encounter.end : encounter.start,
          );
        }
        expect(note.patientId).toBe(patient.id);
        expect(note.id).toMatch(
          /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
        );
      }
    }
    expect(new Set(allNotes.map((n) => n.id)).size).toBe(allNotes.length);
    expect(allNotes.length).toBeGreaterThan(600);
  });

  it('records every entity and PHI span at the exact offsets of its text', () => {
    for (const note of allNotes) {
      for (const span of [...note.entities, ...note.phi]) {
        expect(span.end).toBeGreaterThan(span.start);
        expect(note.text.slice(span.start, span.end)).toBe(span.text);
      }
    }
  });

  it('never overlaps two entity spans, nor two PHI spans', () => {
    for (const note of allNotes) {
      expect(overlaps(note.entities)).toBe(false);
      expect(overlaps(note.phi)).toBe(false);
    }
  });

  it('keeps relation indices inside the entity list and types them by their ends', () => {
    for (const note of allNotes) {
      for (const r of note.relations) {
        const head = note.entities[r.head];
        const tail = note.entities[r.tail];
        expect(head && tail && r.head !== r.tail).toBeTruthy();
        if (r.type === 'treats') expect([head!.type, tail!.type]).toEqual(['Chemical', 'Disease']);
        if (r.type === 'causes') expect([head!.type, tail!.type]).toEqual(['Chemical', 'Symptom']);
      }
    }
  });

  it("codes every Chemical with one of the patient's medications or medication allergens", () => {
    for (const { patient, notes } of cohort) {
      const codes = new Set([
        ...patient.medications.map((m) => m.rxnorm.code),
        ...patient.allergies
          .filter((a) => a.category === 'medication')
          .map((a) => a.substance.code),
      ]);
      for (const e of notes.flatMap((n) => n.entities).filter((x) => x.type === 'Chemical')) {
        expect(codes.has(e.code!), `${e.text} ${e.code}`).toBe(true);
      }
    }
  });

  it('labels a note with exactly the conditions it asserts present, never a negated one', () => {
    for (const note of allNotes) {
      const present = new Set(
        note.entities
          .filter((e) => e.type === 'Disease' && e.assertion === 'present')
          .map((e) => conditionForCode(e.code)),
      );
      present.delete(undefined);
      expect(new Set(note.labels)).toEqual(present);
      const negated = note.entities
        .filter((e) => e.assertion === 'negated')
        .map((e) => conditionForCode(e.code));
      for (const key of negated) if (key) expect(note.labels).not.toContain(key);
    }
  });

  it('asserts present only conditions the patient has by the note date', () => {
    for (const { patient, notes } of cohort) {
      for (const note of notes) {
        for (const key of note.labels) {
          const onsets = patient.conditions.filter((c) => c.key === key).map((c) => c.onset);
          expect(
            onsets.some((onset) => onset <= note.date.slice(0, 10)),
            `${key} in ${note.id}`,
          ).toBe(true);
        }
      }
    }
  });

  it('never denies a symptom the same note asserts present', () => {
    for (const note of allNotes) {
      const present = new Set(
        note.entities
          .filter((e) => e.type === 'Symptom' && e.assertion === 'present')
          .map((e) => e.code),
      );
      for (const e of note.entities.filter(
        (x) => x.type === 'Symptom' && x.assertion === 'negated',
      )) {
        expect(present.has(e.code), `${e.text} in ${note.id}`).toBe(false);
      }
    }
  });

  it('gives every Disease, Symptom, Procedure, Anatomy and LabTest mention a code', () => {
    const coded = new Set([
      'Disease',
      'Symptom',
      'Procedure',
      'Anatomy',
      'LabTest',
      'Chemical',
      'Gene',
    ]);
    for (const e of allNotes.flatMap((n) => n.entities))
      if (coded.has(e.type)) expect(e.code, e.text).toBeTruthy();
  });

  it('mentions the tumour genes and variants of cancer patients with a genome', () => {
    const cancer = cohort.filter(
      (x) =>
        x.patient.genome &&
        x.patient.conditions.some((c) => conditions[c.key].category === 'oncology'),
    );
    expect(cancer.length).toBeGreaterThan(5);
    const genes = cancer
      .flatMap((x) => x.notes.flatMap((n) => n.entities))
      .filter((e) => e.type === 'Gene');
    expect(genes.length).toBeGreaterThan(0);
    const variantRelations = cancer
      .flatMap((x) => x.notes)
      .flatMap((n) => n.relations.filter((r) => n.entities[r.head]!.type === 'Variant'));
    expect(variantRelations.every((r) => r.type === 'associated_with')).toBe(true);
  });

  it('uses every assertion and relation type the extract contract defines, except interacts', () => {
    const entities = allNotes.flatMap((n) => n.entities);
    const assertions = new Set(entities.map((e) => e.assertion));
    expect([...assertions].sort()).toEqual([
      'family',
      'historical',
      'hypothetical',
      'negated',
      'possible',
      'present',
    ]);
    const types = new Set(entities.map((e) => e.type));
    expect(types.size).toBe(8);
    const relations = new Set(allNotes.flatMap((n) => n.relations.map((r) => r.type)));
    expect([...relations].sort()).toEqual(['associated_with', 'causes', 'treats']);
  });

  it('is deterministic: the same patient and seed give identical notes, another seed different ones', () => {
    const patient = patients[7]!;
    expect(generateNotes(patient, new Rng(99, 7))).toEqual(generateNotes(patient, new Rng(99, 7)));
    expect(generateNotes(patient, new Rng(100, 7))[0]!.text).not.toBe(
      generateNotes(patient, new Rng(99, 7))[0]!.text,
    );
  });

  it('does not advance the caller stream', () => {
    const rng = new Rng(5);
    generateNotes(patients[3]!, rng);
    expect(rng.next()).toBe(new Rng(5).next());
  });
});

describe('Function: emsShare', () => {
  const visit = (extra: Partial<TrueEncounter>): TrueEncounter => ({
    id: 'e',
    kind: 'emergency',
    start: '2025-01-01T10:00:00-05:00',
    end: '2025-01-01T14:00:00-05:00',
    noteKinds: ['history-and-physical'],
    ...extra,
  });
  const byComplaint = (table: typeof adultPresentations | typeof childPresentations) =>
    Object.entries(table).map(([name, row]) => ({
      name,
      weight: row.ed,
      share: emsShare(visit({ presentation: row.presentation })),
    }));

  it('brings strokes and MIs by ambulance mostly, a sore throat, an earache or a rash hardly ever', () => {
    expect(emsShare(visit({ reason: 'stroke' }))).toBeGreaterThanOrEqual(0.5);
    expect(emsShare(visit({ reason: 'myocardial-infarction' }))).toBeGreaterThanOrEqual(0.5);
    for (const { name, share } of [
      ...byComplaint(adultPresentations),
      ...byComplaint(childPresentations),
    ])
      if (['soreThroat', 'earPain', 'rash'].includes(name)) expect(share, name).toBeLessThan(0.05);
  });

  it('draws the ED arrival by that share', () => {
    const byEms = (encounter: TrueEncounter) =>
      Array.from({ length: 2000 }, (_, i) => arrivalOf(encounter, new Rng(7, i))).filter(
        (a) => a.mode === 'ems',
      ).length / 2000;
    expect(byEms(visit({ reason: 'stroke' }))).toBeGreaterThan(0.5);
    expect(byEms(visit({ presentation: adultPresentations.soreThroat.presentation }))).toBeLessThan(
      0.06,
    );
  });

  it('keeps the share of complaint visits by ambulance near the 15% of all ED visits (NHAMCS 2006)', () => {
    const rows = byComplaint(adultPresentations);
    const total = rows.reduce((a, r) => a + r.weight, 0);
    const share = rows.reduce((a, r) => a + r.weight * r.share, 0) / total;
    expect(share).toBeGreaterThan(0.08);
    expect(share).toBeLessThan(0.2);
  });
});
