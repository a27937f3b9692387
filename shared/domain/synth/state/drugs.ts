// Domain (synth/state): the medicine catalog — every drug the prescribing rules can choose, by key.
import { cardiometabolicDrugs } from './cardiometabolic-drugs';
import type { CatalogDrug } from './medication-catalog';
import { otherDrugs } from './other-drugs';

export const drugs = { ...cardiometabolicDrugs, ...otherDrugs } satisfies Record<
  string,
  CatalogDrug
>;

export type DrugKey = keyof typeof drugs;
