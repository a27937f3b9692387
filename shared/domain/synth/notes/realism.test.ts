// Tests (synth/notes): what the notes of real generated patients say about who the patient is, their
// smoking and their relatives' deaths agrees with the true state (generator 1.3.0 fixed all three).
import type { FamilyMemberHistory } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { renderCohortPatient } from '../cohort';
import type { FamilyHistoryEntry } from '../model';
import { patientRng } from '../rng';
import { ageOn, withoutPhi } from './realism.test-helper';
import { packYearsAt, patientFacts } from './context';
import { personWords } from './sections/history';

const options = { patients: 600, seed: 31, hospital: 'realism', dirtyRate: 0, asOf: '2026-01-01' };
const cohort = Array.from({ length: options.patients }, (_, i) => renderCohortPatient(options, i));

describe('Function: personWords', () => {
  it('gives children girl and boy words, and adults woman, man, lady and gentleman', () => {
    const adult = /^(woman|man|lady|gentleman)$/;
    for (const female of [true, false]) {
      for (const [years, months] of [
        [0, 0],
        [0, 7],
        [1, 14],
        [5, 60],
        [12, 150],
        [13, 160],
        [17, 210],
      ] as const) {
        const words = personWords(female, years, months);
        expect(words.some((w) => adult.test(w))).toBe(false);
        expect(words).toContain(female ? 'girl' : 'boy');
      }
      expect(personWords(female, 18, 216)).toContain(female ? 'woman' : 'man');
    }
    expect(personWords(true, 0, 7)).toContain('infant girl');
    expect(personWords(false, 0, 0)).not.toContain('infant boy'); // a newborn is "a newborn boy"
    expect(personWords(false, 15, 180)).toContain('adolescent male');
  });
});

describe('Notes of generated patients', () => {
  it("never call a child a man, woman, lady or gentleman (1.2.0 did in a quarter of children's notes)", () => {
    const adultWord = /\b(man|woman|lady|gentleman)\b/i;
    let childNotes = 0;
    const offending: string[] = [];
    for (const { patient, notes } of cohort) {
      for (const note of notes) {
        if (ageOn(patient.demographics.birthDate, note.date) >= 18) continue;
        childNotes++;
        const match = adultWord.exec(withoutPhi(note));
        if (match) offending.push(`${note.id}: ${match[0]}`);
      }
    }
    expect(childNotes).toBeGreaterThan(150);
    expect(offending).toEqual([]);
  });

  it('never double the unit of an age before a short sex ("45 y/o yo M")', () => {
    const doubled = /(y\/o|yo|year old|y\.o\.|yr old|month old|mo old|-mo-old) ?yo [FMfm]\b/;
    const all = cohort.flatMap((x) => x.notes);
    expect(all.length).toBeGreaterThan(2000);
    expect(all.filter((n) => doubled.test(n.text)).map((n) => n.id)).toEqual([]);
  });

  it("write a smoker's pack-years as packs a day times years smoked, and a former smoker quit before the record", () => {
    let checked = 0;
    for (const { patient, notes } of cohort) {
      const status = patient.riskFactors.smoking;
      if (status === 'never') continue;
      const facts = patientFacts(
        patient,
        patientRng(options.seed, patient.index).fork('notes').fork('note-facts'),
      );
      const firstYear = Number(patient.encounters[0]!.start.slice(0, 4));
      expect(facts.quitYear).toBeLessThanOrEqual(firstYear);
      expect(facts.quitYear).toBeGreaterThan(facts.startYear);
      for (const note of notes) {
        const year = Number(note.date.slice(0, 4));
        for (const m of note.text.matchAll(/(\d+) (?:pack-years|pack-year|pk-yr|pk-yrs)\b/g)) {
          expect(Number(m[1])).toBe(packYearsAt(facts, status, year));
          checked++;
        }
        // A former smoker's notes never describe current smoking.
        if (status === 'former')
          expect(note.text).not.toMatch(/Current smoker|Active tobacco use/i);
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});

describe('Family history of generated patients', () => {
  const relatives = cohort.flatMap(({ patient }) => {
    const byRelative = new Map<string, FamilyHistoryEntry[]>();
    for (const e of patient.familyHistory)
      byRelative.set(e.relationship, [...(byRelative.get(e.relationship) ?? []), e]);
    return [...byRelative.values()];
  });

  it('gives a deceased relative one age at death, after every onset, and at most one cause', () => {
    const deceased = relatives.filter((entries) => entries[0]!.deceased);
    expect(deceased.length).toBeGreaterThan(100);
    for (const entries of relatives) {
      const dead = entries[0]!.deceased === true;
      for (const e of entries) {
        expect(e.deceased === true).toBe(dead);
        if (!dead) {
          expect(e.deceasedAge).toBeUndefined();
          expect(e.causeOfDeath).toBeUndefined();
          continue;
        }
        expect(e.deceasedAge).toBe(entries[0]!.deceasedAge);
        expect(e.deceasedAge).toBeGreaterThanOrEqual(e.onsetAge ?? 0);
        expect(e.deceasedAge).toBeLessThanOrEqual(
          Math.max(100, ...entries.map((x) => x.onsetAge ?? 0)),
        );
      }
      expect(entries.filter((e) => e.causeOfDeath).length).toBeLessThanOrEqual(1);
    }
    const ages = deceased.map((entries) => entries[0]!.deceasedAge!).sort((a, b) => a - b);
    const median = ages[Math.floor(ages.length / 2)]!;
    expect(median).toBeGreaterThanOrEqual(70);
    expect(median).toBeLessThanOrEqual(88);
    const withCause = deceased.filter((entries) => entries.some((e) => e.causeOfDeath)).length;
    expect(withCause / deceased.length).toBeGreaterThan(0.3);
    expect(withCause / deceased.length).toBeLessThan(0.95);
  });

  it('marks only the cause as contributing to the death in FHIR, with the age at death', () => {
    let histories = 0;
    for (const { patient, ndjson } of cohort) {
      for (const line of ndjson.get('FamilyMemberHistory.ndjson') ?? []) {
        const history = JSON.parse(String(line)) as FamilyMemberHistory;
        const code = history.relationship.coding![0]!.code!;
        const entries = patient.familyHistory.filter(
          (e) => relationshipCodes[e.relationship] === code,
        );
        const death = entries.find((e) => e.deceased);
        expect(history.deceasedAge?.value).toBe(death?.deceasedAge);
        expect(history.deceasedBoolean).toBeUndefined();
        const causes = (history.condition ?? []).filter((c) => c.contributedToDeath === true);
        expect(causes.length).toBe(entries.some((e) => e.causeOfDeath) ? 1 : 0);
        if (!death)
          expect(history.condition!.every((c) => c.contributedToDeath === undefined)).toBe(true);
        histories++;
      }
    }
    expect(histories).toBeGreaterThan(500);
  });

  it('writes an age at death in notes only as the age at which that relative died', () => {
    let deaths = 0;
    for (const { patient, notes } of cohort) {
      const deathAges = new Set(patient.familyHistory.map((e) => e.deceasedAge));
      for (const note of notes) {
        const text = withoutPhi(note);
        for (const m of text.matchAll(
          /\b(?:died at|died of [^;.,/\n(\d]*? at age|deceased \([^)\d]*?, age) (\d+)/g,
        )) {
          expect(deathAges.has(Number(m[1])), m[0]).toBe(true);
          deaths++;
        }
      }
    }
    expect(deaths).toBeGreaterThan(10);
  });
});

/** v3 RoleCode of each relationship (fhir/vocabulary.ts). */
const relationshipCodes: Record<FamilyHistoryEntry['relationship'], string> = {
  mother: 'MTH',
  father: 'FTH',
  sister: 'SIS',
  brother: 'BRO',
  'maternal-grandmother': 'MGRMTH',
  'paternal-grandfather': 'PGRFTH',
};
