import { describe, expect, it } from 'vitest';
import { joinsTerm, normaliseWord, termKey, tokenize } from './tokens';

describe('Function: normaliseWord', () => {
  it('folds British spellings and plurals onto one key', () => {
    expect(normaliseWord('Tumours')).toBe(normaliseWord('tumor'));
    expect(normaliseWord('oedema')).toBe('edema');
    expect(normaliseWord('Anaemia')).toBe('anemia');
    expect(normaliseWord('arteries')).toBe('artery');
    expect(normaliseWord('Sulphasalazine')).toBe(normaliseWord('sulfasalazine'));
    expect(normaliseWord('sulphonylureas')).toBe(normaliseWord('sulfonylureas'));
    expect(normaliseWord('paraesthesia')).toBe('paresthesia');
    expect(normaliseWord('faecal')).toBe('fecal');
    expect(normaliseWord('aetiology')).toBe('etiology');
    expect(normaliseWord('hypertriglyceridaemia')).toBe('hypertriglyceridemia');
    expect(normaliseWord('hypoxaemia')).toBe('hypoxemia');
    expect(normaliseWord('thalassaemia')).toBe('thalassemia');
    expect(normaliseWord('leucocytoclastic')).toBe('leukocytoclastic');
    expect(normaliseWord('Leucaemia')).toBe('leukemia');
    expect(normaliseWord('leucine')).toBe('leucine');
  });

  it('folds the plurals of -a nouns and Greek and Latin plurals to the singular', () => {
    expect(normaliseWord('carcinomas')).toBe('carcinoma');
    expect(normaliseWord('Arrhythmias')).toBe('arrhythmia');
    expect(normaliseWord('bradycardias')).toBe('bradycardia');
    expect(normaliseWord('metastases')).toBe('metastasis');
    expect(normaliseWord('thrombi')).toBe('thrombus');
    expect(normaliseWord('vertebrae')).toBe('vertebra');
    expect(termKey('hepatic metastases')).toBe(termKey('hepatic metastasis'));
  });

  it('keeps words ending in -ss, -us and -is, and singular -as words, whole', () => {
    expect(normaliseWord('stenosis')).toBe('stenosis');
    expect(normaliseWord('sinus')).toBe('sinus');
    expect(normaliseWord('mass')).toBe('mass');
    expect(normaliseWord('pancreas')).toBe('pancreas');
    expect(normaliseWord('whereas')).toBe('whereas');
  });
});

describe('Function: tokenize', () => {
  it('reports UTF-16 offsets after characters outside the basic plane', () => {
    const text = '🙂 Sjögren syndrome';
    const tokens = tokenize(text);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['Sjögren', 'syndrome']);
    expect(tokens[0]!.start).toBe(3);
  });

  it('makes hyphenated and spaced terms the same key', () => {
    expect(termKey('non-insulin-dependent diabetes')).toBe(
      termKey('non insulin dependent diabetes'),
    );
  });
});

describe('Function: joinsTerm', () => {
  it('lets a term run across spaces and hyphens but not across commas or full stops', () => {
    const text = 'chest pain, fever. a-b';
    expect(joinsTerm(text, 5, 6)).toBe(true);
    expect(joinsTerm(text, 10, 12)).toBe(false);
    expect(joinsTerm(text, 17, 19)).toBe(false);
    expect(joinsTerm(text, 20, 21)).toBe(true);
  });
});
