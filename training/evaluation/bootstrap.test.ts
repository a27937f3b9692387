import { describe, expect, it } from 'vitest';
import { seededRng } from '../tabular/matrix';
import { bootstrapIntervals } from './bootstrap';
import { auroc } from './metrics';

function sample(n: number) {
  const rng = seededRng(11, 'scores');
  const y = Uint8Array.from({ length: n }, (_v, i) => (i % 3 === 0 ? 1 : 0));
  const p = Float64Array.from(y, (v) =>
    Math.min(1, Math.max(0, 0.35 + 0.3 * v + rng.normal(0, 0.2))),
  );
  return { y, p };
}

describe('Function: bootstrapIntervals', () => {
  it('brackets the full-data estimate and repeats exactly for the same seed', () => {
    // Prepare
    const { y, p } = sample(300);
    // Act
    const first = bootstrapIntervals(y, p, { auroc }, seededRng(5));
    const again = bootstrapIntervals(y, p, { auroc }, seededRng(5));
    // Assess
    expect(first.auroc!.lower).toBeLessThan(first.auroc!.estimate);
    expect(first.auroc!.upper).toBeGreaterThan(first.auroc!.estimate);
    expect(again).toEqual(first);
  });

  it('narrows with more data', () => {
    // Act
    const small = bootstrapIntervals(sample(90).y, sample(90).p, { auroc }, seededRng(5)).auroc!;
    const large = bootstrapIntervals(
      sample(1500).y,
      sample(1500).p,
      { auroc },
      seededRng(5),
    ).auroc!;
    // Assess
    expect(large.upper - large.lower).toBeLessThan((small.upper - small.lower) / 2);
  });
});

describe('Function: bootstrapIntervals with groups (cluster bootstrap)', () => {
  /** Each of `n` patients' (y, p) repeated `copies` times, and each row's patient. */
  function duplicated(n: number, copies: number) {
    const { y, p } = sample(n);
    const rows = n * copies;
    return {
      y: Uint8Array.from({ length: rows }, (_v, i) => y[Math.floor(i / copies)]!),
      p: Float64Array.from({ length: rows }, (_v, i) => p[Math.floor(i / copies)]!),
      groups: Int32Array.from({ length: rows }, (_v, i) => Math.floor(i / copies)),
    };
  }
  const width = (i: { lower: number; upper: number }) => i.upper - i.lower;

  it('resamples patients, not rows: copies of a patient do not narrow the interval', () => {
    // Prepare: 120 patients, each row four times over
    const data = duplicated(120, 4);
    const once = sample(120);
    // Act
    const byRow = bootstrapIntervals(data.y, data.p, { auroc }, seededRng(5)).auroc!;
    const byPatient = bootstrapIntervals(
      data.y,
      data.p,
      { auroc },
      seededRng(5),
      200,
      data.groups,
    ).auroc!;
    const patientsOnce = bootstrapIntervals(once.y, once.p, { auroc }, seededRng(5)).auroc!;
    // Assess: the row bootstrap takes 480 rows for 480 patients' evidence, about half as wide
    // (1/sqrt(4)); resampling patients gives the width of the 120 patients themselves.
    expect(byPatient.estimate).toBe(byRow.estimate);
    expect(width(byPatient)).toBeGreaterThan(1.5 * width(byRow));
    expect(width(byPatient) / width(patientsOnce)).toBeGreaterThan(0.75);
    expect(width(byPatient) / width(patientsOnce)).toBeLessThan(1.33);
    expect(width(byRow) / width(patientsOnce)).toBeLessThan(0.67);
  });

  it('with one row per group, draws exactly the row bootstrap', () => {
    const { y, p } = sample(150);
    const singletons = Int32Array.from(y, (_v, i) => 1000 - i);
    expect(bootstrapIntervals(y, p, { auroc }, seededRng(9), 100, singletons)).toEqual(
      bootstrapIntervals(y, p, { auroc }, seededRng(9), 100),
    );
  });

  it('refuses group ids that do not match the rows', () => {
    const { y, p } = sample(30);
    expect(() => bootstrapIntervals(y, p, { auroc }, seededRng(1), 10, new Int32Array(29))).toThrow(
      '29 group ids for 30 rows',
    );
  });
});
