// Tests (synth/notes): a cancer is written as a cancer (1.6.0). Each check fails on 1.5.0, where a stage
// IV breast cancer was "controlled", "continue to monitor; no changes at this time", "followed by PCP",
// had a lumpectomy, and its follow-up 18 years on presented with a "breast lump x 4 days".
import { describe, expect, it } from 'vitest';
import { renderCohortPatient } from '../cohort';
import type { CohortOptions, SynthNote, SynthPatient, TrueCondition } from '../model';
import { generatePatientState } from '../state/patient';
import { cancerKeys, cancerPhase } from './cancer';
import { daysBetween, shiftDate } from './context';
import { conditionForCode } from './lexicon/conditions';
import { symptoms } from './lexicon/symptoms';

const options: CohortOptions = {
  patients: 8000,
  seed: 31,
  hospital: 'cancer',
  dirtyRate: 0,
  asOf: '2026-01-01',
};

/** The cancer patients of the cohort (state first, so that only they are rendered). */
const cohort: { patient: SynthPatient; notes: SynthNote[] }[] = [];
for (let i = 0; i < options.patients; i++) {
  const state = generatePatientState(options, i);
  if (state.conditions.some((c) => cancerKeys.has(c.key)))
    cohort.push(renderCohortPatient(options, i));
}

/** Each cancer mention of a note with the rest of its line, and the cancer it names. */
function cancerLines(
  patient: SynthPatient,
  note: SynthNote,
): { condition: TrueCondition; line: string }[] {
  const out: { condition: TrueCondition; line: string }[] = [];
  for (const e of note.entities) {
    if (e.type !== 'Disease' || e.assertion !== 'present') continue;
    const key = conditionForCode(e.code);
    const condition = patient.conditions.find((c) => c.key === key && cancerKeys.has(c.key));
    if (!condition) continue;
    const end = note.text.indexOf('\n', e.end);
    out.push({ condition, line: note.text.slice(e.end, end < 0 ? undefined : end).toLowerCase() });
  }
  return out;
}

const daysAfter = (iso: string, days: number) => shiftDate(iso.slice(0, 10), days);

const chronicWording =
  /^[^.;\n]{0,40}?\b(?:controlled|no changes|continue to monitor|followed by pcp)\b/;

describe('Synthetic notes: cancers', () => {
  it('has enough cancer patients to judge', () => {
    expect(cohort.length).toBeGreaterThan(60);
  });

  it('never calls a cancer "controlled" or plans "no changes" or "continue to monitor" for it', () => {
    const bad: string[] = [];
    let lines = 0;
    for (const { patient, notes } of cohort)
      for (const note of notes)
        for (const { line } of cancerLines(patient, note)) {
          lines++;
          if (chronicWording.test(line)) bad.push(line);
        }
    expect(lines).toBeGreaterThan(200);
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it('follows active cancers with oncology and puts treated early ones on surveillance', () => {
    const wrong: string[] = [];
    let active = 0;
    let surveillance = 0;
    for (const { patient, notes } of cohort)
      for (const note of notes)
        for (const { condition, line } of cancerLines(patient, note)) {
          const phase = cancerPhase(condition, note.date);
          if (phase === 'active' && /oncology|systemic|treatment/.test(line)) active++;
          if (phase === 'surveillance' && /surveillance|remission|no evidence/.test(line))
            surveillance++;
          if (
            phase !== 'surveillance' &&
            /remission|no evidence of (?:recurrence|disease)/.test(line)
          )
            wrong.push(`${condition.severity} ${condition.onset} ${note.date}: ${line}`);
          if (phase === 'surveillance' && /metastatic|systemic therapy/.test(line))
            wrong.push(`${condition.severity} ${condition.onset} ${note.date}: ${line}`);
        }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(active).toBeGreaterThan(10);
    expect(surveillance).toBeGreaterThan(30);
  });

  it("presents a cancer's diagnostic finding only around its diagnosis, not at later visits", () => {
    const diagnostic = new Set<string>([
      symptoms.breastLump.code,
      symptoms.bloodInStool.code,
      symptoms.hemoptysis.code,
    ]);
    const late: string[] = [];
    let laterVisits = 0;
    for (const { patient, notes } of cohort) {
      for (const note of notes) {
        const encounter = patient.encounters.find((e) => e.id === note.encounterId)!;
        const cancer = patient.conditions.find((c) => c.key === encounter.reason);
        if (!cancer || !cancerKeys.has(cancer.key)) continue;
        if (daysBetween(cancer.onset, encounter.start.slice(0, 10)) <= 30) continue;
        laterVisits++;
        for (const e of note.entities)
          if (e.type === 'Symptom' && e.assertion === 'present' && diagnostic.has(e.code ?? ''))
            late.push(
              `${cancer.key} ${cancer.onset} seen ${encounter.start.slice(0, 10)}: ${e.text}`,
            );
      }
    }
    expect(laterVisits).toBeGreaterThan(50);
    expect(late.slice(0, 5)).toEqual([]);
  });

  it('gives no breast surgery to a stage IV breast cancer and no screening for the cancer a patient has', () => {
    const wrong: string[] = [];
    for (const { patient, notes } of cohort) {
      const breast = patient.conditions.find((c) => c.key === 'breast-cancer');
      for (const note of notes) {
        const text = note.text.toLowerCase();
        if (breast?.severity === 'IV' && /lumpectomy|mastectomy/.test(text))
          wrong.push(`stage IV breast cancer with breast surgery: ${note.id}`);
        const known = breast !== undefined && breast.onset.slice(0, 10) < note.date.slice(0, 10);
        if (known && /(?:due|overdue) for (?:a )?(?:screening )?mammo/.test(text))
          wrong.push(`breast cancer due for screening mammogram: ${note.id}`);
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it('gives a colorectal cancer of stage I-III its colectomy, in notes after the operation only (1.7.0: none had one)', () => {
    const partialColectomy = '43075005';
    const wrong: string[] = [];
    let resected = 0;
    let told = 0;
    for (const { patient, notes } of cohort) {
      const colorectal = patient.conditions.find((c) => c.key === 'colorectal-cancer');
      const operated =
        colorectal && colorectal.severity !== 'IV' ? daysAfter(colorectal.onset, 21) : undefined;
      const later = notes.filter((n) => operated !== undefined && n.date.slice(0, 10) >= operated);
      if (later.some((n) => /past surgical history|surgical history|\bpshx?\b/i.test(n.text))) {
        resected++;
        if (later.some((n) => n.entities.some((e) => e.code === partialColectomy))) told++;
      }
      for (const note of notes) {
        if (!note.entities.some((e) => e.code === partialColectomy)) continue;
        if (operated === undefined || note.date.slice(0, 10) < operated)
          wrong.push(`${note.id}: colectomy ${operated ?? 'never done'} in a note of ${note.date}`);
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(resected).toBeGreaterThan(5);
    expect(told / resected).toBeGreaterThan(0.8);
  });
});
