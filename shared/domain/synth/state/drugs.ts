// Domain (synth/state): the medicine catalog — every drug the prescribing rules can choose, by key.
import { cardiometabolicDrugs } from './cardiometabolic-drugs';
import type { CatalogDrug } from './medication-catalog';
import { oncologyDrugs } from './oncology-drugs';
import { otherDrugs } from './other-drugs';

export const drugs = { ...cardiometabolicDrugs, ...otherDrugs, ...oncologyDrugs } satisfies Record<
  string,
  CatalogDrug
>;

export type DrugKey = keyof typeof drugs;
