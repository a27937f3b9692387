// Tests (synth/fhir): the LVEF Observations of echocardiograms the notes report, on a rendered
// cohort: one per such encounter, the notes' value, the patient's LVEF category, and read by the
// recommender's heart-failure guideline, HF with improved EF included (1.9.0).
import type { Observation, Resource } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { recommendFor } from '../../recommend/recommend-for';
import { renderCohortPatient, type RenderedPatient } from '../cohort';
import { generatePatientState } from '../state/patient';
import { improvedBy, lvefBounds, lvefCategory, lvefOn } from '../state/heart-failure';
import { observationJson } from './observation-json';
import { lvefLoinc } from './study-results';

const options = {
  patients: 1200,
  seed: 11,
  hospital: 'synthetic-general',
  dirtyRate: 0,
  asOf: '2026-01-01',
};

const resourcesOf = (r: RenderedPatient): Resource[] =>
  // A clean cohort (dirtyRate 0) writes every line as a string.
  [...r.ndjson.values()].flat().map((line) => JSON.parse(line as string) as Resource);
const lvefObservations = (resources: Resource[]) =>
  resources.filter(
    (x): x is Observation =>
      x.resourceType === 'Observation' && x.code.coding?.[0]?.code === lvefLoinc,
  );

describe('Renderer: LVEF Observations of reported echocardiograms', () => {
  const cohort: { rendered: RenderedPatient; resources: Resource[] }[] = [];
  beforeAll(() => {
    for (let i = 0; i < options.patients; i++) {
      const rendered = renderCohortPatient(options, i);
      cohort.push({ rendered, resources: resourcesOf(rendered) });
    }
  });

  it('gives each encounter whose notes report an echo one Observation of the value they report', () => {
    let reported = 0;
    for (const { rendered, resources } of cohort) {
      const observations = lvefObservations(resources);
      const encounters = new Map<string, number>();
      for (const note of rendered.notes)
        if (note.echoLvef !== undefined) encounters.set(note.encounterId, note.echoLvef);
      reported += encounters.size;
      // Readings outside the encounters (trastuzumab monitoring) have no encounter.
      const atEncounters = observations.filter((o) => o.encounter !== undefined);
      expect(atEncounters).toHaveLength(encounters.size);
      expect(observations.length - atEncounters.length).toBe(
        rendered.patient.lvefReadings?.length ?? 0,
      );
      const values = atEncounters.map((o) => o.valueQuantity!.value).sort();
      expect(values).toEqual([...encounters.values()].sort());
      for (const o of observations) {
        expect(o.encounter?.reference ?? 'Encounter/').toMatch(/^Encounter\//);
        expect(o.valueQuantity).toEqual({
          value: o.valueQuantity!.value,
          unit: '%',
          system: 'http://unitsofmeasure.org',
          code: '%',
        });
        expect(observationJson(o)).toBe(JSON.stringify(o));
      }
    }
    // The sample must hold enough reports for the checks above to mean something.
    expect(reported).toBeGreaterThan(20);
  });

  it('reads a heart-failure patient LVEF in the patient own category (2022 AHA/ACC/HFSA section 2)', () => {
    let checked = 0;
    for (const { rendered, resources } of cohort) {
      const hf = rendered.patient.conditions.find((c) => c.key === 'heart-failure');
      if (!hf?.ejectionFraction) continue;
      const onset = hf.onset;
      for (const o of lvefObservations(resources)) {
        const day = o.effectiveDateTime!.slice(0, 10);
        if (day < onset) continue;
        // The LVEF of the day: an improving HFrEF's rises (state/heart-failure.ts `lvefOn`).
        const [lo, hi] = lvefBounds[lvefCategory(lvefOn(hf, day)!)];
        expect(o.valueQuantity!.value).toBeGreaterThanOrEqual(lo);
        expect(o.valueQuantity!.value).toBeLessThanOrEqual(hi);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('lets the recommender classify the heart failure as the generator drew it', async () => {
    const at = new Date(`${options.asOf}T00:00:00Z`);
    let classified = 0;
    for (const { rendered, resources } of cohort) {
      const hf = rendered.patient.conditions.find((c) => c.key === 'heart-failure');
      if (!hf?.severity || hf.status !== 'active') continue;
      const report = await recommendFor({}, { resources, at });
      const summary = report.recommendations.find((r) => r.topic === 'heart-failure')?.summary;
      const recent = lvefObservations(resources).some(
        (o) => at.getTime() - Date.parse(o.effectiveDateTime!) <= 730 * 86_400_000,
      );
      if (!summary || !recent) continue;
      expect(
        summary.startsWith(`${expectedCategory(hf, lvefObservations(resources))} (LVEF `),
      ).toBe(true);
      classified++;
    }
    expect(classified).toBeGreaterThan(3);
  });
});

/**
 * The category the recommender should read from a heart failure's LVEF Observations (2022
 * AHA/ACC/HFSA Table 4): HF with improved EF when the latest is above 40% and an earlier one at most
 * 40% (an improved HFrEF whose low reading predates the record reads as its latest LVEF's category);
 * otherwise the category of the latest reading's true LVEF.
 */
function expectedCategory(
  hf: Parameters<typeof lvefOn>[0],
  observations: readonly Observation[],
): string {
  const days = observations.map((o) => o.effectiveDateTime!.slice(0, 10)).sort();
  const latest = days[days.length - 1]!;
  const lowSeen = observations.some((o) => o.valueQuantity!.value! <= 40);
  return improvedBy(hf, latest) && lowSeen ? 'HFimpEF' : lvefCategory(lvefOn(hf, latest)!);
}

describe('Renderer: HF with improved EF from the LVEF Observations', () => {
  // Heart failure is about 2.6% of patients and an improved HFrEF about 2% of those with a low and a
  // high echo in the record: render the patients with heart failure of a larger cohort.
  const large = { ...options, patients: 9000, seed: 29 };
  const withHeartFailure: RenderedPatient[] = [];
  beforeAll(() => {
    for (let i = 0; i < large.patients; i++)
      if (generatePatientState(large, i).conditions.some((c) => c.key === 'heart-failure'))
        withHeartFailure.push(renderCohortPatient(large, i));
  });

  it('shows an improved HFrEF’s LVEF rising past 40% and classifies it HFimpEF (section 7.7.2)', async () => {
    const at = new Date(`${large.asOf}T00:00:00Z`);
    let improved = 0;
    for (const rendered of withHeartFailure) {
      const hf = rendered.patient.conditions.find((c) => c.key === 'heart-failure')!;
      const resources = resourcesOf(rendered);
      const observations = lvefObservations(resources);
      if (observations.length === 0 || expectedCategory(hf, observations) !== 'HFimpEF') continue;
      const lowest = Math.min(...observations.map((o) => o.valueQuantity!.value!));
      // The definition: a rise of 10 points or more to above 40% (Universal Definition 2021).
      expect(hf.improvedEf!.ejectionFraction - hf.ejectionFraction!).toBeGreaterThanOrEqual(10);
      expect(lowest).toBeLessThanOrEqual(40);
      const report = await recommendFor({}, { resources, at });
      const finding = report.recommendations.find((r) => r.topic === 'heart-failure');
      expect(finding?.summary).toMatch(/^HFimpEF \(LVEF \d+ %, lowest \d+ %\)/);
      improved++;
    }
    expect(improved).toBeGreaterThanOrEqual(2);
  });
});

describe('Renderer: LVEF monitoring on trastuzumab (HERCEPTIN PI 5.1)', () => {
  // HER2-positive early breast cancer on trastuzumab is about 1 patient in 800.
  const large = { ...options, patients: 20000, seed: 1 };
  const onTrastuzumab: RenderedPatient[] = [];
  beforeAll(() => {
    for (let i = 0; i < large.patients; i++)
      if (generatePatientState(large, i).lvefReadings)
        onTrastuzumab.push(renderCohortPatient(large, i));
  });

  it('writes each reading as an imaging Observation of its day, with no encounter', () => {
    let readings = 0;
    for (const rendered of onTrastuzumab) {
      const course = rendered.patient.medications.find((m) => m.key === 'trastuzumab-iv')!;
      expect(course).toBeDefined();
      const outside = lvefObservations(resourcesOf(rendered)).filter((o) => !o.encounter);
      const expected = rendered.patient.lvefReadings!;
      expect(outside.map((o) => [o.effectiveDateTime, o.valueQuantity!.value])).toEqual(
        expected.map((r) => [r.date, r.value]),
      );
      for (const o of outside) {
        expect(o.category![0]!.coding![0]!.code).toBe('imaging');
        expect(o.status).toBe('final');
        expect(observationJson(o)).toBe(JSON.stringify(o));
        // A heart without cardiotoxicity keeps a normal LVEF (1.11.0 models the toxicity).
        if (!rendered.patient.trastuzumabCardiotoxicity)
          expect(o.valueQuantity!.value).toBeGreaterThanOrEqual(50);
      }
      // Every reading is on or before the course's completion + 2 years, and before the export.
      for (const r of expected) {
        expect(r.date < large.asOf).toBe(true);
        expect(r.date <= `${Number(course.end!.slice(0, 4)) + 2}${course.end!.slice(4)}`).toBe(
          true,
        );
      }
      readings += expected.length;
    }
    expect(onTrastuzumab.length).toBeGreaterThan(15);
    expect(readings).toBeGreaterThan(60);
  });

  it('shows the recommender a cardiotoxic fall on treatment: it says to withhold (HERCEPTIN PI 2.2)', async () => {
    let withheld = 0;
    for (const rendered of onTrastuzumab) {
      const course = rendered.patient.medications.find((m) => m.key === 'trastuzumab-iv')!;
      const readings = rendered.patient.lvefReadings!;
      const baseline = readings.find((r) => r.date < course.start);
      // The first reading on treatment that meets the label's criteria, if the record has one.
      const hold = readings.find(
        (r) =>
          baseline &&
          r.date > course.start &&
          r.date < course.end! &&
          (baseline.value - r.value >= 16 || (r.value < 50 && baseline.value - r.value >= 10)),
      );
      if (!hold) continue;
      // Only a patient with cardiotoxicity meets them (a normal heart's readings vary by 8 at most).
      expect(rendered.patient.trastuzumabCardiotoxicity).toBeDefined();
      // Asked the next day, while the course runs: the record as it read then, with the order
      // active (the export, after the course, has it completed).
      const at = new Date(`${hold.date}T12:00:00Z`);
      at.setUTCDate(at.getUTCDate() + 1);
      const resources = resourcesOf(rendered).map((r) =>
        r.resourceType === 'MedicationRequest' &&
        r.medicationCodeableConcept?.text === 'trastuzumab'
          ? { ...r, status: 'active' as const }
          : r,
      );
      const report = await recommendFor({}, { resources, at });
      const review = report.medicationReview.find((a) => a.drug === 'trastuzumab');
      expect(review?.warnings.find((w) => w.kind === 'condition')?.message).toMatch(
        new RegExp(`^withhold trastuzumab .*LVEF ${hold.value} % on ${hold.date}`),
      );
      withheld++;
    }
    expect(withheld).toBeGreaterThanOrEqual(1);
  });
});
