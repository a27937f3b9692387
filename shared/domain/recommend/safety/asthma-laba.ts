// Domain (recommend/safety): a long-acting beta-2 agonist (LABA) without an inhaled corticosteroid
// (ICS) in asthma. Single-ingredient LABA labels contraindicate it (Serevent Diskus US prescribing
// information, section 4: "use of a LABA without an inhaled corticosteroid is contraindicated in
// patients with asthma"; boxed warning of asthma-related death with LABA monotherapy, FDA Drug
// Safety Communications 2010-02-18 and 2017-12-20), and GINA 2024 (Box 4-6 and section 4) never
// recommends a LABA without an ICS in asthma.
import { inClass } from '../drugs';
import type { SafetyWarning } from '../model';
import type { PatientFacts } from '../patient-facts';

export const labaWithoutIcsSource =
  'Serevent Diskus (salmeterol) US prescribing information, boxed warning and section 4; FDA Drug Safety Communication 2017-12-20 (LABA with ICS); GINA 2024 report, Box 4-6';

/**
 * A `contraindicated` warning for a LABA in a patient with asthma when no ICS comes with it: none
 * taken (less what the option `replaces`) and none in the same proposed `regimen`.
 */
export function labaWithoutIcsWarnings(
  drug: string,
  facts: PatientFacts,
  regimen: readonly string[] = [],
  replaces: readonly string[] = [],
): SafetyWarning[] {
  const asthma = facts.conditions.asthma;
  if (!asthma || !inClass(drug, 'laba')) return [];
  const ics = (d: string) => inClass(d, 'inhaled_corticosteroid');
  const taken = facts.medications.some((m) =>
    m.ingredients.some((d) => ics(d) && !replaces.includes(d)),
  );
  if (taken || regimen.some(ics)) return [];
  return [
    {
      kind: 'condition',
      severity: 'contraindicated',
      drug,
      message: `${drug} (a LABA) without an inhaled corticosteroid in asthma: risk of asthma-related death; use it only with an ICS, e.g. as ICS-formoterol or ICS-LABA in one inhaler`,
      source: labaWithoutIcsSource,
      evidence: [`${asthma.source}: asthma`],
    },
  ];
}
