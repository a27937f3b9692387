// Unit tests (CLI synth): the progress line says how far, how fast and how long is left.
import { describe, expect, it } from 'vitest';
import { synthProgress } from './synth';

describe('Function: synthProgress', () => {
  it('gives the rate and the time left at that rate', () => {
    // Act
    const line = synthProgress(2000, 100_000, 4000);
    // Assess: 500 patients/s, 98,000 to go = 196 s
    expect(line).toBe('  2000/100000 patients (500/s, about 3 min 16 s left)');
  });

  it('gives hours for long runs and seconds for short ones', () => {
    // Act
    const long = synthProgress(1000, 10_000_000, 2000);
    const short = synthProgress(1000, 2000, 2000);
    // Assess
    expect(long).toBe('  1000/10000000 patients (500/s, about 5 h 33 min left)');
    expect(short).toBe('  1000/2000 patients (500/s, about 2 s left)');
  });

  it('says nothing of time left at the end, or before a second has passed', () => {
    // Act
    const end = synthProgress(2000, 2000, 4000);
    const early = synthProgress(50, 2000, 200);
    // Assess
    expect(end).toBe('  2000/2000 patients (500/s)');
    expect(early).toBe('  50/2000 patients (250/s)');
  });
});
