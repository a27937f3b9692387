import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors';
import { parsePubtator } from './pubtator';

// A CDR-style document written for this test (not from the corpus): title, abstract, a composite
// disease mention with two MeSH ids, an unlinked mention (-1) and one CID relation.
const document = [
  '1|t|Drug X hepatotoxicity.',
  '1|a|Hepatic and renal damage followed drug X; foo syndrome was unrelated.',
  '1\t0\t6\tDrug X\tChemical\tD000001',
  '1\t23\t47\tHepatic and renal damage\tDisease\tD006470|D003556',
  '1\t65\t77\tfoo syndrome\tDisease\t-1',
  '1\tCID\tD000001\tD006470',
  '',
].join('\n');

describe('Function: parsePubtator', () => {
  it('keeps every id of a composite mention, the first as its id', () => {
    // Act
    const [doc] = parsePubtator(document);
    // Assess
    expect(doc!.mentions[1]).toMatchObject({
      text: 'Hepatic and renal damage',
      type: 'Disease',
      id: 'D006470',
      ids: ['D006470', 'D003556'],
    });
    expect(doc!.text.slice(23, 47)).toBe('Hepatic and renal damage');
  });

  it('gives a single-id mention no ids list and an unlinked (-1) mention no id', () => {
    // Act
    const [doc] = parsePubtator(document);
    // Assess
    expect(doc!.mentions[0]).toEqual({
      start: 0,
      end: 6,
      text: 'Drug X',
      type: 'Chemical',
      id: 'D000001',
    });
    expect(doc!.mentions[2]).not.toHaveProperty('id');
    expect(doc!.cid).toEqual(['D000001|D006470']);
  });

  it('rejects a malformed annotation line, naming its line number', () => {
    // Prepare
    const bad = document.replace('1\t0\t6\tDrug X', '1\t6\t0\tDrug X');
    // Act / Assess
    expect(() => parsePubtator(bad)).toThrow(ValidationError);
    expect(() => parsePubtator(bad)).toThrow(/line 3/);
  });
});
