// Test fixture (nlp/crf): a tiny hand-written training corpus for the sequence taggers' tests —
// "Treatment with <drug> caused <disease><ending>" for every -azole drug and -itis disease given.
import type { SequenceDocument } from './tagger';

export const azoleDrugs = [
  'ketoconazole',
  'itraconazole',
  'miconazole',
  'voriconazole',
  'clotrimazole',
];
export const itisDiseases = ['hepatitis', 'nephritis', 'arthritis', 'colitis', 'dermatitis'];

/** One sentence per drug x disease, with the drug (Chemical) and disease (Disease) spans. */
export function azoleItisCorpus(
  drugs: readonly string[] = azoleDrugs,
  diseases: readonly string[] = itisDiseases,
  ending = ' in two patients.',
): SequenceDocument[] {
  return drugs.flatMap((drug) =>
    diseases.map((disease) => {
      const text = `Treatment with ${drug} caused ${disease}${ending}`;
      const at = (s: string) => text.indexOf(s);
      return {
        text,
        hints: [],
        spans: [
          { start: at(drug), end: at(drug) + drug.length, type: 'Chemical' },
          { start: at(disease), end: at(disease) + disease.length, type: 'Disease' },
        ],
      };
    }),
  );
}
