// Unit tests (synth/notes): the composition engine records exact offsets, noise and relations.
import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { NoteBuilder } from './builder';

const streams = (): { typos: Rng; abbreviations: Rng } => ({
  typos: new Rng(1),
  abbreviations: new Rng(2),
});

describe('Class: NoteBuilder', () => {
  it('records entity and PHI spans at the offsets where they were appended', () => {
    // Prepare
    const b = new NoteBuilder(streams(), { typoRate: 0, abbreviationRate: 0 });
    // Act
    b.text('Seen by ').phiSpan('Dr. Okonkwo', 'NAME').text(' for ');
    const disease = b.entity('hypertension', 'Disease', 'present', {
      code: '38341003',
      system: 'http://snomed.info/sct',
    });
    b.text('; continue ');
    const drug = b.entity('lisinopril', 'Chemical', 'present');
    b.relate('treats', drug, disease).verbatim(' 10 mg.');
    const note = b.build();
    // Assess
    expect(note.text).toBe('Seen by Dr. Okonkwo for hypertension; continue lisinopril 10 mg.');
    for (const span of [...note.entities, ...note.phi])
      expect(note.text.slice(span.start, span.end)).toBe(span.text);
    expect(note.entities[0]).toMatchObject({ start: 24, end: 36, code: '38341003' });
    expect(note.relations).toEqual([{ type: 'treats', head: 1, tail: 0 }]);
  });

  it('annotates the perturbed and re-cased surface, not the clean one', () => {
    const b = new NoteBuilder(streams(), { typoRate: 1, abbreviationRate: 0 }, 'upper');
    b.text('pt with ');
    b.entity('dyspnea', 'Symptom', 'present');
    const note = b.build();
    const [span] = note.entities;
    expect(span!.text).not.toBe('DYSPNEA');
    expect(span!.text).toBe(span!.text.toUpperCase());
    expect(note.text.slice(span!.start, span!.end)).toBe(span!.text);
  });

  it('abbreviates at the given rate and counts the sites', () => {
    const always = new NoteBuilder(streams(), { typoRate: 0, abbreviationRate: 1 });
    const never = new NoteBuilder(streams(), { typoRate: 0, abbreviationRate: 0 });
    expect(always.abbreviate('hypertension', ['HTN'])).toBe('HTN');
    expect(never.abbreviate('hypertension', ['HTN'])).toBe('hypertension');
    expect(never.abbreviate('asthma', [])).toBe('asthma');
    expect(never.counts.abbreviationSites).toBe(1);
  });

  it('ignores a relation whose end was never written', () => {
    const b = new NoteBuilder(streams(), { typoRate: 0, abbreviationRate: 0 });
    b.relate('treats', 0, -1);
    expect(b.build().relations).toEqual([]);
  });
});
