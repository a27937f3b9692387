// Tests (synth/notes): phrasing variety measured as distinct masked sentence shapes.
import { describe, expect, it } from 'vitest';
import type { SynthNote } from '../model';
import { Rng } from '../rng';
import { fixtureCohort } from './fixtures.test-helper';
import { generateNotes } from './generate';

/** The note's sentences with every annotated span replaced by its type and digits by '#'. */
function sentenceShapes(note: SynthNote): string[] {
  const spans = [
    ...note.entities.map((e) => ({ start: e.start, end: e.end, mask: `<${e.type}>` })),
    ...note.phi.map((p) => ({ start: p.start, end: p.end, mask: `<${p.category}>` })),
  ].sort((a, b) => a.start - b.start);
  let masked = '';
  let at = 0;
  for (const s of spans) {
    masked += note.text.slice(at, s.start) + s.mask;
    at = s.end;
  }
  masked += note.text.slice(at);
  return masked
    .toLowerCase()
    .replace(/\d+/g, '#')
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.split(/\s+/).length >= 3);
}

const notes = fixtureCohort(150)
  .flatMap((p) => generateNotes(p, new Rng(3, p.index)))
  .slice(0, 300);

describe('Phrasing variety of generated notes', () => {
  it('produces many distinct sentence shapes, none dominating', () => {
    // Act
    const counts = new Map<string, number>();
    for (const note of notes)
      for (const shape of sentenceShapes(note)) counts.set(shape, (counts.get(shape) ?? 0) + 1);
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const [topShape, top] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
    console.info(
      `variety: ${notes.length} notes, ${total} sentences, ${counts.size} distinct shapes, top "${topShape}" x${top} (${((100 * top) / total).toFixed(1)}%)`,
    );
    // Assess
    expect(notes.length).toBe(300);
    expect(counts.size).toBeGreaterThan(3000);
    expect(counts.size / total).toBeGreaterThan(0.4);
    expect(top / total).toBeLessThan(0.02);
  });

  it('writes section headers, medication lines and denials in many forms', () => {
    // Act
    const hpiHeaders = new Set(
      notes.flatMap(
        (n) => n.text.match(/^(hpi|history of present illness|present illness)( -|:)?/gim) ?? [],
      ),
    );
    const medicationLines = new Set<string>();
    const denials = new Set<string>();
    for (const note of notes) {
      for (const shape of sentenceShapes(note)) {
        if (/^\W*<chemical>/.test(shape))
          medicationLines.add(shape.replace(/<disease>|<symptom>/g, '<x>'));
        if (
          /(<symptom>.*){1,}/.test(shape) &&
          /\b(no|denies|negative|without|free of|denied)\b/.test(shape)
        )
          denials.add(shape);
      }
    }
    console.info(
      `variety: ${hpiHeaders.size} HPI header forms, ${medicationLines.size} medication-line shapes, ${denials.size} denial shapes`,
    );
    // Assess
    expect(hpiHeaders.size).toBeGreaterThanOrEqual(6);
    expect(medicationLines.size).toBeGreaterThan(100);
    expect(denials.size).toBeGreaterThan(150);
  });
});
