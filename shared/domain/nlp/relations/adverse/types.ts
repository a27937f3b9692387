// Domain (nlp/relations/adverse): the row type of the curated adverse-effect tables.

/**
 * One drug's well-established adverse effects: the drug's name, its effects' names (`|`-separated),
 * each a name of a curated vocabulary concept (Chemical; Disease or Symptom), and the source.
 */
export type AdverseEffectRow = readonly [drug: string, effects: string, source: string];
