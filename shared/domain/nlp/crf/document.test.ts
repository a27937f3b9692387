import { describe, expect, it } from 'vitest';
import {
  abbreviationTypes,
  balancedSpan,
  consistentLabels,
  coordinatedSpan,
  postProcessDocument,
} from './document';
import type { ScoredSpan } from './tagger';

const span = (text: string, surface: string, type: string, from = 0): ScoredSpan => {
  const start = text.indexOf(surface, from);
  return { start, end: start + surface.length, type, confidence: 0.9 };
};
const shown = (text: string, spans: readonly ScoredSpan[]) =>
  spans.map((s) => `${text.slice(s.start, s.end)}/${s.type}`);

describe('Function: abbreviationTypes', () => {
  it('gives every use of a defined short form, the definition included, its long form type', () => {
    // Prepare: the tagger called the long form a Chemical but one use of PAN a Disease.
    const text = 'Puromycin aminonucleoside (PAN) was given. PAN caused proteinuria; PAN again.';
    const spans = [
      span(text, 'Puromycin aminonucleoside', 'Chemical'),
      span(text, 'PAN', 'Disease', 40),
    ];
    // Act
    const out = abbreviationTypes(text, spans);
    // Assess
    expect(shown(text, postProcessDocument(text, out, { consistency: false }))).toEqual([
      'Puromycin aminonucleoside/Chemical',
      'PAN/Chemical',
      'PAN/Chemical',
      'PAN/Chemical',
    ]);
  });

  it('drops uses of a short form whose long form is no entity, when asked', () => {
    const text = 'Cardiopulmonary bypass (CPB) was used. After CPB the rats recovered.';
    const out = abbreviationTypes(text, [span(text, 'CPB', 'Disease', 30)], true);
    expect(out).toEqual([]);
  });
});

describe('Function: consistentLabels', () => {
  it('tags the other occurrences of a tagged string with its most frequent type', () => {
    const text = 'Rigidity followed haloperidol. Rigidity and rigidity; Rigidity resolved.';
    const spans = [
      span(text, 'Rigidity', 'Disease'),
      span(text, 'Rigidity', 'Disease', 20),
      span(text, 'Rigidity', 'Chemical', 50),
    ];
    const out = postProcessDocument(text, consistentLabels(text, spans));
    expect(shown(text, out)).toEqual(['Rigidity/Disease', 'Rigidity/Disease', 'Rigidity/Disease']);
  });
});

describe('Function: balancedSpan', () => {
  it('closes an unclosed bracket with the next character and trims a stray one', () => {
    const text = 'amyloid beta peptide(1-42) and (3)H-MK-801';
    const open = span(text, 'amyloid beta peptide(1-42', 'Chemical');
    const stray = span(text, '3)H-MK-801', 'Chemical');
    expect(shown(text, balancedSpan(text, open))).toEqual(['amyloid beta peptide(1-42)/Chemical']);
    expect(shown(text, balancedSpan(text, stray))).toEqual(['(3)H-MK-801/Chemical']);
  });
});

describe('Function: coordinatedSpan', () => {
  it('takes in the adjectives coordinated before a Disease span that opens with an adjective', () => {
    // Prepare
    const text =
      'He had pulmonary and renal insufficiency and cognitive, motivational, or creative deficits.';
    // Act
    const out = [
      coordinatedSpan(text, span(text, 'renal insufficiency', 'Disease')),
      coordinatedSpan(text, span(text, 'creative deficits', 'Disease')),
    ];
    // Assess
    expect(shown(text, out)).toEqual([
      'pulmonary and renal insufficiency/Disease',
      'cognitive, motivational, or creative deficits/Disease',
    ]);
  });

  it('leaves nouns, chemicals and spans without a leading adjective alone', () => {
    // Prepare: "nausea" is no adjective, "vomiting" no adjective either, cisplatin a Chemical.
    const text = 'nausea and vomiting; toxic and renal damage by oral and intravenous cisplatin.';
    const spans = [
      span(text, 'vomiting', 'Disease'),
      span(text, 'intravenous cisplatin', 'Chemical'),
    ];
    // Act
    const out = spans.map((s) => coordinatedSpan(text, s));
    // Assess
    expect(shown(text, out)).toEqual(['vomiting/Disease', 'intravenous cisplatin/Chemical']);
  });
});
