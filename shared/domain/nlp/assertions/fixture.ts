// Domain (nlp/assertions): scoring against the hand-annotated negation fixture
// (fixtures/negation-200.jsonl: 217 sentences written for this project in six styles: discharge
// summaries, nursing notes, radiology reports, telegraphic ROS/exam lines, H&P prose and assessment/plan
// lines; one target mention each, labelled negated or not).
import { ValidationError } from '../../errors';
import { detectSections } from '../sections/sections';
import { AssertionClassifier } from './context';

export interface NegationRecord {
  id: string;
  style: string;
  text: string;
  start: number;
  end: number;
  mention: string;
  negated: boolean;
}

/** Parse the fixture's JSONL, checking each record's offsets against its mention. */
export function parseNegationFixture(jsonl: string): NegationRecord[] {
  return jsonl
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((line, i) => {
      const r = JSON.parse(line) as NegationRecord;
      if (r.text.slice(r.start, r.end) !== r.mention || typeof r.negated !== 'boolean')
        throw new ValidationError(
          `negation fixture line ${i + 1}: offsets do not match the mention`,
          `line ${i + 1}`,
        );
      return r;
    });
}

/**
 * Share of records (0-1) whose negated/not-negated call matches the label, and the misses. The
 * classifier knows the text's other labelled mentions (the records of the same sentence), as it knows
 * every mention of a note in extraction ("Pneumonia ruled out on chest x-ray" reads backward from
 * the pneumonia).
 */
export function scoreNegation(records: readonly NegationRecord[]): {
  accuracy: number;
  misses: NegationRecord[];
} {
  const mentionsOf = new Map<string, { start: number; end: number }[]>();
  for (const r of records) {
    const spans = mentionsOf.get(r.text) ?? [];
    if (!spans.some((m) => m.start === r.start && m.end === r.end))
      spans.push({ start: r.start, end: r.end });
    mentionsOf.set(r.text, spans);
  }
  for (const spans of mentionsOf.values()) spans.sort((a, b) => a.start - b.start);
  const misses = records.filter((r) => {
    const mentions = mentionsOf.get(r.text)!;
    const assertion = new AssertionClassifier(r.text, detectSections(r.text), mentions).classify(
      r.start,
      r.end,
    );
    return (assertion === 'negated') !== r.negated;
  });
  return { accuracy: 1 - misses.length / Math.max(1, records.length), misses };
}
