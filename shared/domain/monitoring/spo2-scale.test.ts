import { describe, expect, it } from 'vitest';
import { hypercapnicFailure, spo2Goal } from './observations.fixture';
import { spo2ScaleOf } from './spo2-scale';

const at = new Date('2026-03-10T08:00:00Z');

describe('Function: spo2ScaleOf (RCP NEWS2 2017 SpO2 scale)', () => {
  it('chooses scale 2 for an active prescribed SpO2 target of 88-92 %', () => {
    expect(spo2ScaleOf([spo2Goal(88, 92)], at)).toEqual({
      scale: 2,
      basis: 'prescribed SpO2 target 88-92 % recorded',
    });
    expect(spo2ScaleOf([spo2Goal(88, 92, 'active', '2708-6')], at).scale).toBe(2);
  });

  it('chooses scale 2 for active hypercapnic respiratory failure (as the NEWS2 of /risk does)', () => {
    expect(spo2ScaleOf([hypercapnicFailure()], at)).toEqual({
      scale: 2,
      basis: 'hypercapnic respiratory failure recorded',
    });
  });

  it('stays on scale 1 without such a record, or with another target, an ended goal or a resolved condition', () => {
    for (const record of [
      [],
      [spo2Goal(94, 98)],
      [spo2Goal(88, 92, 'completed')],
      [spo2Goal(88, 92, 'cancelled')],
      [spo2Goal(88, 92, 'active', '8867-4')],
      [hypercapnicFailure('resolved')],
      [hypercapnicFailure('active', 'J96.01')], // hypoxic, not hypercapnic
    ])
      expect(spo2ScaleOf(record, at)).toEqual({
        scale: 1,
        basis: 'no prescribed 88-92 % SpO2 target recorded',
      });
  });
});
