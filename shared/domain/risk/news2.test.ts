import { describe, expect, it } from 'vitest';
import {
  news2ClinicalRisk,
  oxygenSaturationPoints,
  pulsePoints,
  respirationPoints,
  systolicPoints,
  temperaturePoints,
} from './news2';
import { scoreFromInputs } from './scores-from-fhir';

// RCP NEWS2 (2017) Chart 1: every band edge on both sides.
describe('Score: news2', () => {
  it.each([
    [8, 3],
    [9, 1],
    [11, 1],
    [12, 0],
    [20, 0],
    [21, 2],
    [24, 2],
    [25, 3],
  ])('scores a respiration rate of %s as %s', (rate, points) => {
    expect(respirationPoints(rate)).toBe(points);
  });

  it.each([
    [91, 3],
    [92, 2],
    [93, 2],
    [94, 1],
    [95, 1],
    [96, 0],
    [100, 0],
  ])('scores SpO2 %s %% on scale 1 as %s', (spo2, points) => {
    expect(oxygenSaturationPoints(spo2, false, false)).toBe(points);
    expect(oxygenSaturationPoints(spo2, false, true)).toBe(points);
  });

  it.each([
    [83, false, 3],
    [84, false, 2],
    [85, false, 2],
    [86, false, 1],
    [87, false, 1],
    [88, false, 0],
    [92, false, 0],
    [93, false, 0],
    [97, false, 0],
    [92, true, 0],
    [93, true, 1],
    [94, true, 1],
    [95, true, 2],
    [96, true, 2],
    [97, true, 3],
  ])('scores SpO2 %s %% on scale 2 (oxygen: %s) as %s', (spo2, onOxygen, points) => {
    expect(oxygenSaturationPoints(spo2, true, onOxygen)).toBe(points);
  });

  it.each([
    [90, 3],
    [91, 2],
    [100, 2],
    [101, 1],
    [110, 1],
    [111, 0],
    [219, 0],
    [220, 3],
  ])('scores systolic %s mmHg as %s', (sbp, points) => {
    expect(systolicPoints(sbp)).toBe(points);
  });

  it.each([
    [40, 3],
    [41, 1],
    [50, 1],
    [51, 0],
    [90, 0],
    [91, 1],
    [110, 1],
    [111, 2],
    [130, 2],
    [131, 3],
  ])('scores a pulse of %s as %s', (pulse, points) => {
    expect(pulsePoints(pulse)).toBe(points);
  });

  it.each([
    [35.0, 3],
    [35.1, 1],
    [36.0, 1],
    [36.1, 0],
    [38.0, 0],
    [38.1, 1],
    [39.0, 1],
    [39.1, 2],
  ])('scores a temperature of %s °C as %s', (t, points) => {
    expect(temperaturePoints(t)).toBe(points);
  });

  it('maps aggregates to the Chart 2 clinical risk, with a single 3 as low-medium', () => {
    expect(news2ClinicalRisk(0, false)).toBe('low');
    expect(news2ClinicalRisk(4, false)).toBe('low');
    expect(news2ClinicalRisk(3, true)).toBe('low-medium');
    expect(news2ClinicalRisk(4, true)).toBe('low-medium');
    expect(news2ClinicalRisk(5, false)).toBe('medium');
    expect(news2ClinicalRisk(6, true)).toBe('medium');
    expect(news2ClinicalRisk(7, false)).toBe('high');
  });

  const normal = {
    respiratoryRate: 16,
    spo2: 97,
    supplementalOxygen: false,
    systolic: 125,
    pulse: 72,
    consciousness: 'alert',
    temperature: 36.8,
  };

  it('adds 2 for oxygen and 3 for new confusion', () => {
    expect(scoreFromInputs('news2', normal)).toMatchObject({
      value: 0,
      category: 'low',
      applicable: true,
    });
    const unwell = scoreFromInputs('news2', {
      ...normal,
      supplementalOxygen: true,
      consciousness: 'new-confusion',
    });
    expect(unwell).toMatchObject({ value: 5, category: 'medium' });
  });

  it('accepts a temperature in °F', () => {
    // 102.2 °F = 39.0 °C (1 point); 102.6 °F = 39.2 °C (2 points).
    const warm = scoreFromInputs('news2', {
      ...normal,
      temperature: { value: 102.2, unit: '[degF]' },
    });
    expect(warm.value).toBe(1);
    expect(warm.inputs.find((i) => i.name === 'temperature')?.value).toBeCloseTo(39, 6);
    const febrile = scoreFromInputs('news2', {
      ...normal,
      temperature: { value: 102.6, unit: '°F' },
    });
    expect(febrile.value).toBe(2);
  });

  it('flags partial inputs: the aggregate becomes a lower bound and the result is not applicable', () => {
    const { temperature: _t, consciousness: _c, ...partial } = normal;
    const result = scoreFromInputs('news2', { ...partial, respiratoryRate: 26 });
    expect(result.value).toBe(3);
    expect(result.category).toBe('low-medium');
    expect(result.missing).toEqual(['consciousness', 'temperature']);
    expect(result.applicable).toBe(false);
    expect(result.reason).toMatch(/lower bounds/);
  });

  it('is not validated under 16 or in pregnancy', () => {
    expect(scoreFromInputs('news2', { ...normal, age: 15 }).applicable).toBe(false);
    expect(scoreFromInputs('news2', { ...normal, pregnant: true }).reason).toMatch(/pregnancy/);
  });
});
