// Tests (deid): redaction with surrogates or tags; surrogate consistency; date shifting; a property test
// that no identifier embedded in a generated note survives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deidentifyText } from './deidentify';
import { ValidationError } from '../errors';

const key = 'patient-0001-secret-key';

describe('Function: deidentifyText', () => {
  it('writes category tags with --tags and reports offsets into the input', () => {
    // Prepare
    const text = 'Dr. Okafor saw her on 7/23. Call 617-555-0142.';
    // Act
    const result = deidentifyText(text, { replacement: 'tag' });
    // Assess
    expect(result.text).toBe('Dr. [NAME] saw her on [DATE]. Call [PHONE].');
    for (const p of result.phi) expect(text.slice(p.start, p.end)).toBe(p.text);
  });

  it('gives the same surrogate to the same name within a patient and another for another patient', () => {
    const text = 'Mr. Nicholson is better. Wife Joan visited Mr. Nicholson.';
    const first = deidentifyText(text, { key }).text;
    const again = deidentifyText(text, { key }).text;
    const other = deidentifyText(text, { key: 'patient-0002-secret-key' }).text;
    const surrogates = [...first.matchAll(/Mr\. (\w+)/g)].map((m) => m[1]);
    expect(first).toBe(again);
    expect(surrogates[0]).toBe(surrogates[1]);
    expect(surrogates[0]).not.toBe('Nicholson');
    expect(first).not.toBe(other);
    expect(first).not.toContain('Joan');
  });

  it('shifts all dates of a patient by one offset, keeping intervals, and writes ages over 89 as 90+', () => {
    const result = deidentifyText('Admitted 2024-03-01, discharged 2024-03-11. 94 yo woman.', {
      key,
    });
    const [admitted, discharged] = result.text.match(/\d{4}-\d{2}-\d{2}/g)!;
    const days = (Date.parse(discharged!) - Date.parse(admitted!)) / 86_400_000;
    expect(days).toBe(10);
    expect(admitted).not.toBe('2024-03-01');
    const offset = (Date.parse(admitted!) - Date.parse('2024-03-01')) / 86_400_000;
    expect(offset).toBeGreaterThanOrEqual(-365);
    expect(offset).toBeLessThanOrEqual(-1);
    expect(result.text).toContain('90+ yo woman');
  });

  it('refuses surrogates without a key of at least 16 bytes', () => {
    expect(() => deidentifyText('Dr. Okafor', {})).toThrow(ValidationError);
    expect(() => deidentifyText('Dr. Okafor', { key: 'short' })).toThrow(ValidationError);
  });

  it('never leaves an embedded identifier in the output (property)', () => {
    const first = fc.constantFrom('Margaret', 'Thomas', 'Patricia', 'Jerome', 'Lucinda', 'Harold');
    const last = fc.constantFrom('Johnson', 'Martinez', 'Robinson', 'Okafor', 'Castellanos');
    const phone = fc
      .tuple(
        fc.integer({ min: 200, max: 989 }),
        fc.integer({ min: 200, max: 999 }),
        fc.integer({ min: 0, max: 9999 }),
      )
      .map(([a, b, c]) => `(${a}) ${b}-${String(c).padStart(4, '0')}`);
    const date = fc
      .tuple(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 2000, max: 2030 }),
      )
      .map(([m, d, y]) => `${m}/${d}/${y}`);
    const mrn = fc.integer({ min: 1_000_000, max: 99_999_999 }).map(String);
    const email = fc.tuple(
      fc.constantFrom('jdoe', 'm.smith', 'pat77'),
      fc.constantFrom('mail.com', 'example.org'),
    );
    const templates = [
      (n: string, s: string, p: string, d: string, m: string, e: string) =>
        `Patient: ${n} ${s}\nMRN: ${m}\nSeen on ${d}. Contact ${p} or ${e}.`,
      (n: string, s: string, p: string, d: string, m: string, e: string) =>
        `Pt's wife ${n} ${s} (${p}) called on ${d}; MRN ${m}; e-mail ${e}.`,
      (n: string, s: string, p: string, d: string, m: string, e: string) =>
        `Dr. ${s} discussed the plan with daughter ${n} on ${d}. Med Rec #: ${m}. Phone ${p}, ${e}.`,
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: templates.length - 1 }),
        first,
        last,
        phone,
        date,
        mrn,
        email,
        (t, n, s, p, d, m, [user, host]) => {
          const e = `${user}@${host}`;
          const text = templates[t]!(n, s, p, d, m, e);
          for (const mode of ['tag', 'surrogate'] as const) {
            const out = deidentifyText(text, { replacement: mode, key }).text;
            for (const secret of [n, s, p, d, m, e]) expect(out).not.toContain(secret);
          }
        },
      ),
      { numRuns: 200, seed: 42 },
    );
  });
});
