import { describe, expect, it } from 'vitest';
import { ageBand, subgroupReport } from './subgroups';

describe('Function: subgroupReport', () => {
  it('reports each group and the largest AUROC gap among groups of at least the minimum size', () => {
    // Prepare: group A ranked perfectly (AUROC 1), group B inverted (AUROC 0), C too small
    const groups = ['A', 'A', 'A', 'A', 'B', 'B', 'B', 'B', 'C'];
    const y = Uint8Array.from([0, 0, 1, 1, 0, 0, 1, 1, 1]);
    const p = Float64Array.from([0.1, 0.2, 0.8, 0.9, 0.8, 0.9, 0.1, 0.2, 0.5]);
    // Act
    const report = subgroupReport('sex', groups, y, p, 4);
    // Assess
    expect(report.groups.map((g) => [g.group, g.n, g.auroc])).toEqual([
      ['A', 4, 1],
      ['B', 4, 0],
      ['C', 1, Number.NaN],
    ]);
    expect(report.maxAurocGap).toBe(1);
    // Calibration in the large: both A and B predict 0.5 on average at prevalence 0.5
    expect(report.maxCalibrationGap).toBeCloseTo(0, 12);
  });

  it.each([
    [39, '<40'],
    [40, '40-59'],
    [74, '60-74'],
    [75, '75+'],
  ])('puts age %d in band %s', (age, band) => {
    expect(ageBand(age)).toBe(band);
  });
});
