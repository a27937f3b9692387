import { describe, expect, it } from 'vitest';
import { extractClinical } from '../extract';
import { severeBloodPressure, showsSevereForm } from './severe-form';

describe('Function: severeBloodPressure', () => {
  // WHO 2023: very high blood pressure, usually 180/120 mmHg or more.
  it.each([
    'BP 220/130.',
    'BP was 180/96 today.',
    'blood pressure: 150/120',
    'Seen today, 190/100 mmHg on arrival.',
    'SBP 186 in clinic.',
    'diastolic of 124.',
  ])('reads "%s" as severe', (text) => {
    expect(severeBloodPressure(text)).toBe(true);
  });

  it.each([
    'BP 179/119.',
    'BP 150/90 mmHg.',
    'Seen 10/20/2025 and 12/25/2024.',
    'Metformin 500/1000 mg.',
    'SBP 178.',
    'No BP recorded. Hb 190/200 (not a pressure).',
  ])('reads "%s" as no severe reading', (text) => {
    expect(severeBloodPressure(text)).toBe(false);
  });
});

describe('Function: showsSevereForm', () => {
  const shows = (text: string, symptom: string) => {
    const { entities } = extractClinical(text, { noteYear: 2025 });
    const target = entities.find((e) => e.text.toLowerCase() === symptom)!;
    return showsSevereForm('Disease:hypertension', text, entities, target);
  };

  it('finds the severe form in a reading, the symptom, the disease or a named crisis', () => {
    expect(shows('Hypertension. Severe headache.', 'headache')).toBe(true);
    expect(shows('Headache, severe. Hypertension.', 'headache')).toBe(true);
    expect(shows('Uncontrolled hypertension. Headache.', 'headache')).toBe(true);
    expect(shows('Hypertension is poorly controlled. Headache.', 'headache')).toBe(true);
    expect(shows('BP uncontrolled. Dizziness.', 'dizziness')).toBe(true);
    expect(shows('Hypertensive emergency. Headache.', 'headache')).toBe(true);
  });

  it('finds none in a mild note, a denied crisis or a disease with no signs listed', () => {
    expect(shows('Hypertension, well controlled. Mild headache. BP 138/84.', 'headache')).toBe(
      false,
    );
    expect(shows('No hypertensive crisis. Headache.', 'headache')).toBe(false);
    const text = 'Severe headache. BP 220/130.';
    const { entities } = extractClinical(text, { noteYear: 2025 });
    expect(showsSevereForm('Disease:migraine', text, entities, entities[0]!)).toBe(false);
  });
});
