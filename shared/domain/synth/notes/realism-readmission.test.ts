// Tests (synth/notes): notes agree with the FHIR Condition's course, and a readmission reads as one.
// Until generator 1.15.0 notes called every acute condition present for 30 days after onset while the
// Condition abated at 10 (otitis media), 28 (MI, stroke) or 90 days (DVT), and a readmission after a
// stroke "presented with weakness and slurred speech", a new stroke.
import type { Condition } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { renderCohortPatient, type RenderedPatient } from '../cohort';
import { generatePatientState } from '../state/patient';
import { conditionForCode } from './lexicon/conditions';
import { reasonSymptoms, symptoms } from './lexicon/symptoms';
import { withoutPhi } from './realism.test-helper';

const options = {
  patients: 4000,
  seed: 61,
  hospital: 'readmission',
  dirtyRate: 0,
  asOf: '2026-01-01',
};

/** The first 300 patients, and every patient of the 4,000 readmitted after a stay for an MI or stroke. */
const acute = new Set(['myocardial-infarction', 'stroke']);
const readmitted = Array.from({ length: options.patients }, (_, i) => i).filter((i) =>
  generatePatientState(options, i).encounters.some(
    (e) => e.readmission && e.reason !== undefined && acute.has(e.reason),
  ),
);
const indices = [...new Set([...Array.from({ length: 300 }, (_, i) => i), ...readmitted])];
const cohort: RenderedPatient[] = indices.map((i) => renderCohortPatient(options, i));

describe('notes against the FHIR Conditions', () => {
  /** Each note mention of a condition the patient has, with the Condition's abatement (if resolved). */
  const mentions = cohort.flatMap(({ patient, notes, ndjson }) => {
    const resources = (ndjson.get('Condition.ndjson') ?? []).map(
      (line) => JSON.parse(line as string) as Condition,
    );
    // A condition's own entries come first, in order; after them only combination entries (I11.0,
    // I12.-, I13.-, E1x.22, generator 1.17.0), which carry no abatement of their own.
    const combinations = resources.slice(patient.conditions.length);
    expect(resources.length).toBeGreaterThanOrEqual(patient.conditions.length);
    for (const c of combinations) {
      const icd = c.code?.coding?.find((x) => x.system === 'http://hl7.org/fhir/sid/icd-10-cm');
      expect(icd?.code).toMatch(/^(?:I11\.0|I12\.[09]|I13\.(?:0|2)|E1[01]\.22)$/);
    }
    const abatement = new Map(
      patient.conditions.map((c, i) => [c.key, resources[i]!.abatementDateTime] as const),
    );
    return notes.flatMap((note) =>
      note.entities
        .filter((e) => e.type === 'Disease')
        .map((e) => ({ key: conditionForCode(e.code), assertion: e.assertion, note }))
        .filter((m) => m.key !== undefined && abatement.has(m.key))
        .map((m) => ({
          ...m,
          date: m.note.date.slice(0, 10),
          abated: abatement.get(m.key!),
          file: `${m.note.id} ${m.key}`,
        })),
    );
  });

  it('reads resolved conditions of many notes', () => {
    expect(mentions.filter((m) => m.abated !== undefined).length).toBeGreaterThan(300);
  });

  it('calls a condition present only up to the day its Condition abated', () => {
    const late = mentions.filter(
      (m) => m.assertion === 'present' && m.abated !== undefined && m.date > m.abated,
    );
    expect(late.map((m) => `${m.file}: note ${m.date}, abated ${m.abated}`)).toEqual([]);
  });

  it('calls a condition history only after its Condition abated', () => {
    const early = mentions.filter(
      (m) => m.assertion === 'historical' && (m.abated === undefined || m.date <= m.abated),
    );
    expect(early.map((m) => `${m.file}: note ${m.date}, abated ${m.abated}`)).toEqual([]);
  });
});

describe('readmissions after an MI or a stroke', () => {
  const stays = cohort.flatMap(({ patient, notes }) =>
    patient.encounters
      .filter((e) => e.readmission && e.reason !== undefined && acute.has(e.reason))
      .map((encounter) => ({
        patient,
        encounter,
        notes: notes.filter((n) => n.encounterId === encounter.id),
      })),
  );

  it('marks the readmission stay in the truth, on the outcome day', () => {
    expect(stays.length).toBeGreaterThanOrEqual(5);
    for (const { patient, encounter } of stays) {
      expect(patient.outcomes.readmission30d?.eventDate).toBe(encounter.start.slice(0, 10));
    }
  });

  it('tells a return after the earlier stay, not a new event', () => {
    for (const { encounter, notes } of stays) {
      const onsetOnly = new Set(
        (reasonSymptoms[encounter.reason!] ?? [])
          .filter((s) => s !== 'weakness' && s !== 'dyspnea' && s !== 'chestPain')
          .map((s) => symptoms[s].code),
      );
      for (const note of notes) {
        const text = withoutPhi(note);
        if (note.kind !== 'progress') expect(text, note.id).toMatch(/readmi/i);
        const newEvent = note.entities.filter(
          (e) => e.type === 'Symptom' && e.assertion === 'present' && onsetOnly.has(e.code ?? ''),
        );
        expect(newEvent.map((e) => `${note.kind}: ${e.text}`)).toEqual([]);
      }
    }
  });
});

describe('readmissions of children', () => {
  // Until 1.16.1 a child under 12's readmission H&P opened as a new presentation ("10 year old boy
  // with abd pain x 4 days"): the child openings were chosen before the readmission ones.
  const children = { ...options, patients: 3000, seed: 11 };
  const stays = Array.from({ length: children.patients }, (_, i) => i)
    .filter((i) => {
      const state = generatePatientState(children, i);
      return state.encounters.some((e) => e.readmission) && state.demographics.ageYears < 12;
    })
    .flatMap((i) => {
      const { patient, notes } = renderCohortPatient(children, i);
      return patient.encounters
        .filter((e) => e.readmission)
        .map((encounter) => notes.filter((n) => n.encounterId === encounter.id));
    });

  it("tells a child's readmission as a return after the earlier stay", () => {
    expect(stays.length).toBeGreaterThanOrEqual(2);
    for (const notes of stays)
      for (const note of notes)
        if (note.kind !== 'progress') expect(withoutPhi(note), note.id).toMatch(/readmi/i);
  });
});
