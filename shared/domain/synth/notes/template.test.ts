// Unit tests (synth/notes): the phrase-template language (slots, alternatives, abbreviation sites).
import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { NoteBuilder } from './builder';
import { bank, compile, render, say } from './template';

const builder = (abbreviationRate = 0): NoteBuilder =>
  new NoteBuilder(
    { typos: new Rng(1), abbreviations: new Rng(2) },
    { typoRate: 0, abbreviationRate },
  );

describe('Function: compile', () => {
  it('lists the slots a template cannot do without: its own and those every alternative needs', () => {
    expect(compile('{He} denies {negs}{ today| at {time}|}.').slots).toEqual(['He', 'negs']);
    expect(compile('{a {x}|b {x} {y}}').slots).toEqual(['x']);
  });

  it('rejects unbalanced braces at compile time', () => {
    expect(() => compile('denies {negs')).toThrow(/unclosed/);
    expect(() => compile('<patient|pt')).toThrow(/unclosed/);
  });
});

describe('Function: render', () => {
  it('fills slots through the caller, so spans land where the slot is', () => {
    // Prepare
    const b = builder();
    // Act
    render(b, compile('^<patient|pt> denies {sx}.'), new Rng(3), {
      sx: (x) => void x.entity('chest pain', 'Symptom', 'negated'),
    });
    const note = b.build();
    // Assess
    expect(note.text).toBe('Patient denies chest pain.');
    expect(note.entities[0]).toMatchObject({ start: 15, end: 25, assertion: 'negated' });
  });

  it('uses the short form of an abbreviation site at rate 1', () => {
    const b = builder(1);
    render(b, compile('<patient|pt> seen'), new Rng(3));
    expect(b.build().text).toBe('pt seen');
  });

  it('picks among all alternatives', () => {
    const seen = new Set<string>();
    const rng = new Rng(4);
    for (let i = 0; i < 200; i++) {
      const b = builder();
      render(b, compile('{no|denies|negative for} fever'), rng);
      seen.add(b.build().text);
    }
    expect(seen).toEqual(new Set(['no fever', 'denies fever', 'negative for fever']));
  });
});

describe('Function: render (optional alternatives)', () => {
  it('skips an alternative whose slot the caller cannot fill', () => {
    for (let i = 0; i < 30; i++) {
      const b = builder();
      render(b, compile('seen{ at {time}|, {time}|}.'), new Rng(i), { time: undefined });
      expect(b.build().text).toBe('seen.');
    }
  });
});

describe('Function: render (optional alternatives)', () => {
  it('skips an alternative whose slot the caller cannot fill', () => {
    for (let i = 0; i < 30; i++) {
      const b = builder();
      render(b, compile('seen{ at {time}|, {time}|}.'), new Rng(i), { time: undefined });
      expect(b.build().text).toBe('seen.');
    }
  });
});

describe('Function: say', () => {
  it('only picks templates whose slots the caller can fill', () => {
    const templates = bank('{He} has {pmh}.', 'No past history.');
    for (let i = 0; i < 50; i++) {
      const b = builder();
      say(b, templates, new Rng(i), { He: (x) => void x.text('He'), pmh: undefined });
      expect(b.build().text).toBe('No past history.');
    }
  });
});
