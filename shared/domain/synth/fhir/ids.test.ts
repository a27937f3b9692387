import { describe, expect, it } from 'vitest';
import { addDays, civilDate, epochDay, toInstant } from './calendar';
import { hashUniform, isUuid, modelResourceId, nameUuid } from './ids';

describe('Function: nameUuid', () => {
  it('is a version-8, RFC 4122-variant UUID that depends only on namespace and name', () => {
    // Act
    const id = nameUuid('patient-1', 'Observation/0/bodyWeight');

    // Assess
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(nameUuid('patient-1', 'Observation/0/bodyWeight')).toBe(id);
    expect(nameUuid('patient-2', 'Observation/0/bodyWeight')).not.toBe(id);
  });

  it('does not collide over a large cohort of names', () => {
    // Act
    const ids = new Set<string>();
    for (let p = 0; p < 200; p++)
      for (let i = 0; i < 1000; i++) ids.add(nameUuid(`p${p}`, `Observation/${i}`));

    // Assess
    expect(ids.size).toBe(200_000);
  });

  it('keeps model ids that are already UUIDs and derives the others', () => {
    expect(modelResourceId('p', 'Encounter', '0b9d7e31-2c4f-4a8e-8f6d-5a1b3c2d4e5f')).toBe(
      '0b9d7e31-2c4f-4a8e-8f6d-5a1b3c2d4e5f',
    );
    expect(isUuid(modelResourceId('p', 'Encounter', 'enc-1'))).toBe(true);
  });
});

describe('Function: hashUniform', () => {
  it('spreads evenly over [0, 1)', () => {
    // Act
    const values = Array.from({ length: 10_000 }, (_, i) => hashUniform(`x${i}`));

    // Assess
    const deciles = new Array<number>(10).fill(0);
    for (const v of values) deciles[Math.floor(v * 10)]!++;
    for (const count of deciles) expect(Math.abs(count - 1000)).toBeLessThan(120);
  });
});

describe('Function: epochDay / civilDate', () => {
  it('round-trips every day from 1900 to 2100 and agrees with Date', () => {
    for (let day = epochDay('1900-01-01'); day <= epochDay('2100-12-31'); day += 1) {
      const date = civilDate(day);
      if (day % 997 === 0) expect(date).toBe(new Date(day * 86_400_000).toISOString().slice(0, 10));
      expect(epochDay(date)).toBe(day);
    }
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
});

describe('Function: toInstant', () => {
  it.each([
    ['2025-03-02T14:20:00-05:00', '2025-03-02T14:20:00-05:00'],
    ['2025-03-02T14:20-05:00', '2025-03-02T14:20:00-05:00'],
    ['2025-03-02T14:20:00Z', '2025-03-02T14:20:00Z'],
    ['2025-03-02', '2025-03-02T00:00:00-05:00'],
  ])('makes %s an instant', (input, expected) => {
    expect(toInstant(input, '-05:00')).toBe(expected);
  });
});
