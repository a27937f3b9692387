// Tests (synth/notes): how notes weigh a pulmonary embolism against the D-dimer the encounter drew.
// Until generator 1.6.x every ruled-out PE rested on a CTPA and none on a D-dimer; now a D-dimer under
// the age-adjusted cut-off rules it out with no CTPA (ADJUST-PE, Righini M et al., JAMA 2014;311:1117;
// 2019 ESC PE guideline section 4.3) and a positive one leads to the CTPA. Each check fails under the
// mutations named in the report of the change that added it.
import { describe, expect, it } from 'vitest';
import { measurements } from '../catalog';
import { renderCohortPatient } from '../cohort';
import { ageAt } from './context';
import { differentials, procedures } from './lexicon/clinical';
import { lineOf, notesInContext, type NoteInContext } from './realism.test-helper';

const options = {
  patients: 1200,
  seed: 4417,
  hospital: 'pe',
  dirtyRate: 0,
  asOf: '2026-01-01',
};
const all = notesInContext(
  Array.from({ length: options.patients }, (_, i) => renderCohortPatient(options, i)),
);

const peCode = differentials.pulmonaryEmbolism.code;
const ctpaCode = procedures.ctpa.code;
const ddimerCode = measurements.ddimer.loinc;

/** The published cut-off, written out here: 500 ng/mL FEU to 50 years, age x 10 above (ADJUST-PE). */
const cutoff = (age: number) => (age > 50 ? age * 10 : 500);

/** The encounter's D-dimer and whether it is under the cut-off of the age on arrival. */
function ddimerOf({ patient, encounter }: NoteInContext) {
  const draw = patient.measurements.find(
    (m) => m.key === 'ddimer' && m.encounterId === encounter.id,
  );
  if (!draw) return undefined;
  const age = ageAt(patient.demographics.birthDate, encounter.start.slice(0, 10)).years;
  return { value: draw.value, negative: draw.value < cutoff(age) };
}

const weighedPe = (n: NoteInContext) =>
  n.note.entities.filter(
    (e) => e.type === 'Disease' && e.code === peCode && e.assertion !== 'present',
  );

describe('Synthetic notes: PE against the D-dimer', () => {
  it('weigh a PE only where the encounter drew a D-dimer', () => {
    let weighed = 0;
    for (const n of all) {
      for (const e of weighedPe(n)) {
        expect(ddimerOf(n), `${n.note.id}: ${lineOf(n.text, e)}`).toBeDefined();
        weighed++;
      }
    }
    expect(weighed).toBeGreaterThan(20);
  });

  it('rule a PE out by a D-dimer under the cut-off with no CTPA, or by a CTPA after a positive one', () => {
    let byDdimer = 0;
    let byCtpa = 0;
    for (const n of all) {
      const ddimer = ddimerOf(n);
      for (const e of weighedPe(n)) {
        if (e.assertion !== 'negated' || !ddimer) continue;
        const line = `${n.note.id}: ${lineOf(n.text, e)}`;
        const ctpa = n.note.entities.some(
          (p) => p.type === 'Procedure' && p.code === ctpaCode && p.assertion === 'present',
        );
        const named = n.note.entities.some((p) => p.type === 'LabTest' && p.code === ddimerCode);
        if (ddimer.negative) {
          expect(ctpa, line).toBe(false);
          // The discharge summary weighs no differential; every other note shows the D-dimer.
          expect(named, line).toBe(true);
          byDdimer++;
        } else {
          expect(ctpa, line).toBe(true);
          byCtpa++;
        }
      }
    }
    expect(byDdimer).toBeGreaterThan(5);
    expect(byCtpa).toBeGreaterThan(5);
  });

  it('do a CTPA only after a positive D-dimer, and leave no PE possible beside a negative one', () => {
    let ctpas = 0;
    for (const n of all) {
      const ddimer = ddimerOf(n);
      for (const p of n.note.entities) {
        if (p.type !== 'Procedure' || p.code !== ctpaCode || p.assertion !== 'present') continue;
        expect(ddimer?.negative, `${n.note.id}: ${lineOf(n.text, p)}`).toBe(false);
        ctpas++;
      }
      for (const e of weighedPe(n))
        if (e.assertion === 'possible')
          expect(ddimer?.negative, `${n.note.id}: ${lineOf(n.text, e)}`).toBe(false);
    }
    expect(ctpas).toBeGreaterThan(5);
  });

  it('write the value and the cut-off the state holds in the PE work-up line', () => {
    let lines = 0;
    for (const n of all) {
      const ddimer = ddimerOf(n);
      if (!ddimer) continue;
      const age = ageAt(n.patient.demographics.birthDate, n.encounter.start.slice(0, 10)).years;
      for (const line of n.note.text.split('\n')) {
        const m = /d-dimer[^.\n]*? (\d+) ng\/mL FEU[^.\n]*?cut-off of (\d+)/i.exec(line);
        if (!m) continue;
        expect([Number(m[1]), Number(m[2])], `${n.note.id}: ${line}`).toEqual([
          ddimer.value,
          cutoff(age),
        ]);
        lines++;
      }
    }
    expect(lines).toBeGreaterThan(10);
  });
});
