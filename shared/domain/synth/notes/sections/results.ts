// Domain (synth/notes/sections): results: the encounter's labs (LabTest entities with values), studies
// done for the presentation (Procedure entities), and tumour genomics (Gene/Variant entities).
import { measurements, systems } from '../../catalog';
import type { Composer } from '../composer';
import { shiftDate } from '../context';
import { workupFor, type ProcedureKey } from '../lexicon/clinical';
import { questionnaireBand, shownMeasurements, writeMeasurements } from '../render/measurements';
import {
  writeAnatomy,
  writeCondition,
  writeDifferential,
  writeProcedure,
} from '../render/mentions';
import { writeDate } from '../render/phi';
import { bank, say, type Slots, type Template } from '../template';
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
      panel: (b) => b.text(chemistry.some((m) => lipidKeys.has(m.key)) ? 'BMP/lipids' : 'BMP'),
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

/** Result phrasings per study and finding, compiled once. */
// prettier-ignore
const studyBanks = {
  ecgAf: bank('{proc} showed {dx}', '{proc}: {dx}{, no acute ST changes|}', '{proc} confirms {dx}'),
  ecgIschemia: bank('{proc} with ST depressions in V4-V6', '{proc}: lateral ST changes, no ST elevation'),
  ecgNormal: bank('{proc}: normal sinus rhythm, no acute ST changes', '{proc} NSR, unchanged from prior'),
  echoReduced: bank('{proc} with EF {25|30|35}%, global hypokinesis', '{proc}: reduced LVEF ({30|35|40}%)'),
  echoNormal: bank('{proc}: normal LV function, EF {55|60|65}%', '{proc} with preserved EF{, no wall motion abnormalities|, mild LVH|}', '{proc}: LVEF {55-60|60-65}%{, no significant valvular disease|}'),
  cxrCongestion: bank('{proc}: pulmonary vascular congestion, small bilateral effusions', '{proc} with cephalization and interstitial edema'),
  cxrMass: bank('{proc} with a {right|left} upper lobe mass', '{proc}: spiculated nodule in the {right|left} upper lobe'),
  cxrClear: bank('{proc} without evidence of {ddx}', '{proc}: no focal consolidation; {ddx} unlikely', '{proc} clear'),
  spirometry: bank('{proc}: FEV1/FVC {0.58|0.62|0.66}, {obstructive pattern|consistent with obstruction}', '{proc} with {reversible|partially reversible|fixed} airflow obstruction{, FEV1 {61|68|74}% predicted|}'),
  mammogram: bank('{proc}: irregular mass, BI-RADS {4|5}', '{proc} with a spiculated {breast} mass'),
  colonoscopy: bank('{proc}: fungating mass in the sigmoid {colon}, biopsied', '{proc} revealed a circumferential mass in the {colon}'),
  pci: bank('Underwent {proc} to the LAD', 's/p {proc} with drug-eluting stent on hospital day 1'),
  other: bank('{proc} completed'),
};

/** The result phrasings for a study; the reason decides which findings are true. */
function studyBank(c: Composer, key: ProcedureKey): readonly Template[] {
  const reason = c.truth.reason;
  if (key === 'ecg') {
    if (reason === 'atrial-fibrillation') return studyBanks.ecgAf;
    return reason === 'myocardial-infarction' ? studyBanks.ecgIschemia : studyBanks.ecgNormal;
  }
  if (key === 'echo')
    return reason === 'heart-failure' ? studyBanks.echoReduced : studyBanks.echoNormal;
  if (key === 'chestXray') {
    if (reason === 'heart-failure') return studyBanks.cxrCongestion;
    return reason === 'lung-cancer' ? studyBanks.cxrMass : studyBanks.cxrClear;
  }
  if (key === 'spirometry' || key === 'mammogram' || key === 'colonoscopy' || key === 'pci') {
    return studyBanks[key];
  }
  return studyBanks.other;
}

/** Studies done for the presentation, with findings consistent with the reason. */
export function writeWorkup(c: Composer): void {
  const reason = c.truth.reason;
  if (!reason || !c.truth.acute) return;
  const studies = workupFor[reason] ?? [];
  if (studies.length === 0) return;
  for (const key of studies.slice(0, c.rng.int(1, studies.length))) {
    if (key === 'pci' && c.truth.encounter.kind !== 'inpatient') continue;
    // Spirometry needs a forced expiration that children cannot perform reliably before school
    // age (ATS/ERS Standardization of Spirometry 2019 Update, Graham et al., Am J Respir Crit Care Med
    // 2019; generator cut-off 6 years). Until 1.4.0 a 3-year-old in the ED had an "FEV1/FVC 0.62".
    if (key === 'spirometry' && c.truth.ageYears < 6) continue;
    const slots: Slots = {
      proc: () => writeProcedure(c, key, 'present'),
      dx: () => writeCondition(c, reason, 'present'),
      ddx: () => writeDifferential(c, 'pneumonia', 'negated'),
      breast: () => writeAnatomy(c, 'breast'),
      colon: () => writeAnatomy(c, 'colon'),
    };
    c.b.capitalise();
    say(c.b, studyBank(c, key), c.rng, slots);
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
