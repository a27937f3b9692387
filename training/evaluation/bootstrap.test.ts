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
