// Domain (synth/state): the oral systemic cancer drugs of the catalog (cancer-therapy.ts prescribes them).
import type { CatalogDrug } from './medication-catalog';

export const oncologyDrugs = {
  'osimertinib-80': {
    rxcui: '1721565',
    display: 'osimertinib 80 MG Oral Tablet',
    drugClass: 'egfr-tyrosine-kinase-inhibitor',
    route: 'oral',
    strength: { value: 80, unit: 'mg' },
    doseUnit: 'tablet',
    checked:
      'not confirmed against RxNav: DailyMed lists the TAGRISSO label (40 and 80 mg) under RxCUI 1721565 and the project fixture (notes/fixture-tables) names it the 80 mg SCD; the only labeler has both strengths, so openFDA cannot single it out, and one other project gives 1721581',
  },
  'capecitabine-500': {
    rxcui: '200328',
    display: 'capecitabine 500 MG Oral Tablet',
    drugClass: 'fluoropyrimidine',
    route: 'oral',
    strength: { value: 500, unit: 'mg' },
    doseUnit: 'tablet',
    checked:
      'openFDA NDC directory: 500 mg-only products (NorthStar 72603-303, Quallent 82009-112) map to 200328 alone; 150 mg + 500 mg labels list {200327, 200328}',
  },
} as const satisfies Record<string, CatalogDrug>;

/** Catalog keys of systemic cancer therapy (notes name it in a cancer's plan before a pain reliever). */
export const systemicCancerDrugKeys: ReadonlySet<string> = new Set([
  ...Object.keys(oncologyDrugs),
  'tamoxifen-20',
  'letrozole-2.5',
]);
