// Domain (risk): heart-failure categories by left ventricular ejection fraction — HFrEF <= 40 %,
// HFmrEF 41-49 %, HFpEF >= 50 % (2022 AHA/ACC/HFSA Guideline for the Management of Heart Failure,
// Heidenreich PA et al. Circulation 2022;145:e895, section 2, classification by LVEF; Universal
// Definition and Classification of HF, Bozkurt B et al. J Card Fail 2021;27:387). The recommender
// and the synthetic generator both classify with it.

export type LvefCategory = 'HFrEF' | 'HFmrEF' | 'HFpEF';

/** The category of an LVEF (%). */
export function lvefCategory(ef: number): LvefCategory {
  return ef <= 40 ? 'HFrEF' : ef < 50 ? 'HFmrEF' : 'HFpEF';
}
