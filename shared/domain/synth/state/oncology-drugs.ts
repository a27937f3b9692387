// Domain (synth/state): the systemic cancer drugs of the catalog (cancer-therapy.ts prescribes them).
import type { CatalogDrug } from './medication-catalog';

export const oncologyDrugs = {
  'osimertinib-80': {
    rxcui: '1721581',
    display: 'osimertinib 80 MG Oral Tablet',
    drugClass: 'egfr-tyrosine-kinase-inhibitor',
    route: 'oral',
    strength: { value: 80, unit: 'mg' },
    doseUnit: 'tablet',
    checked:
      'not checked against RxNav here (no network): three independent public code sets name 1721581 "osimertinib 80 MG Oral Tablet", one of them stating it was checked against RxNav (2026-08); DailyMed lists the TAGRISSO label (40 and 80 mg) under 1721565 as well, which those sets do not give for 80 mg, so 1721565 is taken to be the 40 mg SCD',
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
  // Dosed by weight (mg/kg) from 150 mg single-dose and 420 mg multiple-dose vials, so no one clinical
  // drug (SCD) names an order: coded at the ingredient (RxNorm IN), dosed in mg, infused.
  'trastuzumab-iv': {
    rxcui: '224905',
    display: 'trastuzumab',
    drugClass: 'her2-antibody',
    route: 'intravenous',
    strength: { value: 1, unit: 'mg' },
    doseUnit: 'mg',
    checked:
      'RxNorm ingredient (IN) trastuzumab 224905, as the NLP vocabulary, the knowledge-graph seed and the ingredient catalog (medications/ingredients-other.ts) already give it; not checked against RxNav here (no network)',
  },
} as const satisfies Record<string, CatalogDrug>;

/** Catalog keys of systemic cancer therapy (notes name it in a cancer's plan before a pain reliever). */
export const systemicCancerDrugKeys: ReadonlySet<string> = new Set([
  ...Object.keys(oncologyDrugs),
  'tamoxifen-20',
  'letrozole-2.5',
]);
