// Domain (recommend/guidelines): weight-based paediatric doses (mg/kg) with per-dose and per-day caps
// and minimum ages. Sources beside each row: AAP acute otitis media guideline 2013 (Lieberthal AS et
// al. Pediatrics 2013;131:e964, Table 5), BNF for Children (BNFc) 2024-25, and US prescribing
// information for the caps where the guideline gives none.

export interface WeightBasedDose {
  drug: string;
  mgPerKgPerDose: number;
  dosesPerDay: number;
  /** How the doses are spaced, e.g. "every 12 hours". */
  interval: string;
  route: string;
  maxPerDoseMg: number;
  maxPerDayMg: number;
  /** A per-kg daily ceiling lower than mgPerKgPerDose x dosesPerDay would give (mg/kg/day). */
  maxMgPerKgPerDay?: number;
  minAgeMonths: number;
  source: string;
}

export const paediatricDoses = {
  // AAP 2013 KAS 4A: high-dose amoxicillin 80-90 mg/kg/day in 2 divided doses (= 45 mg/kg per dose);
  // cap 2 g per dose (4 g/day), the adult high-dose maximum (IDSA rhinosinusitis guideline 2012).
  amoxicillin: {
    drug: 'amoxicillin',
    mgPerKgPerDose: 45,
    dosesPerDay: 2,
    interval: 'every 12 hours',
    route: 'orally',
    maxPerDoseMg: 2000,
    maxPerDayMg: 4000,
    minAgeMonths: 0,
    source:
      'AAP acute otitis media guideline 2013 (Lieberthal AS et al. Pediatrics 2013;131:e964), KAS 4A and Table 5',
  },
  // AAP 2013 Table 5 alternatives for penicillin allergy; caps from the US labels.
  cefdinir: {
    drug: 'cefdinir',
    mgPerKgPerDose: 7,
    dosesPerDay: 2,
    interval: 'every 12 hours',
    route: 'orally',
    maxPerDoseMg: 300,
    maxPerDayMg: 600,
    minAgeMonths: 6,
    source: 'AAP AOM 2013 Table 5 (14 mg/kg/day); Omnicef PI (max 600 mg/day)',
  },
  cefuroxime: {
    drug: 'cefuroxime',
    mgPerKgPerDose: 15,
    dosesPerDay: 2,
    interval: 'every 12 hours',
    route: 'orally',
    maxPerDoseMg: 500,
    maxPerDayMg: 1000,
    minAgeMonths: 3,
    source: 'AAP AOM 2013 Table 5 (30 mg/kg/day); Ceftin PI (max 1 g/day)',
  },
  cefpodoxime: {
    drug: 'cefpodoxime',
    mgPerKgPerDose: 5,
    dosesPerDay: 2,
    interval: 'every 12 hours',
    route: 'orally',
    maxPerDoseMg: 200,
    maxPerDayMg: 400,
    minAgeMonths: 2,
    source: 'AAP AOM 2013 Table 5 (10 mg/kg/day); Vantin PI (max 400 mg/day)',
  },
  ceftriaxone: {
    drug: 'ceftriaxone',
    mgPerKgPerDose: 50,
    dosesPerDay: 1,
    interval: 'once daily for 1 or 3 days',
    route: 'IM or IV',
    maxPerDoseMg: 1000,
    maxPerDayMg: 1000,
    minAgeMonths: 1,
    source: 'AAP AOM 2013 Table 5 (50 mg/kg IM/IV); Rocephin PI (AOM: max 1 g)',
  },
  // Day-1 dose of the 5-day course (then 5 mg/kg, max 250 mg, days 2-5).
  azithromycin: {
    drug: 'azithromycin',
    mgPerKgPerDose: 10,
    dosesPerDay: 1,
    interval: 'on day 1, then 5 mg/kg (max 250 mg) daily on days 2-5',
    route: 'orally',
    maxPerDoseMg: 500,
    maxPerDayMg: 500,
    minAgeMonths: 6,
    source:
      'Zithromax PI (AOM 5-day regimen); AAP AOM 2004/2013 (macrolide for type I penicillin allergy, limited efficacy)',
  },
  // 15 mg/kg every 6 h, max 1 g per dose, 75 mg/kg/day and 4 g/day.
  paracetamol: {
    drug: 'paracetamol',
    mgPerKgPerDose: 15,
    dosesPerDay: 4,
    interval: 'every 6 hours as needed',
    route: 'orally',
    maxPerDoseMg: 1000,
    maxPerDayMg: 4000,
    maxMgPerKgPerDay: 75,
    minAgeMonths: 3,
    source:
      'BNFc 2024-25 paracetamol (15 mg/kg every 4-6 h, max 4 doses/24 h); max 75 mg/kg/day <= 4 g (US labelling)',
  },
  // 10 mg/kg every 6-8 h, from 6 months; max 400 mg per dose, 40 mg/kg/day.
  ibuprofen: {
    drug: 'ibuprofen',
    mgPerKgPerDose: 10,
    dosesPerDay: 3,
    interval: 'every 6-8 hours as needed',
    route: 'orally',
    maxPerDoseMg: 400,
    maxPerDayMg: 1200,
    maxMgPerKgPerDay: 40,
    minAgeMonths: 6,
    source:
      'BNFc 2024-25 ibuprofen; Sullivan JE, Farrar HC. Pediatrics 2011;127:580 (AAP fever and antipyretics)',
  },
} as const satisfies Record<string, WeightBasedDose>;

export interface CalculatedDose {
  perDoseMg: number;
  perDayMg: number;
  /** Which cap applied, if any. */
  capped?: 'per dose' | 'per day' | 'mg/kg/day';
  text: string;
}

/**
 * The dose for a child of `weightKg` (kg): mg/kg per dose, rounded down to the nearest 5 mg, then
 * capped by the per-dose maximum, the mg/kg/day ceiling and the per-day maximum, whichever is lowest.
 * Without a weight, the regimen in mg/kg only.
 */
export function weightBasedDose(
  rule: WeightBasedDose,
  weightKg: number | undefined,
): CalculatedDose | string {
  const perKg = `${rule.mgPerKgPerDose} mg/kg ${rule.route} ${rule.interval} (max ${rule.maxPerDoseMg} mg per dose)`;
  if (weightKg === undefined) return `${perKg}; weight needed for an absolute dose`;
  let perDose = Math.floor((rule.mgPerKgPerDose * weightKg) / 5) * 5;
  let capped: CalculatedDose['capped'];
  if (perDose > rule.maxPerDoseMg) {
    perDose = rule.maxPerDoseMg;
    capped = 'per dose';
  }
  const dayCeiling = Math.min(
    rule.maxPerDayMg,
    rule.maxMgPerKgPerDay ? rule.maxMgPerKgPerDay * weightKg : Infinity,
  );
  if (perDose * rule.dosesPerDay > dayCeiling) {
    perDose = Math.floor(dayCeiling / rule.dosesPerDay / 5) * 5;
    capped = dayCeiling === rule.maxPerDayMg ? 'per day' : 'mg/kg/day';
  }
  const perDay = perDose * rule.dosesPerDay;
  return {
    perDoseMg: perDose,
    perDayMg: perDay,
    ...(capped ? { capped } : {}),
    text: `${perDose} mg ${rule.route} ${rule.interval} (${rule.mgPerKgPerDose} mg/kg at ${weightKg} kg${capped ? `, capped ${capped}` : ''}; ${perDay} mg/day)`,
  };
}

export function doseText(rule: WeightBasedDose, weightKg: number | undefined): string {
  const d = weightBasedDose(rule, weightKg);
  return typeof d === 'string' ? d : d.text;
}
