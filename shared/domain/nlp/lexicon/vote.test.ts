import { describe, expect, it } from 'vitest';
import { createNlpEngine, extractClinical } from '../extract';
import { linkedSpans, voteSpans } from './vote';

const s = (start: number, end: number, type: string, confidence = 0.9) => ({
  start,
  end,
  type,
  confidence,
});

describe('Function: voteSpans', () => {
  const systems = {
    primary: [s(0, 5, 'Chemical')],
    secondary: [s(0, 3, 'Chemical'), s(10, 15, 'Disease', 0.6), s(20, 25, 'Disease', 0.95)],
    dictionary: [s(10, 15, 'Symptom'), s(30, 34, 'Chemical')],
  };

  it('fills only where the primary system found nothing, above the minimum confidence', () => {
    const out = voteSpans(systems, { rule: 'fill', from: ['secondary'], minConfidence: 0.9 });
    expect(out.map((x) => [x.start, x.end, x.type])).toEqual([
      [0, 5, 'Chemical'],
      [20, 25, 'Disease'],
    ]);
  });

  it('lets a span two systems agree on win, counting symptoms as diseases', () => {
    const out = voteSpans(systems, { rule: 'majority' });
    expect(out.map((x) => [x.start, x.end, x.type])).toEqual([
      [0, 5, 'Chemical'],
      [10, 15, 'Disease'],
    ]);
  });
});

describe('Function: linkedSpans', () => {
  it('lends a defined short form the code of its linked long form', () => {
    // Prepare
    const engine = createNlpEngine();
    const text = 'Warfarin (WFN) was stopped; WFN levels fell.';
    const dictionary = extractClinical(text, { engine, relations: false }).entities;
    // Act
    const linked = linkedSpans(
      engine,
      text,
      [s(0, 8, 'Chemical'), s(28, 31, 'Chemical')],
      dictionary,
    );
    // Assess
    expect(linked[0]!.code).toBeDefined();
    expect(linked[1]).toMatchObject({ text: 'WFN', code: linked[0]!.code });
  });
});
