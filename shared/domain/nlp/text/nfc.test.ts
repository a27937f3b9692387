import { describe, expect, it } from 'vitest';
import { nfcView } from './nfc';

describe('Function: nfcView', () => {
  it('is undefined for text already in NFC', () => {
    expect(nfcView('Sj\u00f6gren syndrome')).toBeUndefined();
  });

  it('maps NFC offsets back to the decomposed text, a composed character to its edges', () => {
    const text = 'Sjo\u0308gren syndrome, cafe\u0301';
    const view = nfcView(text)!;
    expect(view.text).toBe('Sj\u00f6gren syndrome, caf\u00e9');
    expect(view.back(0, 'start')).toBe(0);
    expect(view.back(16, 'end')).toBe(17); // "Sjögren syndrome" -> "Sjo\u0308gren syndrome"
    expect(text.slice(view.back(0, 'start'), view.back(16, 'end'))).toBe('Sjo\u0308gren syndrome');
    expect(view.back(view.text.length, 'end')).toBe(text.length);
    // After a composed character, an offset moves on by the marks it took in.
    expect(view.back(3, 'start')).toBe(4);
  });

  it('reads Hangul conjoining jamo as given (they compose across base characters)', () => {
    expect(nfcView('\u1100\u1161 fever')).toBeUndefined();
  });
});
