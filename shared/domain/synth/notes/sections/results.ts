// Domain (synth/notes/sections): results: the encounter's labs (LabTest entities with values), studies
// done for the presentation (Procedure entities), and tumour genomics (Gene/Variant entities).
import { measurements, systems } from '../../catalog';
import type { Rng } from '../../rng';
import type { NoteBuilder } from '../builder';
import type { Composer, Findings } from '../composer';
import { shiftDate } from '../context';
import { ruleOutStudy, workupFor, type ProcedureKey } from '../lexicon/clinical';
import {
  ddimerCutoffOf,
  questionnaireBand,
  shownMeasurements,
  writeMeasurements,
} from '../render/measurements';
import {
  writeAnatomy,
  writeCondition,
  writeDifferential,
  writeProcedure,
} from '../render/mentions';
import { writeDate } from '../render/phi';
import { bank, say, type Slots, type Template } from '../template';
import { ddimerVerdict, differentialPlan } from './assessment';
import { lvefBounds, lvefCategory, type HeartFailurePhenotype } from '../../state/heart-failure';
import { writeHeader } from './headers';

/**
 * Lab introductions; "BMP/lipids" only when lipids are shown, else "BMP" (until 1.4.0 "BMP/lipids"
 * headed a creatinine and a potassium).
 */
const labIntros = bank(
  '',
  'Labs: ',
  'Recent labs ({date}): ',
  'Labs notable for ',
  'Pertinent labs: ',
  '{panel} ({date}): ',
);
const lipidKeys: ReadonlySet<string> = new Set(['totalCholesterol', 'ldl', 'hdl', 'triglycerides']);
const bmpKeys: ReadonlySet<string> = new Set(['glucoseMass', 'creatinine', 'egfr', 'potassium']);

/**
 * The heading over the labs: "BMP" only over a metabolic panel, "lipids" only over lipids, else
 * "Labs" (until 1.5.0 "BMP" headed a line that was only an HbA1c or a urine albumin/creatinine ratio).
 */
function panelName(labs: readonly { key: string }[]): string {
  const bmp = labs.some((m) => bmpKeys.has(m.key));
  const lipids = labs.some((m) => lipidKeys.has(m.key));
  if (bmp) return lipids ? 'BMP/lipids' : 'BMP';
  return lipids && labs.every((m) => lipidKeys.has(m.key)) ? 'Lipid panel' : 'Labs';
}

export function writeLabs(c: Composer): boolean {
  const labs = shownMeasurements(c, false);
  if (labs.length === 0) return false;
  writeHeader(c, 'labs');
  const surveys = labs.filter((m) => m.key === 'phq9' || m.key === 'gad7');
  const chemistry = labs.filter((m) => m.key !== 'phq9' && m.key !== 'gad7');
  if (chemistry.length > 0) {
    const intro = c.rng.pick(labIntros);
    const compact = intro.segments.length === 0 || c.rng.chance(0.6);
    const clinic = c.truth.encounter.kind === 'ambulatory' || c.truth.encounter.kind === 'wellness';
    say(c.b, [intro], c.rng, {
      // The encounter's own labs: drawn on the day in the ED or on the ward, up to 3 days before a
      // clinic visit (until 1.4.0 also days before an ED visit).
      date: (b) =>
        writeDate(
          b,
          shiftDate(c.truth.date, clinic ? -c.rng.int(0, 3) : 0),
          c.style.dateStyle,
          c.rng,
        ),
      panel: (b) => b.text(panelName(chemistry)),
    });
    writeMeasurements(c, chemistry, compact);
  }
  for (const m of surveys) {
    const key = m.key as 'phq9' | 'gad7';
    c.b.entity(
      c.rng.pick(
        key === 'phq9' ? ['PHQ-9', 'PHQ-9 score', 'PHQ9'] : ['GAD-7', 'GAD-7 score', 'GAD7'],
      ),
      'LabTest',
      'present',
      { code: measurements[key].loinc, system: systems.loinc },
    );
    c.b.verbatim(c.rng.pick([' ', ': ', ' = ', ' of '])).verbatim(String(Math.round(m.value)));
    if (c.rng.chance(0.6))
      c.b.text(
        c.rng.pick([
          ` (${questionnaireBand(key, m.value)})`,
          `, ${questionnaireBand(key, m.value)}`,
        ]),
      );
    c.b.verbatim('\n');
  }
  return true;
}

/**
 * Result phrasings per study and finding, compiled once. The findings are slots filled from
 * `Composer.findings` (drawn once per encounter, sides once per patient), so every note of an
 * admission reports the same EF, FEV1 and BI-RADS and a tumour stays on its side; only the wording
 * varies per note (until 1.5.0 each note drew its own: "EF 25%" in the H&P, "EF 35%" in the
 * discharge summary, a mass in the right upper lobe and then in the left).
 */
// prettier-ignore
const studyBanks = {
  ecgAf: bank('{proc} showed {dx}', '{proc}: {dx}{, no acute ST changes|}', '{proc} confirms {dx}'),
  ecgIschemia: bank('{proc} with ST depressions in V4-V6', '{proc}: lateral ST changes, no ST elevation'),
  ecgNormal: bank('{proc}: normal sinus rhythm, no acute ST changes', '{proc} NSR, unchanged from prior'),
  echoReduced: bank('{proc} with EF {ef}%, global hypokinesis', '{proc}: reduced LVEF ({ef}%)'),
  echoMildlyReduced: bank('{proc} with EF {ef}%, mild global hypokinesis', '{proc}: mildly reduced LVEF ({ef}%)'),
  echoPreserved: bank('{proc}: preserved LVEF ({ef}%), {grade II diastolic dysfunction|impaired relaxation}', '{proc} with EF {ef}%, normal LV size, diastolic dysfunction', '{proc}: LVEF {efRange}%, {left atrial enlargement|diastolic dysfunction}'),
  echoNormal: bank('{proc}: normal LV function, EF {ef}%', '{proc} with preserved EF{, no wall motion abnormalities|}', '{proc}: LVEF {efRange}%{, no significant valvular disease|}'),
  cxrCongestion: bank('{proc}: pulmonary vascular congestion, small bilateral effusions', '{proc} with cephalization and interstitial edema'),
  // A "mass" in both (until 1.5.0 one note's mass was another's "nodule", a different size).
  cxrMass: bank('{proc} with a {side} upper lobe mass', '{proc}: spiculated mass in the {side} upper lobe'),
  cxrClear: bank('{proc} without evidence of {ddx}', '{proc}: no focal consolidation; {ddx} unlikely', '{proc} clear'),
  spirometry: bank('{proc}: FEV1/FVC {ratio}, {obstructive pattern|consistent with obstruction}', '{proc} with {reversibility} airflow obstruction{, FEV1 {predicted}% predicted|}'),
  mammogram: bank('{proc}: irregular mass, BI-RADS {biRads}', '{proc} with a spiculated mass in the {side} {breast}'),
  colonoscopy: bank('{proc}: fungating mass in the sigmoid {colon}, biopsied', '{proc} revealed a circumferential mass in the sigmoid {colon}'),
  pci: bank('Underwent {proc} to the LAD', 's/p {proc} with drug-eluting stent on hospital day 1'),
  other: bank('{proc} completed'),
};

/** The negative study behind a ruled-out emergency (lexicon/clinical.ts `ruleOutStudy`). */
// prettier-ignore
const ruleOutBanks: Readonly<Partial<Record<ProcedureKey, readonly Template[]>>> = {
  ctHead: bank('{proc}: no acute intracranial abnormality', '{proc} negative for hemorrhage or acute infarct', '{proc} without acute findings', '{proc} unremarkable{, no acute process|}'),
  ctpa: bank('{proc}: no {ddx}', '{proc} negative for {ddx}', '{proc} without filling defects{; no {ddx}|}'),
};

/**
 * A ruled-out PE's work-up (2019 ESC PE guideline, Konstantinides SV et al., Eur Heart J 2020;41:543,
 * section 4 and Figure 4; ACEP 2018 clinical policy, Wolf SJ et al., Ann Emerg Med 2018;71:e59; ACP
 * best practice advice, Raja AS et al., Ann Intern Med 2015;163:701): a D-dimer under the (age-adjusted)
 * cut-off excludes it without imaging; one at or above it leads to the CTPA that rules it out. The
 * clinical probability is not written as a score (the state has no Wells or Geneva items): a
 * high-probability patient would go to CTPA without a D-dimer, which the cohort does not model.
 */
// prettier-ignore
const ddimerNegativeBank = bank(
  '{dd} {value} ng/mL FEU, below the {cutoff}: {ddx} unlikely, no {proc} needed',
  '{dd} negative ({value} ng/mL FEU; {cutoff}); no {ddx}, {proc} not indicated',
  'Low clinical probability with {dd} {value} ng/mL FEU (below the {cutoff}): no {ddx}, {proc} not indicated',
);
// prettier-ignore
const ddimerPositiveBank = bank(
  '{dd} {value} ng/mL FEU, above the {cutoff}, so {proc} obtained: no {ddx}',
  '{dd} elevated at {value} ng/mL FEU ({cutoff}); {proc} negative for {ddx}',
  '{dd} {value} ng/mL FEU (positive, {cutoff}); {proc} without filling defects{; no {ddx}|}',
);

/** The D-dimer and the cut-off of a PE work-up line, as slots. */
function ddimerSlots(c: Composer): Slots {
  const draw = c.truth.measurements.find((m) => m.key === 'ddimer');
  const cutoff = ddimerCutoffOf(c.truth);
  const adjusted = cutoff > 500;
  return {
    dd: (b) =>
      b.entity(c.rng.pick(['D-dimer', 'D-dimer', 'd-dimer']), 'LabTest', 'present', {
        code: measurements.ddimer.loinc,
        system: systems.loinc,
      }),
    value: (b) => b.verbatim(String(Math.round(draw?.value ?? 0))),
    cutoff: (b) => {
      b.text(adjusted ? 'age-adjusted cut-off of ' : 'cut-off of ');
      b.verbatim(String(cutoff));
    },
  };
}

/**
 * The patient's sides (generator choices, equal odds): the lung a lung cancer is in and the breast a
 * breast mass is in. Drawn from the patient's stream, so every note of every encounter agrees.
 */
export function patientSides(rng: Rng): Pick<Findings, 'lungSide' | 'breastSide'> {
  return {
    lungSide: rng.chance(0.5) ? 'right' : 'left',
    breastSide: rng.chance(0.5) ? 'right' : 'left',
  };
}

/**
 * An encounter's study findings, drawn once for all its notes:
 * - LVEF: a patient with heart failure by this encounter (`lvef`, the patient's LVEF, %) has it
 *   measured with noise of up to 4 points either way, kept in its category (HFrEF ≤ 40, HFmrEF
 *   41-49, HFpEF ≥ 50: 2022 AHA/ACC/HFSA Guideline for the Management of Heart Failure, Heidenreich
 *   et al., Circulation 2022, section 2). The noise is a generator choice inside the test-retest
 *   variability of 2D echo LVEF (over 10 points between serial studies, Thavendiranathan P et al.
 *   JACC 2013;61:77); the category is the patient's, so a note never shows "EF 60%" of an HFrEF.
 *   A heart-failure encounter of a patient without a recorded LVEF (fixtures) keeps 25-40%; a heart
 *   without heart failure 55-65% (generator choice within the normal range). The first draw is the
 *   one the reduced EF used before phenotypes, so no other finding moves;
 * - spirometry: an FEV1/FVC below 0.70 is obstruction; asthma's obstruction is reversible after a
 *   bronchodilator (GINA 2024, Box 1-2), COPD's persistent: fixed or partially reversible (GOLD 2024
 *   report, chapter 2); FEV1 61-74% predicted (moderate, GOLD 2), a generator choice;
 * - a breast cancer's diagnostic mammogram BI-RADS 4 or 5 (ACR BI-RADS Atlas, 5th edition, 2013:
 *   suspicious or highly suggestive of malignancy), equal odds;
 * - acute otitis media's side: right, left or bilateral, equal odds (generator choice).
 */
export function encounterFindings(
  sides: Pick<Findings, 'lungSide' | 'breastSide'>,
  reason: string | undefined,
  rng: Rng,
  lvef?: number,
): Findings {
  const efDraw = rng.next();
  return {
    ...sides,
    heartFailureEf:
      lvef !== undefined
        ? measuredLvef(lvef, efDraw)
        : reason === 'heart-failure'
          ? [25, 30, 35, 40][Math.floor(efDraw * 4)]
          : undefined,
    normalEf: rng.pick([55, 60, 65]),
    fev1FvcRatio: rng.pick(['0.58', '0.62', '0.66']),
    fev1Predicted: rng.pick([61, 68, 74]),
    reversibility: reason === 'asthma' ? 'reversible' : rng.pick(['fixed', 'partially reversible']),
    biRads: rng.pick([4, 5]),
    otitisSide: rng.pick(['right', 'left', 'bilateral'] as const),
  };
}

/** An echo's reading of the patient's LVEF (%): ±4 points from `u` (uniform 0-1), in its category. */
function measuredLvef(lvef: number, u: number): number {
  const [lo, hi] = lvefBounds[lvefCategory(lvef)];
  return Math.min(hi, Math.max(lo, lvef + Math.floor(u * 9) - 4));
}

/** Echo phrasings by LVEF category. */
const echoBanks: Record<HeartFailurePhenotype, readonly Template[]> = {
  HFrEF: studyBanks.echoReduced,
  HFmrEF: studyBanks.echoMildlyReduced,
  HFpEF: studyBanks.echoPreserved,
};

/** The result phrasings for a study; the reason decides which findings are true. */
function studyBank(c: Composer, key: ProcedureKey): readonly Template[] {
  const reason = c.truth.reason;
  if (key === 'ecg') {
    if (reason === 'atrial-fibrillation') return studyBanks.ecgAf;
    return reason === 'myocardial-infarction' ? studyBanks.ecgIschemia : studyBanks.ecgNormal;
  }
  if (key === 'echo') {
    const ef = c.findings.heartFailureEf;
    return ef === undefined ? studyBanks.echoNormal : echoBanks[lvefCategory(ef)];
  }
  if (key === 'chestXray') {
    if (reason === 'heart-failure') return studyBanks.cxrCongestion;
    return reason === 'lung-cancer' ? studyBanks.cxrMass : studyBanks.cxrClear;
  }
  if (key === 'spirometry' || key === 'mammogram' || key === 'colonoscopy' || key === 'pci') {
    return studyBanks[key];
  }
  return studyBanks.other;
}

/** The finding slots of a study, from the encounter's findings. */
function findingSlots(c: Composer, key: ProcedureKey): Slots {
  const f = c.findings;
  const number = (value: number | string) => (b: NoteBuilder) => b.verbatim(String(value));
  if (key === 'echo') {
    const hf = f.heartFailureEf;
    const ef = hf ?? f.normalEf;
    const floor5 = Math.floor(ef / 5) * 5;
    return {
      ef: number(ef),
      efRange: number(
        hf !== undefined
          ? `${floor5}-${floor5 + 5}`
          : ef >= 65
            ? '60-65'
            : ef <= 55
              ? '55-60'
              : '60-65',
      ),
    };
  }
  if (key === 'chestXray') return { side: (b) => b.text(f.lungSide) };
  if (key === 'spirometry')
    return {
      ratio: number(f.fev1FvcRatio),
      predicted: number(f.fev1Predicted),
      reversibility: (b) => b.text(f.reversibility),
    };
  if (key === 'mammogram') return { biRads: number(f.biRads), side: (b) => b.text(f.breastSide) };
  return {};
}

const officeEchoStudies: readonly ProcedureKey[] = ['echo'];

/**
 * Studies done for the presentation, with findings consistent with the reason, then the negative
 * studies behind the emergencies the A/P rules out (`differentialPlan`; not in discharge summaries,
 * which weigh no differential).
 */
export function writeWorkup(c: Composer): void {
  writeReasonWorkup(c);
  if (c.truth.kind !== 'discharge-summary') writeRuleOutStudies(c);
  // Inline (comma-style) results end the line before the next header (until 1.5.0 "Echo with
  // preserved EF. ASSESSMENT AND PLAN:" ran on).
  if (!c.b.endsWithNewline()) c.b.verbatim('\n');
}

function writeReasonWorkup(c: Composer): void {
  const reason = c.truth.reason;
  // An office visit's echo (state/heart-failure.ts `markEchoVisits`), its only study.
  const officeEcho = c.truth.encounter.echo !== undefined && !c.truth.acute;
  if (!reason || (!c.truth.acute && !officeEcho)) return;
  const studies = officeEcho ? officeEchoStudies : (workupFor[reason] ?? []);
  if (studies.length === 0) return;
  for (const key of studies.slice(0, c.rng.int(1, studies.length))) {
    if (key === 'pci' && c.truth.encounter.kind !== 'inpatient') continue;
    // Spirometry needs a forced expiration that children cannot perform reliably before school
    // age (ATS/ERS Standardization of Spirometry 2019 Update, Graham et al., Am J Respir Crit Care Med
    // 2019; generator cut-off 6 years). Until 1.4.0 a 3-year-old in the ED had an "FEV1/FVC 0.62".
    if (key === 'spirometry' && c.truth.ageYears < 6) continue;
    const slots: Slots = {
      ...findingSlots(c, key),
      proc: () => writeProcedure(c, key, 'present'),
      dx: () => writeCondition(c, reason, 'present'),
      ddx: () => writeDifferential(c, 'pneumonia', 'negated'),
      breast: () => writeAnatomy(c, 'breast'),
      colon: () => writeAnatomy(c, 'colon'),
    };
    if (key === 'echo') c.echoLvef = c.findings.heartFailureEf ?? c.findings.normalEf;
    c.b.capitalise();
    say(c.b, studyBank(c, key), c.rng, slots);
    c.b.text('.').verbatim(c.style.lists === 'comma' ? ' ' : '\n');
  }
}

/**
 * The negative study of each emergency the A/P will rule out; a PE's D-dimer before it, and no CTPA
 * after a D-dimer under the cut-off (`ddimerNegativeBank`).
 */
function writeRuleOutStudies(c: Composer): void {
  for (const choice of differentialPlan(c)) {
    const study = choice.assertion === 'negated' ? ruleOutStudy[choice.key] : undefined;
    const phrasings = study ? ruleOutBanks[study] : undefined;
    if (!study || !phrasings) continue;
    const ddimer = choice.key === 'pulmonaryEmbolism' ? ddimerVerdict(c) : 'none';
    const negative = ddimer === 'negative';
    c.b.capitalise();
    say(
      c.b,
      negative ? ddimerNegativeBank : ddimer === 'positive' ? ddimerPositiveBank : phrasings,
      c.rng,
      {
        ...(ddimer === 'none' ? {} : ddimerSlots(c)),
        proc: () => writeProcedure(c, study, negative ? 'negated' : 'present'),
        ddx: () => writeDifferential(c, choice.key, 'negated'),
      },
    );
    c.b.text('.').verbatim(c.style.lists === 'comma' ? ' ' : '\n');
  }
}

const genomicLines = bank(
  '{gene} {variant} mutation detected',
  'Positive for {gene} {variant}',
  'Tumor harbors {gene} {variant}',
  'NGS revealed {gene} {variant}{ (VAF {vaf}%)|}',
  '{gene} {variant} identified on next-generation sequencing',
);
const amplificationLines = bank(
  '{gene} {variant} detected by FISH',
  '{gene} {variant} (IHC 3+)',
  'Tumor shows {gene} {variant}',
);
const fusionLines = bank(
  '{gene} {variant} detected',
  'Positive for {gene} {variant} by RNA sequencing',
  '{gene} {variant} identified (EML4 partner)',
);

/** Tumour genomics for cancer patients with a genome, as Gene and Variant entities. */
export function writeGenomics(c: Composer): void {
  const findings = c.truth.patient.genome?.tumour ?? [];
  const cancer = c.truth.conditions.some((x) => /cancer/.test(x.condition.key));
  if (findings.length === 0 || !cancer) return;
  writeHeader(c, 'genomics');
  for (const finding of findings) {
    const call = c.truth.patient.genome!.variants.find((v) => v.gene === finding.gene && v.somatic);
    const lines =
      finding.kind === 'amplification'
        ? amplificationLines
        : finding.kind === 'fusion'
          ? fusionLines
          : genomicLines;
    say(c.b, lines, c.rng, {
      gene: (b) =>
        b.entity(finding.gene, 'Gene', 'present', {
          code: finding.gene,
          system: 'http://www.genenames.org',
        }),
      variant: (b) =>
        b.entity(
          alterationText(finding.gene, finding.alteration),
          'Variant',
          'present',
          call?.somatic
            ? { code: call.somatic.hgvsp, system: 'http://varnomen.hgvs.org' }
            : undefined,
        ),
      vaf: call?.somatic
        ? (b) => b.verbatim(String(Math.round(call.somatic!.vaf * 100)))
        : undefined,
    });
    c.b.text('.').verbatim('\n');
  }
}

/** The alteration without a repeated gene symbol ("ERBB2 amplification" -> "amplification"). */
function alterationText(gene: string, alteration: string): string {
  const trimmed = alteration.startsWith(`${gene} `)
    ? alteration.slice(gene.length + 1)
    : alteration;
  return trimmed.length > 0 ? trimmed : alteration;
}
