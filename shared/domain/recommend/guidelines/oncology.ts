// Domain (recommend/guidelines): targeted therapy for actionable tumour alterations. Levels: OncoKB
// Therapeutic Level 1 (FDA-recognised biomarker for an FDA-approved drug in that tumour type;
// oncokb.org level definitions v2, as encoded here in 2025) and the pivotal trial named beside each
// row. NCCN categories are not restated (their versions change several times a year): see the notes.
import type { Candidate, EvidenceLevel, GuidelineFinding } from '../model';
import type { PatientFacts } from '../patient-facts';
import { drugOption } from './common';

type Tumour = 'lung' | 'colorectal' | 'breast' | 'melanoma';

interface Actionable {
  gene: string;
  alterations: readonly string[];
  tumour: Tumour;
  drugs: { drug: string; dose: string }[];
  label: string;
  evidence: EvidenceLevel;
  trial: string;
}

// Randomised phase 3 trials map to LOE A, single-arm accelerated approvals to B-NR.
export const actionableAlterations: readonly Actionable[] = [
  {
    gene: 'EGFR',
    alterations: ['L858R', 'exon 19 deletion'],
    tumour: 'lung',
    drugs: [{ drug: 'osimertinib', dose: '80 mg orally once daily' }],
    label: 'Osimertinib',
    evidence: 'A',
    trial: 'FLAURA (Soria JC et al. NEJM 2018;378:113)',
  },
  {
    gene: 'ALK',
    alterations: ['fusion'],
    tumour: 'lung',
    drugs: [{ drug: 'alectinib', dose: '600 mg orally twice daily' }],
    label: 'Alectinib',
    evidence: 'A',
    trial: 'ALEX (Peters S et al. NEJM 2017;377:829)',
  },
  {
    gene: 'BRAF',
    alterations: ['V600E'],
    tumour: 'lung',
    drugs: [
      { drug: 'dabrafenib', dose: '150 mg orally twice daily' },
      { drug: 'trametinib', dose: '2 mg orally once daily' },
    ],
    label: 'Dabrafenib + trametinib',
    evidence: 'B-NR',
    trial: 'BRF113928 (Planchard D et al. Lancet Oncol 2016;17:984)',
  },
  {
    gene: 'BRAF',
    alterations: ['V600E'],
    tumour: 'melanoma',
    drugs: [
      { drug: 'dabrafenib', dose: '150 mg orally twice daily' },
      { drug: 'trametinib', dose: '2 mg orally once daily' },
    ],
    label: 'Dabrafenib + trametinib',
    evidence: 'A',
    trial: 'COMBI-d (Long GV et al. NEJM 2014;371:1877)',
  },
  {
    gene: 'BRAF',
    alterations: ['V600E'],
    tumour: 'colorectal',
    drugs: [
      { drug: 'encorafenib', dose: '300 mg orally once daily' },
      { drug: 'cetuximab', dose: '400 mg/m2 IV then 250 mg/m2 weekly' },
    ],
    label: 'Encorafenib + cetuximab',
    evidence: 'A',
    trial: 'BEACON CRC (Kopetz S et al. NEJM 2019;381:1632)',
  },
  {
    gene: 'KRAS',
    alterations: ['G12C'],
    tumour: 'lung',
    drugs: [{ drug: 'sotorasib', dose: '960 mg orally once daily' }],
    label: 'Sotorasib (after prior systemic therapy)',
    evidence: 'B-NR',
    trial: 'CodeBreaK 100 (Skoulidis F et al. NEJM 2021;384:2371)',
  },
  {
    gene: 'KRAS',
    alterations: ['G12C'],
    tumour: 'lung',
    drugs: [{ drug: 'adagrasib', dose: '600 mg orally twice daily' }],
    label: 'Adagrasib (after prior systemic therapy)',
    evidence: 'B-NR',
    trial: 'KRYSTAL-1 (Jänne PA et al. NEJM 2022;387:120)',
  },
  {
    gene: 'KRAS',
    alterations: ['G12C'],
    tumour: 'colorectal',
    drugs: [
      { drug: 'adagrasib', dose: '600 mg orally twice daily' },
      { drug: 'cetuximab', dose: '500 mg/m2 IV every 2 weeks' },
    ],
    label: 'Adagrasib + cetuximab (after prior chemotherapy)',
    evidence: 'B-NR',
    trial: 'KRYSTAL-1 CRC (Yaeger R et al. NEJM 2023;388:44)',
  },
  {
    gene: 'ERBB2',
    alterations: ['amplification'],
    tumour: 'breast',
    drugs: [
      { drug: 'trastuzumab', dose: '8 mg/kg IV then 6 mg/kg every 3 weeks' },
      { drug: 'pertuzumab', dose: '840 mg IV then 420 mg every 3 weeks' },
    ],
    label: 'Trastuzumab + pertuzumab with a taxane',
    evidence: 'A',
    trial: 'CLEOPATRA (Baselga J et al. NEJM 2012;366:109)',
  },
  {
    gene: 'BRCA1',
    alterations: ['pathogenic'],
    tumour: 'breast',
    drugs: [{ drug: 'olaparib', dose: '300 mg orally twice daily' }],
    label: 'Olaparib (germline BRCA, HER2-negative)',
    evidence: 'A',
    trial:
      'OlympiAD (Robson M et al. NEJM 2017;377:523); OlympiA adjuvant (Tutt ANJ et al. NEJM 2021;384:2394)',
  },
  {
    gene: 'BRCA2',
    alterations: ['pathogenic'],
    tumour: 'breast',
    drugs: [{ drug: 'olaparib', dose: '300 mg orally twice daily' }],
    label: 'Olaparib (germline BRCA, HER2-negative)',
    evidence: 'A',
    trial: 'OlympiAD (Robson M et al. NEJM 2017;377:523)',
  },
  {
    gene: 'PIK3CA',
    alterations: ['H1047R'],
    tumour: 'breast',
    drugs: [
      { drug: 'alpelisib', dose: '300 mg orally once daily' },
      { drug: 'fulvestrant', dose: '500 mg IM days 1, 15, 29 then monthly' },
    ],
    label: 'Alpelisib + fulvestrant (HR+/HER2-, after endocrine therapy)',
    evidence: 'A',
    trial: 'SOLAR-1 (André F et al. NEJM 2019;380:1929)',
  },
];

const oncokb = 'OncoKB Therapeutic Level 1 (oncokb.org)';

function tumoursOf(facts: PatientFacts): Tumour[] {
  const c = facts.conditions;
  return [
    c.lungCancer && 'lung',
    c.colorectalCancer && 'colorectal',
    c.breastCancer && 'breast',
    c.melanoma && 'melanoma',
  ].filter(Boolean) as Tumour[];
}

export function oncologyFinding(facts: PatientFacts): GuidelineFinding | undefined {
  const tumours = tumoursOf(facts);
  if (!tumours.length || !facts.tumour.length) return undefined;
  const candidates: Candidate[] = [];
  const unmatched: string[] = [];
  const taking = new Set(facts.medications.flatMap((m) => m.ingredients));
  const onTherapy: string[] = [];
  for (const f of facts.tumour) {
    const rows = actionableAlterations.filter(
      (a) =>
        a.gene === f.gene && a.alterations.includes(f.alteration) && tumours.includes(a.tumour),
    );
    if (!rows.length) unmatched.push(`${f.gene} ${f.alteration}`);
    for (const a of rows) {
      // A regimen the patient is on is not proposed again; one partly taken is, and says so (a
      // patient on adjuvant trastuzumab alone is offered the regimen with pertuzumab, for the
      // oncologist to weigh by stage and nodal status).
      const current = a.drugs.map((d) => d.drug).filter((d) => taking.has(d));
      // A course that ended (adjuvant trastuzumab for a year...): proposed again, for a clinician to
      // weigh against recurrence, with when it ended.
      const finished = (facts.completedMedications ?? []).filter((m) =>
        m.ingredients.some((d) => a.drugs.some((x) => x.drug === d) && !taking.has(d)),
      );
      for (const m of finished)
        onTherapy.push(
          `${a.label} for ${f.gene} ${f.alteration}: ${m.ingredients.join(' and ')} completed${m.ended ? ` (course ended ${m.ended})` : ''}; a new course is for recurrence or metastatic disease`,
        );
      if (current.length > 0)
        onTherapy.push(
          `${a.label} for ${f.gene} ${f.alteration}: already taking ${current.join(' and ')}${current.length === a.drugs.length ? ', so not proposed again' : ''}`,
        );
      if (current.length === a.drugs.length) continue;
      candidates.push(
        drugOption(`${a.label} for ${f.gene} ${f.alteration} ${a.tumour} cancer`, a.drugs, {
          rationale: `${f.gene} ${f.alteration} (${f.source}) in ${a.tumour} cancer: ${oncokb}`,
          strength: 'strong',
          evidence: a.evidence,
          benefit: a.evidence === 'A' ? 0.9 : 0.75,
          source: `${oncokb}; ${a.trial}`,
        }),
      );
    }
  }
  return {
    topic: 'oncology',
    title: 'Targeted therapy for actionable tumour alterations',
    guideline: {
      name: 'OncoKB therapeutic levels with pivotal trials',
      version: 'Level 1 as encoded 2025',
      citation: oncokb,
    },
    summary: `${tumours.join(', ')} cancer with ${facts.tumour.map((f) => `${f.gene} ${f.alteration}`).join(', ')}`,
    candidates,
    inputs: facts.tumour.map((f) => ({
      name: `${f.gene} alteration`,
      value: f.alteration,
      source: f.source,
    })),
    notes: [
      ...onTherapy,
      unmatched.length
        ? `no Level 1 targeted therapy encoded for: ${unmatched.join(', ')} in this tumour type`
        : '',
      'line of therapy, stage, HR/HER2 status and performance status decide between these: confirm with the current NCCN guideline and a molecular tumour board',
    ].filter(Boolean),
  };
}
