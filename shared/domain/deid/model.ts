// Domain (deid): what the de-identifier finds and returns. Offsets are 0-based UTF-16 code-unit indices
// into the input text, `end` exclusive (the CLI contract's convention).

/** The CLI contract's PHI categories (HIPAA Safe Harbor identifiers grouped as `caregraph deid` reports them). */
export type DeidCategory =
  'NAME' | 'DATE' | 'AGE' | 'PHONE' | 'EMAIL' | 'ID' | 'LOCATION' | 'URL' | 'IP' | 'OTHER';

export const deidCategories: readonly DeidCategory[] = [
  'NAME',
  'DATE',
  'AGE',
  'PHONE',
  'EMAIL',
  'ID',
  'LOCATION',
  'URL',
  'IP',
  'OTHER',
];

/** One identifier found in a text. */
export interface PhiFinding {
  start: number;
  end: number;
  category: DeidCategory;
  text: string;
}

/** A finding before merging, with the detector's own detail for the replacer. */
export interface Candidate extends PhiFinding {
  /** A year standing alone ("in 1992", "'92"): not PHI under Safe Harbor, reported only on request. */
  yearOnly?: boolean;
}

export interface DetectOptions {
  /**
   * Also report years standing alone (default false: HIPAA Safe Harbor, 45 CFR 164.514(b)(2)(i)(C),
   * removes "all elements of dates (except year)").
   */
  includeYears?: boolean;
}
