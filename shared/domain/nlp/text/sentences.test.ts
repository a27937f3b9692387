import { describe, expect, it } from 'vitest';
import { isSentenceEnd, splitSentences } from './sentences';

const texts = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('Function: splitSentences', () => {
  it.each([
    ['a space', ' '],
    ['a no-break space', '\u00a0'],
    ['a narrow no-break space', '\u202f'],
    ['a tab', '\t'],
  ])('ends a sentence at a full stop before %s', (_name, space) => {
    expect(texts(`No fever.${space}Cough for 3 days.`)).toEqual(['No fever.', 'Cough for 3 days.']);
  });

  it.each([
    ['LF', '\n'],
    ['CR', '\r'],
    ['CR LF', '\r\n'],
    ['U+2028', '\u2028'],
    ['U+2029', '\u2029'],
  ])('ends a sentence at a %s line break', (_name, lineBreak) => {
    expect(texts(`Denies fever${lineBreak}Cough`)).toEqual(['Denies fever', 'Cough']);
  });

  it('keeps a full stop inside a number ("3.5 mg") in its sentence', () => {
    expect(texts('Warfarin 3.5 mg daily.')).toEqual(['Warfarin 3.5 mg daily.']);
  });
});

describe('Function: isSentenceEnd', () => {
  it('is the rule both the splitter and the assertion scopes use', () => {
    const text = 'No fever.\u00a0Cough\r\nRash\u2028x';
    const ends = [...text].map((_, i) => i).filter((i) => isSentenceEnd(text, i));
    expect(ends).toEqual([8, 15, 16, 21]);
  });
});
