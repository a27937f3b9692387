import { describe, expect, it } from 'vitest';
import { news2Scorer } from './news2-scorer';

const now = '2026-03-01T12:00:00Z';
const at = (hoursAgo: number) => new Date(Date.parse(now) - hoursAgo * 3600_000).toISOString();

describe('Function: news2Scorer', () => {
  it('scores the RCP 2017 chart: RR 25 (3), SpO2 92 on scale 1 (2), air (0), SBP 95 (2), pulse 115 (2), alert (0), 38.5 °C (1) -> 10, high', () => {
    const result = news2Scorer({
      now,
      spo2Scale: 1,
      respiratoryRate: { value: 25, at: at(1) },
      spo2: { value: 92, at: at(1) },
      onOxygen: { value: false, at: at(1) },
      systolic: { value: 95, at: at(1) },
      pulse: { value: 115, at: at(1) },
      consciousness: { value: 'A', at: at(1) },
      temperature: { value: 38.5, at: at(1) },
    });
    expect(result).toEqual({ value: 10, category: 'high', missing: [], stale: [] });
  });

  it('gives low-medium for a single parameter scoring 3 (new confusion) with an aggregate under 5', () => {
    const result = news2Scorer({ now, spo2Scale: 1, consciousness: { value: 'C', at: at(0) } });
    expect(result.value).toBe(3);
    expect(result.category).toBe('low-medium');
    expect(result.missing).toEqual(
      expect.arrayContaining(['respiratoryRate', 'spo2', 'temperature']),
    );
  });

  it('does not count a reading older than 24 hours, and says it is stale', () => {
    const result = news2Scorer({
      now,
      spo2Scale: 1,
      respiratoryRate: { value: 30, at: at(25) },
      pulse: { value: 80, at: at(2) },
    });
    expect(result.value).toBe(0);
    expect(result.stale).toEqual(['respiratoryRate']);
  });
});
