// Tests (synth/notes): the labs behind what the notes of real generated patients say. A note that weighs
// ACS or MI has the troponin that rules it in or out; troponin and UACR are named and flagged as a lab
// prints them; a child's ED note without blood tests shows none. Each fails on generator 1.5.0 before
// these fixes (no troponin drawn at all; every child in the ED had a basic metabolic panel).
import { describe, expect, it } from 'vitest';
import { renderCohortPatient } from '../cohort';
import type { EntitySpan, SynthNote, SynthPatient, TrueMeasurement } from '../model';
import { measurements } from '../catalog';
import { troponinUrl } from '../state/cardiac-markers';
import { measurementTerms } from './lexicon/measurements';
import { acsWeighed, ageOn } from './realism.test-helper';

const options = {
  patients: 900,
  seed: 8958,
  hospital: 'labs',
  dirtyRate: 0,
  asOf: '2026-01-01',
};
const cohort = Array.from({ length: options.patients }, (_, i) => renderCohortPatient(options, i));

interface Read {
  patient: SynthPatient;
  note: SynthNote;
  age: number;
  kind: string;
  labs: TrueMeasurement[];
}

const reads: Read[] = cohort.flatMap(({ patient, notes }) =>
  notes.map((note) => ({
    patient,
    note,
    age: ageOn(patient.demographics.birthDate, note.date),
    kind: patient.encounters.find((e) => e.id === note.encounterId)!.kind,
    labs: patient.measurements.filter(
      (m) => m.encounterId === note.encounterId && measurements[m.key].category === 'laboratory',
    ),
  })),
);

/** The value and flag written right after a lab name ("hs-TnI 48 ng/L (H)", "troponin was 48, elevated"). */
function valueAfter(note: SynthNote, entity: EntitySpan) {
  const match =
    /^(?::\s|-|\s|\sof\s|\swas\s|\sis\s)(\d+)(?:\s?(?:ng\/L|mg\/g))?( \(H\)| H|\*|, elevated)?/.exec(
      note.text.slice(entity.end),
    );
  return match ? { value: Number(match[1]), flagged: match[2] !== undefined } : undefined;
}

const labEntities = (code: string) =>
  reads.flatMap((r) =>
    r.note.entities
      .filter((e) => e.type === 'LabTest' && e.code === code && e.assertion === 'present')
      .map((entity) => ({ ...r, entity })),
  );

describe('Notes: labs behind the assessment', () => {
  it('has a troponin behind every ED or ward note that weighs ACS or MI', () => {
    // Prepare
    const weighing = reads.filter(
      (r) => (r.kind === 'emergency' || r.kind === 'inpatient') && acsWeighed(r.note).length > 0,
    );

    // Act
    const without = weighing.filter((r) => !r.labs.some((m) => m.key === 'troponin'));

    // Assess
    expect(weighing.length).toBeGreaterThan(20);
    expect(without.map((r) => `${r.note.kind} ${r.note.encounterId}`)).toEqual([]);
  });
});

describe('Notes: the labs section (hs troponin I and UACR)', () => {
  it('names troponin and UACR with their terms, linked to the catalog LOINC', () => {
    // Prepare
    const names = (key: 'troponin' | 'uacr') =>
      new Set(
        [...measurementTerms[key]!.terms, ...measurementTerms[key]!.short].map((t) =>
          t.toLowerCase(),
        ),
      );
    const troponin = labEntities(measurements.troponin.loinc);
    const uacr = labEntities(measurements.uacr.loinc);

    // Act: typos and abbreviation noise aside (a few per hundred names), the surfaces are lexicon terms.
    const plain = (list: typeof troponin, key: 'troponin' | 'uacr') =>
      list.filter(({ entity }) => names(key).has(entity.text.toLowerCase())).length / list.length;

    // Assess
    expect(troponin.length).toBeGreaterThan(20);
    expect(uacr.length).toBeGreaterThan(20);
    expect(plain(troponin, 'troponin')).toBeGreaterThan(0.9);
    expect(plain(uacr, 'uacr')).toBeGreaterThan(0.9);
  });

  it('flags troponin above the sex-specific URL only, and UACR from 30 mg/g only', () => {
    // Prepare
    const shown = (code: string) =>
      labEntities(code)
        .map((r) => ({ ...r, shown: valueAfter(r.note, r.entity) }))
        .filter((r) => r.shown !== undefined);
    const troponin = shown(measurements.troponin.loinc);
    const uacr = shown(measurements.uacr.loinc);

    // Act
    const wrongTroponin = troponin.filter(
      (r) => r.shown!.flagged && r.shown!.value <= troponinUrl[r.patient.demographics.sex],
    );
    const flaggedHigh = troponin.filter(
      (r) => r.shown!.flagged && r.shown!.value > troponinUrl[r.patient.demographics.sex],
    );
    const wrongUacr = uacr.filter((r) => r.shown!.flagged && r.shown!.value < 30);

    // Assess
    expect(troponin.length).toBeGreaterThan(20);
    expect(flaggedHigh.length).toBeGreaterThan(0);
    expect(wrongTroponin.map((r) => r.note.text.slice(r.entity.start, r.entity.end + 20))).toEqual(
      [],
    );
    expect(wrongUacr.map((r) => r.note.text.slice(r.entity.start, r.entity.end + 20))).toEqual([]);
  });
});

describe('Notes: a child in the ED without blood tests', () => {
  it('exists, and its notes show no lab results and no "BMP"', () => {
    // Prepare
    const children = reads.filter((r) => r.kind === 'emergency' && r.age < 18);
    const unbled = children.filter((r) => r.labs.length === 0);

    // Act
    const claiming = unbled.filter(
      (r) =>
        /\bBMP\b/.test(r.note.text) ||
        r.note.entities.some(
          (e) =>
            e.type === 'LabTest' &&
            e.code !== undefined &&
            measurements.troponin.loinc !== e.code &&
            isChemistry(e.code),
        ),
    );

    // Assess
    expect(children.length).toBeGreaterThan(20);
    expect(unbled.length / children.length).toBeGreaterThan(0.5);
    expect(claiming.map((r) => r.note.text.slice(0, 80))).toEqual([]);
  });
});

describe('Notes: what the labs are called', () => {
  it('head labs "BMP" only over a metabolic panel, and call labs "reassuring" only when blood was drawn', () => {
    const bmp = new Set(['glucoseMass', 'creatinine', 'egfr', 'potassium']);
    let headed = 0;
    let reassuring = 0;
    for (const r of reads) {
      for (const m of r.note.text.matchAll(/\bBMP(?:\/lipids)? \(/g)) {
        const panel = r.labs.map((x) => x.key).filter((k) => bmp.has(k));
        expect(panel, `${r.note.id}: ${r.note.text.slice(m.index, m.index + 60)}`).not.toEqual([]);
        headed++;
      }
      if (/labs reassuring/i.test(r.note.text)) {
        expect(r.labs.length, r.note.id).toBeGreaterThan(0);
        reassuring++;
      }
    }
    expect(headed).toBeGreaterThan(20);
    expect(reassuring).toBeGreaterThan(3);
  });
});

/** A LOINC of a laboratory measurement of the catalog (not a vital sign or score). */
function isChemistry(code: string): boolean {
  return Object.values(measurements).some((d) => d.loinc === code && d.category === 'laboratory');
}
