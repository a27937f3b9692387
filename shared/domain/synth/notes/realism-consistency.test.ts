// Tests (synth/notes): the notes of real generated patients agree with each other and with what they
// show: study results and sides are the encounter's and the patient's in every note, a brand names the
// patient's formulation, a stroke or PE is ruled out only beside its negative study, lists inside a
// sentence take no semicolons and an A/P keeps to one numbering style. Generator 1.5.0 fixed each
// (each check fails on 1.4.0 and on the first 1.5.0 drafts).
import { describe, expect, it } from 'vitest';
import { renderCohortPatient } from '../cohort';
import { conditions, measurements, type ConditionKey } from '../catalog';
import type { EntitySpan, SynthNote, SynthPatient, TrueEncounter, TrueMedication } from '../model';
import { Rng } from '../rng';
import { shiftDate } from './context';
import { generateNotes } from './generate';
import { brandNames } from './lexicon/drugs';
import { anatomy, differentials, procedures } from './lexicon/clinical';
import { notesInContext, type NoteInContext } from './realism.test-helper';

const options = {
  patients: 500,
  seed: 73,
  hospital: 'encounters',
  dirtyRate: 0,
  asOf: '2026-01-01',
};
const cohort = Array.from({ length: options.patients }, (_, i) => renderCohortPatient(options, i));

const all = notesInContext(cohort);

/**
 * Admissions and ED visits for a reason the cohort rarely brings to hospital (a lung or breast cancer,
 * otitis media), added to real cohort patients who have (or, for otitis media, could have) the
 * condition, so the cross-note checks see enough of them: two 3-day stays of three notes each and an
 * ED visit per patient, notes rendered by the generator itself.
 */
function withVisits(patient: SynthPatient, reason: ConditionKey, from: string): SynthPatient {
  const day = (offset: number): string => shiftDate(from, offset);
  const conditions = patient.conditions.some((x) => x.key === reason)
    ? patient.conditions
    : [...patient.conditions, { key: reason, onset: from, status: 'active' as const }];
  const stay = (offset: number, n: number): TrueEncounter => ({
    id: `${patient.id}-${reason}-${n}`,
    kind: 'inpatient',
    start: `${day(offset)}T09:00:00-05:00`,
    end: `${day(offset + 3)}T13:00:00-05:00`,
    reason,
    noteKinds: ['history-and-physical', 'progress', 'discharge-summary'],
  });
  return {
    ...patient,
    conditions,
    encounters: [
      stay(10, 1),
      stay(60, 2),
      {
        id: `${patient.id}-${reason}-ed`,
        kind: 'emergency',
        start: `${day(120)}T20:00:00-05:00`,
        end: `${day(120)}T23:00:00-05:00`,
        reason,
        noteKinds: ['history-and-physical'],
      },
    ],
  };
}

/** Notes of the added visits, for every cohort patient `pick` accepts (returning the first day). */
function addedVisits(reason: ConditionKey, pick: (p: SynthPatient) => string | undefined) {
  return notesInContext(
    cohort.flatMap(({ patient }, i) => {
      const from = pick(patient);
      if (!from) return [];
      const visited = withVisits(patient, reason, from);
      return [{ patient: visited, notes: generateNotes(visited, new Rng(options.seed, i, 0xc0)) }];
    }),
  );
}

const onsetOf = (key: ConditionKey) => (p: SynthPatient) =>
  p.conditions.find((x) => x.key === key)?.onset;
const cancerVisits = [
  // The cohort has few lung cancers: adults of 55 and over (one in four) get one diagnosed in 2025.
  ...addedVisits(
    'lung-cancer',
    (p) =>
      onsetOf('lung-cancer')(p) ??
      (p.demographics.ageYears >= 55 && p.id < '4' ? '2025-02-01' : undefined),
  ),
  ...addedVisits('breast-cancer', onsetOf('breast-cancer')),
];
// Children of 1 to 8 at the visits (born 2017-2024 in a cohort as of 2026-01-01).
const otitisVisits = addedVisits('otitis-media', (p) => {
  const born = p.demographics.birthDate;
  return born >= '2017-01-01' && born <= '2023-06-30' ? shiftDate(born, 400) : undefined;
});

/** The line of `text` around offset `at` (without its newline). */
function lineAt(text: string, at: number): string {
  const from = text.lastIndexOf('\n', at - 1) + 1;
  const to = text.indexOf('\n', at);
  return text.slice(from, to < 0 ? undefined : to);
}

/** The sentence (to '.', ';' or a newline) that starts with the entity at `e`. */
function sentenceFrom(text: string, e: EntitySpan): string {
  const rest = text.slice(e.start);
  const end = rest.search(/\.(?:\s|$)|\n/);
  return end < 0 ? rest : rest.slice(0, end);
}

/**
 * The mentions of a note's workup and A/P: after its exam (its last Anatomy mention). The family
 * history, whose "no family history of stroke" denies the family's, comes before the exam.
 */
function afterExam(note: SynthNote): EntitySpan[] {
  const exam = note.entities.filter((e) => e.type === 'Anatomy').pop();
  return exam ? note.entities.filter((e) => e.start > exam.end) : [];
}

/** Groups `items` by `key`. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** Values the regex's first group captures in the sentences starting at `code`'s Procedure mentions. */
function studyValues(note: SynthNote, code: string, pattern: RegExp): string[] {
  const out: string[] = [];
  for (const e of note.entities) {
    if (e.type !== 'Procedure' || e.code !== code) continue;
    for (const m of sentenceFrom(note.text, e).matchAll(pattern)) out.push(m[1]!.toLowerCase());
  }
  return out;
}

/** Checks that every group has at most one distinct value; returns how many groups had two or more mentions. */
function expectOneValuePerGroup(
  groups: Map<string, { value: string; where: string }[]>,
  what: string,
): number {
  let repeated = 0;
  for (const [id, mentions] of groups) {
    const values = new Set(mentions.map((m) => m.value));
    expect(
      values.size,
      `${what} in ${id}: ${mentions.map((m) => `${m.where} "${m.value}"`).join(', ')}`,
    ).toBe(1);
    if (mentions.length > 1) repeated++;
  }
  return repeated;
}

describe('Study results in the notes of generated patients, generator 1.5.0', () => {
  const byEncounter = groupBy([...all, ...cancerVisits, ...otitisVisits], (x) => x.encounter.id);

  /** Per encounter, each value `read` finds in its notes. */
  function perEncounter(
    read: (x: NoteInContext) => string[],
  ): Map<string, { value: string; where: string }[]> {
    const out = new Map<string, { value: string; where: string }[]>();
    for (const [id, notes] of byEncounter) {
      const mentions = notes.flatMap((x) =>
        read(x).map((value) => ({ value, where: `${x.note.kind} ${x.note.id.slice(0, 8)}` })),
      );
      if (mentions.length > 0) out.set(id, mentions);
    }
    return out;
  }

  it('report one LVEF per encounter in all its notes (1.4.0: "EF 25%" in the H&P, "EF 35%" at discharge)', () => {
    const echo = procedures.echo.code;
    const groups = perEncounter(({ note }) =>
      studyValues(note, echo, /\bEF (\d+)%/g).concat(studyValues(note, echo, /LVEF \((\d+)%\)/g)),
    );
    expect(expectOneValuePerGroup(groups, 'LVEF')).toBeGreaterThan(5);
  });

  it('report one FEV1/FVC, one FEV1 % predicted and one reversibility per encounter', () => {
    const spirometry = procedures.spirometry.code;
    let repeated = 0;
    for (const [pattern, what] of [
      [/FEV1\/FVC (0\.\d+)/g, 'FEV1/FVC'],
      [/FEV1 (\d+)% predicted/g, 'FEV1 % predicted'],
      [/with ((?:partially )?reversible|fixed) airflow/g, 'reversibility'],
    ] as const) {
      repeated += expectOneValuePerGroup(
        perEncounter(({ note }) => studyValues(note, spirometry, pattern)),
        what,
      );
    }
    expect(repeated).toBeGreaterThan(3);
  });

  it("keep a lung mass and a breast mass on the patient's one side in every note (1.4.0: the mass changed sides)", () => {
    // The added visits' notes come from another stream: grouped apart from the patient's own.
    const byPatient = new Map([
      ...groupBy(all, (x) => x.patient.id),
      ...groupBy(cancerVisits, (x) => `added ${x.patient.id}`),
    ]);
    const lung = new Map<string, { value: string; where: string }[]>();
    const breast = new Map<string, { value: string; where: string }[]>();
    for (const [id, notes] of byPatient) {
      const lungSides: { value: string; where: string }[] = [];
      const breastSides: { value: string; where: string }[] = [];
      for (const { note } of notes) {
        const where = `${note.kind} ${note.id.slice(0, 8)}`;
        for (const value of studyValues(
          note,
          procedures.chestXray.code,
          /\b(right|left) upper lobe/g,
        ))
          lungSides.push({ value, where });
        // The breast mentions of the exam and of the mammogram ("in the left breast", "Right breast with").
        for (const e of note.entities) {
          if (e.type !== 'Anatomy' || e.code !== anatomy.breast.code) continue;
          const before = note.text.slice(Math.max(0, e.start - 6), e.start).toLowerCase();
          const side = /\b(right|left) $/.exec(before)?.[1];
          if (side) breastSides.push({ value: side, where });
        }
      }
      if (lungSides.length > 0) lung.set(id, lungSides);
      if (breastSides.length > 0) breast.set(id, breastSides);
    }
    expect(expectOneValuePerGroup(lung, 'lung mass side')).toBeGreaterThan(0);
    expect(expectOneValuePerGroup(breast, 'breast side')).toBeGreaterThan(0);
    expect(lung.size + breast.size).toBeGreaterThan(3);
  });

  it('report one BI-RADS category per encounter', () => {
    const groups = perEncounter(({ note }) =>
      studyValues(note, procedures.mammogram.code, /BI-RADS (\d)/g),
    );
    expectOneValuePerGroup(groups, 'BI-RADS');
    expect(groups.size).toBeGreaterThan(0);
  });

  it('give an otitis media one side in every mention of an encounter (1.4.0: "right otitis media", then "bilateral")', () => {
    const code = conditions['otitis-media'].snomed.code;
    let sided = 0;
    const groups = perEncounter(({ note }) => {
      const sides: string[] = [];
      for (const e of note.entities) {
        if (e.type !== 'Disease' || e.code !== code || e.assertion !== 'present') continue;
        const before = note.text.slice(Math.max(0, e.start - 10), e.start).toLowerCase();
        const side = /\b(right|left|bilateral) $/.exec(before)?.[1];
        if (side) sides.push(side);
      }
      sided += sides.length;
      return sides;
    });
    expect(expectOneValuePerGroup(groups, 'otitis media side')).toBeGreaterThan(5);
    expect(sided).toBeGreaterThan(20);
  });
});

describe('Brand names in the notes of generated patients, generator 1.5.0', () => {
  const med = (key: string, display: string, code: string): TrueMedication => ({
    key,
    rxnorm: { system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code, display },
    indication: 'adhd',
    doseText: '10 mg',
    doseQuantity: { value: 10, unit: 'mg' },
    route: 'oral',
    start: '2020-01-01',
    adherence: 1,
    dispense: { quantity: 60, daysSupply: 30 },
  });

  it('name a formulation by its own brand (1.4.0: "Concerta" for immediate-release methylphenidate)', () => {
    const ir = med(
      'methylphenidate-10',
      'methylphenidate hydrochloride 10 MG Oral Tablet',
      '1091150',
    );
    const er = med(
      'methylphenidate-er-18',
      '24 HR methylphenidate hydrochloride 18 MG Extended Release Oral Tablet',
      '1091133',
    );
    expect(brandNames(ir)).toEqual(['Ritalin']);
    expect(brandNames(er)).toEqual(['Concerta']);
    const metforminEr = med(
      'metformin-er-500',
      '24 HR metformin hydrochloride 500 MG Extended Release Oral Tablet',
      '860975',
    );
    expect(brandNames(metforminEr)).toEqual(['Glucophage XR']);
    expect(
      brandNames(med('metformin-500', 'metformin hydrochloride 500 MG Oral Tablet', '861007')),
    ).toEqual(['Glucophage']);
    const succinate = med(
      'metoprolol-succinate-25',
      '24 HR metoprolol succinate 25 MG Extended Release Oral Tablet',
      '866427',
    );
    expect(brandNames(succinate)).toEqual(['Toprol-XL']);
  });

  it('write an extended-release brand only for an extended-release product, and an immediate-release one only for one', () => {
    const erOnly = new Set(['concerta', 'glucophage xr', 'toprol-xl', 'toprol xl']);
    const irOnly = new Set(['ritalin', 'glucophage', 'lopressor']);
    const extended = /\b(?:extended release|\d+ hr)\b/i;
    let checked = 0;
    for (const { note, patient } of all) {
      for (const e of note.entities) {
        if (e.type !== 'Chemical') continue;
        const name = e.text.toLowerCase();
        if (!erOnly.has(name) && !irOnly.has(name)) continue;
        const medication = patient.medications.find((m) => m.rxnorm.code === e.code);
        expect(medication, `${note.id}: ${e.text}`).toBeDefined();
        expect(
          extended.test(medication!.rxnorm.display),
          `${note.id}: ${e.text} for ${medication!.rxnorm.display}`,
        ).toBe(erOnly.has(name));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5);
  });
});

describe('Ruled-out emergencies in the notes of generated patients, generator 1.5.0', () => {
  const strokeCode = conditions.stroke.snomed.code;
  const peCode = differentials.pulmonaryEmbolism.code;
  const evidence: Record<string, string> = {
    [strokeCode]: procedures.ctHead.code,
    [peCode]: procedures.ctpa.code,
  };

  // Since 1.6.x a PE may also be ruled out by a D-dimer under its cut-off, with no CTPA (which
  // realism-pe.test.ts checks against the value).
  const ddimerCode = measurements.ddimer.loinc;

  it('rule out a stroke or a PE only beside a negative head CT or CTPA, or a PE beside a D-dimer (1.4.0: "PE ruled out" with no study)', () => {
    let ruledOut = 0;
    for (const { note, text } of all) {
      for (const e of afterExam(note)) {
        if (e.type !== 'Disease' || e.assertion !== 'negated' || !evidence[e.code ?? '']) continue;
        const study = note.entities.some(
          (p) =>
            (p.type === 'Procedure' && p.assertion === 'present' && p.code === evidence[e.code!]) ||
            (e.code === peCode && p.type === 'LabTest' && p.code === ddimerCode),
        );
        expect(study, `${note.id}: ${lineAt(text, e.start)}`).toBe(true);
        ruledOut++;
      }
    }
    expect(ruledOut).toBeGreaterThan(10);
  });

  it('leave no stroke or PE open in an ED note, and weigh none in a clinic note', () => {
    let ed = 0;
    for (const { note, encounter, text } of all) {
      const clinic = encounter.kind === 'ambulatory' || encounter.kind === 'wellness';
      for (const e of afterExam(note)) {
        if (e.type !== 'Disease' || !evidence[e.code ?? '']) continue;
        if (e.assertion !== 'possible' && e.assertion !== 'negated') continue;
        if (encounter.reason && conditions[encounter.reason].snomed.code === e.code) continue;
        if (encounter.kind === 'emergency') {
          expect(e.assertion, `${note.id}: ${lineAt(text, e.start)}`).toBe('negated');
          ed++;
        }
        if (clinic) expect(false, `${note.id}: ${lineAt(text, e.start)}`).toBe(true);
      }
    }
    expect(ed).toBeGreaterThan(5);
  });
});

describe('Lists and numbering in the notes of generated patients, generator 1.5.0', () => {
  it('join no symptoms of one list with semicolons (1.4.0: "Denies fever; chills.")', () => {
    let lists = 0;
    for (const { note } of all) {
      const symptoms = note.entities.filter((e) => e.type === 'Symptom');
      for (let i = 1; i < symptoms.length; i++) {
        const [a, b] = [symptoms[i - 1]!, symptoms[i]!];
        if (a.assertion !== b.assertion) continue;
        const gap = note.text.slice(a.end, b.start);
        if (gap === ', ' || gap === ' or ' || gap === ', or ' || gap === ' and ') lists++;
        expect(gap, `${note.id}: "${note.text.slice(a.start, b.end)}"`).not.toBe('; ');
      }
    }
    expect(lists).toBeGreaterThan(100);
  });

  it('keep one numbering style in an A/P (1.4.0: "1. CHF ..." then "# HTN: ...")', () => {
    let numbered = 0;
    for (const { note } of all) {
      if (note.kind === 'discharge-summary') continue;
      // The A/P follows the exam: its problem lines come after the exam's last Anatomy mention.
      const exam = note.entities.filter((e) => e.type === 'Anatomy').pop();
      if (!exam) continue;
      const marks = new Set<string>();
      for (const e of note.entities) {
        if (e.start < exam.end || (e.type !== 'Disease' && e.type !== 'Symptom')) continue;
        const lineStart = note.text.lastIndexOf('\n', e.start - 1) + 1;
        const mark = /^(#|\d+\.|\d+\)|-) $/.exec(note.text.slice(lineStart, e.start))?.[1];
        if (mark)
          marks.add(
            mark.startsWith('#')
              ? '#'
              : mark.endsWith('.')
                ? '1.'
                : mark.endsWith(')')
                  ? '1)'
                  : '-',
          );
      }
      expect([...marks], note.id).toHaveLength(Math.min(marks.size, 1));
      if (marks.size > 0) numbered++;
    }
    expect(numbered).toBeGreaterThan(100);
  });

  it('number the items of one list alike (1.4.0: "1." then "2)")', () => {
    let lists = 0;
    for (const { note } of all) {
      const lines = note.text.split('\n');
      for (let i = 1; i < lines.length; i++) {
        const a = /^(\d+)([.)]) /.exec(lines[i - 1]!);
        const b = /^(\d+)([.)]) /.exec(lines[i]!);
        if (!a || !b || Number(b[1]) !== Number(a[1]) + 1) continue;
        expect(b[2], `${note.id}: ${lines[i - 1]} / ${lines[i]}`).toBe(a[2]);
        lists++;
      }
    }
    expect(lists).toBeGreaterThan(50);
  });
});
