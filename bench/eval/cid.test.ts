import { describe, expect, it } from 'vitest';
import { knownIdMentions } from './cid';

describe('knownIdMentions (the offline-knowledge CID ceiling)', () => {
  const known = new Set(['D001', 'D003']);

  it('keeps known ids, drops unknown ones, and keeps every span', () => {
    const out = knownIdMentions(
      [
        { start: 0, end: 4, type: 'Chemical', id: 'D001' },
        { start: 5, end: 9, type: 'Disease', id: 'D002' },
        { start: 10, end: 20, type: 'Disease', id: 'D002', ids: ['D002', 'D003'] },
        { start: 21, end: 25, type: 'Disease', id: 'D003', ids: ['D003', 'D001'] },
      ],
      known,
    );
    expect(out).toEqual([
      { start: 0, end: 4, type: 'Chemical', id: 'D001' },
      { start: 5, end: 9, type: 'Disease' },
      { start: 10, end: 20, type: 'Disease', id: 'D003' },
      { start: 21, end: 25, type: 'Disease', id: 'D003', ids: ['D003', 'D001'] },
    ]);
  });
});
