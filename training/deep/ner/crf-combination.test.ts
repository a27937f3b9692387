import { describe, expect, it } from 'vitest';
import { chooseCombination } from './crf-combination';

const s = (start: number, end: number, type: string, confidence = 0.95) => ({
  start,
  end,
  type,
  confidence,
});

describe('Function: chooseCombination', () => {
  it('adds the BiLSTM where it finds gold spans the sequence tagger missed', () => {
    // Prepare: the sequence tagger misses "ribavirin"; the BiLSTM finds it confidently.
    const text = 'Aspirin and ribavirin caused anemia.';
    const held = [
      {
        text,
        gold: [s(0, 7, 'Chemical'), s(12, 21, 'Chemical'), s(29, 35, 'Disease')],
        systems: {
          primary: [s(0, 7, 'Chemical'), s(29, 35, 'Disease')],
          secondary: [s(12, 21, 'Chemical')],
          dictionary: [],
        },
      },
    ];
    // Act
    const choice = chooseCombination(held, ['Chemical', 'Disease']);
    // Assess
    expect(choice.best.label).toMatch(/^crf\+bilstm/);
    expect(choice.heldOutF1[choice.best.label]).toBe(1);
    expect(choice.heldOutF1['crf/raw']).toBeLessThan(1);
  });

  it('keeps the sequence tagger alone when the others only add false positives', () => {
    const text = 'Aspirin caused anemia in rats.';
    const held = [
      {
        text,
        gold: [s(0, 7, 'Chemical'), s(15, 21, 'Disease')],
        systems: {
          primary: [s(0, 7, 'Chemical'), s(15, 21, 'Disease')],
          secondary: [s(25, 29, 'Chemical')],
          dictionary: [s(25, 29, 'Disease')],
        },
      },
    ];
    expect(chooseCombination(held, ['Chemical', 'Disease']).best.label).toBe('crf/raw');
  });
});
