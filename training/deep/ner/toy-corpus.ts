// Test support (NER): a made-up PubTator corpus (not BC5CDR) of one sentence shape, with invented drug
// names the curated vocabulary cannot know, so a test sees only what a tagger learned from it.
import type { PubtatorDocument } from '../../../shared/domain/nlp/corpora/pubtator';

const drugs = ['zorbaxitol', 'quintorex', 'melvadine', 'trubonal'];
const diseases = ['nephritis', 'hepatitis', 'neuropathy', 'anaemia'];

/** `size` abstracts "Treatment with {drug} caused {disease} in rats." with both mentions annotated. */
export function toyCorpus(size: number): PubtatorDocument[] {
  return Array.from({ length: size }, (_, i) => {
    const drug = drugs[i % 4]!;
    const disease = diseases[(i * 3) % 4]!;
    const text = `Treatment with ${drug} caused ${disease} in rats.`;
    const at = (s: string) => text.indexOf(s);
    return {
      pmid: `${i + 1}`,
      title: text,
      text,
      mentions: [
        { start: at(drug), end: at(drug) + drug.length, text: drug, type: 'Chemical' },
        { start: at(disease), end: at(disease) + disease.length, text: disease, type: 'Disease' },
      ],
      cid: [],
    };
  });
}
