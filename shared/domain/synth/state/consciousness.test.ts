import { describe, expect, it } from 'vitest';
import type { CohortOptions } from '../model';
import type { Rng } from '../rng';
import { acvpuLevels, drawLevel, levelOdds } from './consciousness';
import { generatePatientState } from './patient';

/** A stream that returns `u` once (drawLevel makes exactly one draw). */
const fixed = (u: number) => ({ next: () => u }) as unknown as Rng;

describe('Function: levelOdds', () => {
  it('never gives a clinic patient a voice, pain or unresponsive level', () => {
    for (const kind of ['ambulatory', 'wellness'] as const) {
      const odds = levelOdds(85, kind, 'stroke', { spo2: 80, temperatureCelsius: 39 });
      expect({ voice: odds.voice, pain: odds.pain, unresponsive: odds.unresponsive }).toEqual({
        voice: 0,
        pain: 0,
        unresponsive: 0,
      });
      expect(odds.confusion).toBe(0.015);
    }
  });

  it('raises new confusion with age in acute care, at the published bands (65 and 80)', () => {
    const confusion = (age: number) => levelOdds(age, 'emergency', undefined, {}).confusion;
    expect(confusion(64.9)).toBe(0.02);
    expect(confusion(65)).toBe(0.08);
    expect(confusion(79.9)).toBe(0.08);
    expect(confusion(80)).toBe(0.18);
    expect(confusion(10)).toBe(0.005);
  });

  it('doubles confusion at SpO2 88% or fever 38.0 °C, but not at 89% or 37.9 °C', () => {
    const confusion = (vitals: { spo2?: number; temperatureCelsius?: number }) =>
      levelOdds(70, 'inpatient', undefined, vitals).confusion;
    expect(confusion({ spo2: 88 })).toBe(0.16);
    expect(confusion({ temperatureCelsius: 38 })).toBe(0.16);
    expect(confusion({ spo2: 89, temperatureCelsius: 37.9 })).toBe(0.08);
  });

  it('makes reduced responsiveness far likelier with an acute stroke', () => {
    const stroke = levelOdds(70, 'emergency', 'stroke', {});
    const other = levelOdds(70, 'emergency', 'heart-failure', {});
    expect(stroke.unresponsive / other.unresponsive).toBeCloseTo(8);
    expect(stroke.confusion / other.confusion).toBeCloseTo(3);
  });
});

describe('Function: drawLevel', () => {
  const odds = { confusion: 0.1, voice: 0.05, pain: 0.02, unresponsive: 0.01 };

  it('maps one uniform draw to the most severe level first, then Alert', () => {
    expect(drawLevel(fixed(0), odds)).toBe('unresponsive');
    expect(drawLevel(fixed(0.0099), odds)).toBe('unresponsive');
    expect(drawLevel(fixed(0.01), odds)).toBe('pain');
    expect(drawLevel(fixed(0.0299), odds)).toBe('pain');
    expect(drawLevel(fixed(0.031), odds)).toBe('voice');
    expect(drawLevel(fixed(0.09), odds)).toBe('confusion');
    expect(drawLevel(fixed(0.1799), odds)).toBe('confusion');
    expect(drawLevel(fixed(0.181), odds)).toBe('alert');
  });
});

describe('Function: generatePatientState (level of consciousness)', () => {
  const options: CohortOptions = {
    patients: 800,
    seed: 99,
    hospital: 'general',
    dirtyRate: 0,
    asOf: '2026-01-01',
  };
  const cohort = Array.from({ length: 800 }, (_, i) => generatePatientState(options, i));

  it('records one ACVPU reading per encounter, with its vital signs, after every other measurement', () => {
    for (const p of cohort) {
      const keys = p.measurements.map((m) => m.key);
      const first = keys.indexOf('consciousness');
      const end = first + p.encounters.length;
      expect(keys.slice(first, end).every((k) => k === 'consciousness')).toBe(true);
      // Only the ward sets of inpatient stays follow them (state/ward-vitals.ts), then the waist
      // and Exercise Vital Sign of wellness visits (state/preventive-measures.ts).
      const stays = new Set(p.encounters.filter((e) => e.kind === 'inpatient').map((e) => e.id));
      const wellness = new Set(p.encounters.filter((e) => e.kind === 'wellness').map((e) => e.id));
      const preventive = ['waistCircumference', 'exerciseDaysPerWeek', 'exerciseMinutesPerDay'];
      expect(
        p.measurements
          .slice(end)
          .every((m) =>
            preventive.includes(m.key) ? wellness.has(m.encounterId!) : stays.has(m.encounterId!),
          ),
      ).toBe(true);
      const readings = p.measurements.slice(first, end);
      expect(readings.map((m) => m.encounterId)).toEqual(p.encounters.map((e) => e.id));
      for (const r of readings) {
        const pulse = p.measurements.find(
          (m) => m.key === 'heartRate' && m.encounterId === r.encounterId,
        );
        expect(r.at).toBe(pulse!.at);
        expect(Number.isInteger(r.value) && r.value >= 0 && r.value < acvpuLevels.length).toBe(
          true,
        );
      }
    }
  });

  it('is mostly Alert, and not Alert more often in acute care than in clinic', () => {
    // Prepare
    const tally = { acute: [0, 0], clinic: [0, 0] };
    for (const p of cohort) {
      const kind = new Map(p.encounters.map((e) => [e.id, e.kind]));
      for (const m of p.measurements.filter((x) => x.key === 'consciousness')) {
        const k = kind.get(m.encounterId!);
        const bucket = k === 'emergency' || k === 'inpatient' ? tally.acute : tally.clinic;
        bucket[0]! += 1;
        if (m.value > 0) bucket[1]! += 1;
      }
    }

    // Act
    const acuteRate = tally.acute[1]! / tally.acute[0]!;
    const clinicRate = tally.clinic[1]! / tally.clinic[0]!;

    // Assess
    expect(tally.acute[0]).toBeGreaterThan(100);
    expect(clinicRate).toBeLessThan(0.02);
    expect(acuteRate).toBeGreaterThan(clinicRate);
    expect(acuteRate).toBeLessThan(0.3);
  });
});
