// Domain (pgx): CPIC drug recommendations for a pharmacogenomic profile — each guideline's lookup key
// built from the profile (phenotype, activity score or HLA carrier status per gene) and looked up in
// the encoded CPIC tables (cpic-recommendations.data.ts; sources and versions there). Warfarin, which
// CPIC doses by algorithm rather than by lookup, is added from CYP2C9 and VKORC1 (warfarin-iwpc.ts).
//
// A gene whose call is incomplete (profile.ts: a missing defining position could change its phenotype)
// is looked up as Indeterminate; the recommendation names it in `incomplete`, and when CPIC has no row
// for that (DPYD, CYP2C19, ...) a "No recommendation" entry of kind 'indeterminate' stands in for the
// drug, so the missing data is reported rather than the drug silently dropped or dosed as standard.
import {
  cpicGuidelineCommit,
  rawGuidelines,
  type CpicStrength,
  type RawGuideline,
} from './cpic-recommendations.data';
import { cpicActionKind, type CpicActionKind } from './cpic-action-kind';
import { hlaLookup } from './hla';
import {
  incompleteGenes,
  type IncompleteGene,
  type PgxGeneResult,
  type PgxProfile,
} from './profile';
import { warfarinRecommendation } from './warfarin-iwpc';

/** The abbreviations the data file uses for CPIC phenotype lookup keys. */
export const phenotypeAbbreviations: Readonly<Record<string, string>> = {
  NM: 'Normal Metabolizer',
  IM: 'Intermediate Metabolizer',
  PIM: 'Possible Intermediate Metabolizer',
  PM: 'Poor Metabolizer',
  RM: 'Rapid Metabolizer',
  UM: 'Ultrarapid Metabolizer',
  LIM: 'Likely Intermediate Metabolizer',
  LPM: 'Likely Poor Metabolizer',
  IND: 'Indeterminate',
  NR: 'No Result',
  NF: 'Normal Function',
  DF: 'Decreased Function',
  PDF: 'Possible Decreased Function',
  PF: 'Poor Function',
  IF: 'Increased Function',
};

export interface CpicRecommendation {
  drug: string;
  /** Set when the guideline keys on one gene. */
  gene?: string;
  /** Set when the guideline keys on several genes. */
  genes?: string[];
  /** "Poor Metabolizer"; for several genes "TPMT Normal Metabolizer; NUDT15 Poor Metabolizer". */
  phenotype: string;
  /** The CPIC lookup key used, per gene. */
  lookupKey: Record<string, string>;
  /** The recommendation's first sentence (the whole text when short). */
  action: string;
  /** CPIC's recommendation text. */
  text: string;
  /**
   * What the text asks of a prescriber (cpic-action-kind.ts); the safety checks weigh it.
   * 'indeterminate': no CPIC row applies because a gene's call is incomplete (`incomplete`).
   */
  kind: CpicActionKind | 'indeterminate';
  strength: CpicStrength;
  /** Guideline name, year and citation, with the PharmGKB annotation id and version. */
  source: string;
  population?: string;
  /** Genes of the guideline whose call depends on missing positions (profile.ts), with those positions. */
  incomplete?: IncompleteGene[];
}

/** The text of the stand-in entry for a drug no CPIC row covers because of incomplete genes. */
function incompleteText(drug: string, incomplete: readonly IncompleteGene[]): string {
  const what = incomplete
    .map(
      (i) =>
        `${i.gene} (${i.positions.join(', ')} missing; a variant there would give ${i.alternatives.join(' or ')})`,
    )
    .join('; ');
  return `No recommendation can be made from an incomplete genotype: the call depends on defining positions missing from the genotype data: ${what}. Genotype the missing positions (or confirm with a clinical genotyping test) before using the result to guide ${drug}.`;
}

/**
 * A short imperative from CPIC's text: whole sentences until at least 100 characters (a first
 * sentence such as "Initiate standard starting daily dose." alone would drop the dose change).
 */
export function actionOf(text: string): string {
  let action = '';
  for (const sentence of text.split(/(?<=\.)\s+/)) {
    action = action ? `${action} ${sentence}` : sentence;
    if (action.length >= 100) break;
  }
  return action;
}

function expand(value: string): string {
  return phenotypeAbbreviations[value] ?? value;
}

/**
 * The per-gene values of a lookup key: "NR/n/a" is ["NR", "n/a"] (CPIC's "n/a", no activity score,
 * contains the "/" that joins the genes).
 */
export function keyValues(key: string): string[] {
  return key.split(/\/(?!a(?:\/|$))/);
}

/** The HLA allele column `i` of a guideline keys on ("*57:01"), read from its rows. */
function columnAllele(guideline: RawGuideline, i: number): string {
  const value = guideline.rows.map(([key]) => keyValues(key)[i]!).find((v) => v.startsWith('*'));
  return value!.split(' ')[0]!;
}

/** The lookup value the profile gives column `i` (gene `genes[i]`) of a guideline. */
function profileValue(guideline: RawGuideline, i: number, byGene: Map<string, PgxGeneResult>) {
  const gene = guideline.genes[i]!;
  const result = byGene.get(gene);
  if (gene.startsWith('HLA-')) return hlaLookup(result, columnAllele(guideline, i));
  return result?.lookupKey ?? 'No Result';
}

/** "≥3.0" matches an activity score of 3 or more; any other value matches exactly. */
function valueMatches(row: string, value: string): boolean {
  if (row.startsWith('≥')) return Number(value) >= Number(row.slice(1));
  return expand(row) === value;
}

// For a score above every exact key (CYP2D6 3.5), the highest "≥" key it meets applies.
function findRow(guideline: RawGuideline, values: readonly string[]) {
  const matching = guideline.rows.filter(([key]) =>
    keyValues(key).every((row, i) => valueMatches(row, values[i]!)),
  );
  const exact = matching.find(([key]) => !key.includes('≥'));
  if (exact) return exact;
  return matching.sort(([a], [b]) => Number(b.slice(1)) - Number(a.slice(1)))[0];
}

function sourceOf(g: RawGuideline): string {
  const { name, year, citation, pharmgkbId, annotationVersion } = g.guideline;
  return `${name} (CPIC ${year}); ${citation}; PharmGKB ${pharmgkbId} v${annotationVersion} via PharmCAT @ ${cpicGuidelineCommit}`;
}

function recommend(
  guideline: RawGuideline,
  drug: string,
  byGene: Map<string, PgxGeneResult>,
): CpicRecommendation | undefined {
  const genes = guideline.genes;
  if (genes.every((g) => !byGene.has(g))) return undefined;
  const values = genes.map((_, i) => profileValue(guideline, i, byGene));
  const row = findRow(guideline, values);
  const incomplete = incompleteGenes(genes, byGene);
  if (!row && incomplete.length === 0) return undefined;
  const lookupKey = Object.fromEntries(genes.map((g, i) => [g, values[i]!]));
  const phenotypes = genes.map((g, i) =>
    g.startsWith('HLA-') ? values[i]! : (byGene.get(g)?.phenotype ?? values[i]!),
  );
  const text = row ? guideline.texts[row[2]]! : incompleteText(drug, incomplete);
  return {
    drug,
    ...(genes.length === 1 ? { gene: genes[0]! } : { genes: [...genes] }),
    phenotype:
      genes.length === 1 ? phenotypes[0]! : genes.map((g, i) => `${g} ${phenotypes[i]}`).join('; '),
    lookupKey,
    action: actionOf(text),
    text,
    kind: row ? cpicActionKind(text, genes) : 'indeterminate',
    strength: row ? row[1] : 'No recommendation',
    source: sourceOf(guideline),
    ...(guideline.population ? { population: guideline.population } : {}),
    ...(incomplete.length ? { incomplete } : {}),
  };
}

/** Every drug the encoded CPIC tables (and the warfarin algorithm) cover, sorted. */
export function cpicDrugs(): string[] {
  return [...rawGuidelines.flatMap((g) => g.drugs), 'warfarin'].sort();
}

/** The genes warfarin's dosing algorithm reads (warfarin-iwpc.ts). */
const warfarinGenes = ['CYP2C9', 'VKORC1'] as const;

// An untested gene ("No Result") counts as absent, so a guideline needs at least one tested gene.
function testedGenes(profile: PgxProfile): Map<string, PgxGeneResult> {
  return new Map(profile.genes.filter((g) => g.lookupKey !== 'No Result').map((g) => [g.gene, g]));
}

/** Why a covered drug gets no CPIC recommendation from a profile (`cpicGaps`). */
export interface CpicGap {
  drug: string;
  /**
   * What its lookup needs that the profile has no result for: a gene ("CYP2D6"), or for an HLA gene
   * the allele CPIC keys on ("HLA-B*15:02"). Empty when every one has a result but no CPIC row
   * matches them (`lookupKey`).
   */
  untested: string[];
  /** The lookup values the profile gives, per gene. */
  lookupKey: Record<string, string>;
}

/**
 * The drugs among `drugs` (case-insensitive) that the CPIC tables or the warfarin algorithm cover but
 * `cpicRecommendations` gives nothing for, each with what is missing, sorted by drug; so a caller who
 * asked for a drug can say why it got no recommendation instead of showing nothing (an untyped gene
 * is not "no PGx concern"). Drugs no table covers are not listed (`cpicDrugs` names those that are).
 */
export function cpicGaps(profile: PgxProfile, drugs: readonly string[]): CpicGap[] {
  const wanted = new Set(drugs.map((d) => d.toLowerCase()));
  const recommended = new Set(cpicRecommendations(profile, [...wanted]).map((r) => r.drug));
  const byGene = testedGenes(profile);
  const gaps: CpicGap[] = [];
  for (const guideline of rawGuidelines)
    for (const drug of guideline.drugs) {
      if (!wanted.has(drug) || recommended.has(drug)) continue;
      const values = guideline.genes.map((_, i) => profileValue(guideline, i, byGene));
      gaps.push({
        drug,
        untested: guideline.genes.flatMap((gene, i) =>
          values[i] !== 'No Result'
            ? []
            : gene.startsWith('HLA-')
              ? [`${gene}${columnAllele(guideline, i)}`]
              : [gene],
        ),
        lookupKey: Object.fromEntries(guideline.genes.map((g, i) => [g, values[i]!])),
      });
    }
  if (wanted.has('warfarin') && !recommended.has('warfarin'))
    gaps.push({
      drug: 'warfarin',
      untested: warfarinGenes.filter((g) => !byGene.has(g)),
      lookupKey: Object.fromEntries(
        warfarinGenes.map((g) => [g, byGene.get(g)?.lookupKey ?? 'No Result']),
      ),
    });
  return gaps.sort((a, b) => (a.drug < b.drug ? -1 : a.drug > b.drug ? 1 : 0));
}

/**
 * CPIC recommendations for `profile`, one per drug (all covered drugs, or only `drugs`), sorted by
 * drug. A drug is left out when the profile has none of its genes or no CPIC row matches
 * (`cpicGaps` says which and why).
 */
export function cpicRecommendations(
  profile: PgxProfile,
  drugs?: readonly string[],
): CpicRecommendation[] {
  const wanted = drugs ? new Set(drugs.map((d) => d.toLowerCase())) : undefined;
  const byGene = testedGenes(profile);
  const found: CpicRecommendation[] = [];
  for (const guideline of rawGuidelines)
    for (const drug of guideline.drugs) {
      if (wanted && !wanted.has(drug)) continue;
      const r = recommend(guideline, drug, byGene);
      if (r) found.push(r);
    }
  if (!wanted || wanted.has('warfarin')) {
    const warfarin = warfarinRecommendation(byGene.get('CYP2C9'), byGene.get('VKORC1'));
    if (warfarin) found.push(warfarin);
  }
  return found.sort((a, b) => (a.drug < b.drug ? -1 : a.drug > b.drug ? 1 : 0));
}
