// Domain (pgx): calls made outside the VCF (CYP2D6 from a copy-number-aware caller, HLA typing) read
// from a TSV, and what they mean: the CYP2D6 activity score and phenotype, HLA carrier status.
//
// Accepted file format (one call per line, tab-separated; blank lines and lines starting with "#" are
// skipped; a first line "gene<TAB>diplotype" is read as a header):
//   CYP2D6  *1/*4            star alleles; duplications as *1x2, *2x3 (copies, an integer 2-9)
//   HLA-B   *57:01 positive  carrier status of one allele ("positive" or "negative")
//   HLA-B   *57:01/*08:01    HLA genotype (two-field or longer names; carriers read from it)
//   HLA-A   *31:01 negative
//   CYP2C19 *1/*17           any of the ten VCF genes: replaces the VCF call (as PharmCAT does)
// CPIC's "xN" (unknown copy number) is refused: CPIC asks for x2 or x>=3 instead.
import { ValidationError } from '../errors';
import { namedAllele, pgxGenes, type PgxGene } from './allele-definitions';
import { orderDiplotype } from './haplotype-names';
import { formatActivityScore } from './phenotypes';

export interface OutsideCall {
  gene: string;
  diplotype: string;
  /** 1-based line in the TSV, for error messages. */
  line: number;
}

/** The HLA alleles CPIC guidelines key on (abacavir, allopurinol, carbamazepine/phenytoin). */
export const trackedHlaAlleles: Readonly<Record<string, readonly string[]>> = {
  'HLA-A': ['*31:01'],
  'HLA-B': ['*57:01', '*58:01', '*15:02'],
};

const outsideGenes = ['CYP2D6', ...Object.keys(trackedHlaAlleles), ...pgxGenes];

/**
 * Read an outside-call TSV (format in the file comment). Throws ValidationError naming the line on an
 * unknown gene, a malformed diplotype or a repeated non-HLA gene. `file` names the input in errors.
 */
export function parseOutsideCalls(text: string, file = 'outside calls'): OutsideCall[] {
  const calls: OutsideCall[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const fields = raw.split('\t').map((f) => f.trim());
    if (line === 1 && /^gene$/i.test(fields[0] ?? '')) return;
    const [gene, diplotype, ...rest] = fields;
    if (!gene || !diplotype || rest.some((f) => f !== ''))
      throw new ValidationError(`${file}: line ${line}: expected gene<TAB>diplotype`, 'line');
    const canonical = outsideGenes.find((g) => g.toUpperCase() === gene.toUpperCase());
    if (!canonical)
      throw new ValidationError(
        `${file}: line ${line}: gene must be one of ${outsideGenes.join(', ')}`,
        'gene',
      );
    if (!canonical.startsWith('HLA-') && calls.some((c) => c.gene === canonical))
      throw new ValidationError(`${file}: line ${line}: ${canonical} is given twice`, 'gene');
    calls.push({ gene: canonical, diplotype, line });
  });
  return calls;
}

/**
 * CYP2D6 allele activity values. Source: CPIC CYP2D6 allele functionality table (CPIC, PharmGKB;
 * values as standardised by Caudle et al., Clin Transl Sci 2020;13:116-124, where *10 is 0.25).
 */
export const cyp2d6ActivityValues: Readonly<Record<string, number>> = {
  '*1': 1,
  '*2': 1,
  '*35': 1,
  '*9': 0.5,
  '*14': 0.5,
  '*17': 0.5,
  '*29': 0.5,
  '*41': 0.5,
  '*10': 0.25,
  '*3': 0,
  '*4': 0,
  '*5': 0,
  '*6': 0,
  '*7': 0,
  '*8': 0,
  '*11': 0,
  '*12': 0,
  '*15': 0,
  '*36': 0,
  '*40': 0,
  '*42': 0,
};

function cyp2d6AlleleValue(allele: string, where: string): number {
  const match = /^(\*\d+)(?:x(\d+))?$/.exec(allele);
  if (allele.endsWith('xN'))
    throw new ValidationError(`${where}: copy number ${allele} is not valid; write x2 or x3`);
  const value = match ? cyp2d6ActivityValues[match[1]!] : undefined;
  if (!match || value === undefined)
    throw new ValidationError(
      `${where}: CYP2D6 allele ${allele} is not in the activity table (${Object.keys(cyp2d6ActivityValues).join(' ')})`,
      'diplotype',
    );
  const copies = match[2] === undefined ? 1 : Number(match[2]);
  if (copies < 1 || copies > 9)
    throw new ValidationError(`${where}: copy number must be 1-9`, 'diplotype');
  return value * copies;
}

/**
 * CYP2D6 phenotype from the activity score. Source: CPIC/DPWG CYP2D6 genotype-to-phenotype
 * standardisation (Caudle et al. 2020): 0 poor, 0.25-1 intermediate, 1.25-2.25 normal, >2.25
 * ultrarapid.
 */
export function cyp2d6Phenotype(score: number): string {
  if (score === 0) return 'Poor Metabolizer';
  if (score < 1.25) return 'Intermediate Metabolizer';
  if (score <= 2.25) return 'Normal Metabolizer';
  return 'Ultrarapid Metabolizer';
}

export interface OutsideGeneResult {
  gene: string;
  diplotype: string;
  phenotype: string;
  activityScore?: number;
  lookupKey: string;
  /** HLA only: carrier status of each tracked allele the call determines. */
  carriers?: Record<string, 'positive' | 'negative'>;
}

function splitDiplotype(call: OutsideCall): [string, string] {
  const parts = call.diplotype.split('/').map((p) => p.trim());
  if (parts.length !== 2 || parts.some((p) => p === ''))
    throw new ValidationError(
      `outside calls: line ${call.line}: ${call.gene} diplotype must be two alleles joined by "/"`,
      'diplotype',
    );
  return parts as [string, string];
}

/** CYP2D6 from an outside call: activity score (sum of allele values x copies) and phenotype. */
export function cyp2d6Result(call: OutsideCall): OutsideGeneResult {
  const [a, b] = splitDiplotype(call);
  const where = `outside calls: line ${call.line}`;
  const score = cyp2d6AlleleValue(a, where) + cyp2d6AlleleValue(b, where);
  return {
    gene: 'CYP2D6',
    diplotype: orderDiplotype(a, b).join('/'),
    phenotype: cyp2d6Phenotype(score),
    activityScore: score,
    lookupKey: formatActivityScore(score),
  };
}

/** A star-allele diplotype of one of the ten VCF genes given outside the VCF; names are checked. */
export function outsideStarAlleles(call: OutsideCall): [string, string] {
  const alleles = splitDiplotype(call);
  for (const allele of alleles)
    try {
      namedAllele(call.gene as PgxGene, allele);
    } catch {
      throw new ValidationError(
        `outside calls: line ${call.line}: ${call.gene} has no allele ${allele}`,
        'diplotype',
      );
    }
  return orderDiplotype(alleles[0], alleles[1]);
}
