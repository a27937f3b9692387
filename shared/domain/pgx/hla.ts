// Domain (pgx): HLA-A / HLA-B carrier status from outside calls, in the terms CPIC's lookup keys use
// ("*57:01 positive"). Sources: CPIC abacavir 2014 (HLA-B*57:01), allopurinol 2015 (HLA-B*58:01),
// carbamazepine 2017 (HLA-B*15:02, HLA-A*31:01), phenytoin 2020 (HLA-B*15:02).
//
// A genotype ("*57:01/*08:01") settles every tracked allele: carried if either allele's first two
// fields equal it (*57:01:01 counts as *57:01). A single status line ("*57:01 positive") settles only
// that allele; the others stay unknown (CPIC's "No Result").
import { ValidationError } from '../errors';
import { trackedHlaAlleles, type OutsideCall, type OutsideGeneResult } from './outside-calls';

const hlaAllele = /^\*?(\d{2,3}:\d{2,3})(?::\d{2,3})*(?::\d{2})?[A-Z]?$/;

function twoField(allele: string, call: OutsideCall): string {
  const match = hlaAllele.exec(allele.replace(/^HLA-[AB]/i, ''));
  if (!match)
    throw new ValidationError(
      `outside calls: line ${call.line}: ${call.gene} allele must look like *57:01`,
      'diplotype',
    );
  return `*${match[1]}`;
}

function statusesOf(call: OutsideCall): Record<string, 'positive' | 'negative'> {
  const status = /^(\S+)\s+(positive|negative)$/i.exec(call.diplotype);
  if (status) {
    const allele = twoField(status[1]!, call);
    return { [allele]: status[2]!.toLowerCase() as 'positive' | 'negative' };
  }
  const parts = call.diplotype.split('/').map((p) => p.trim());
  if (parts.length !== 2)
    throw new ValidationError(
      `outside calls: line ${call.line}: ${call.gene} must be "*57:01 positive" or "*57:01/*08:01"`,
      'diplotype',
    );
  const carried = parts.map((p) => twoField(p, call));
  return Object.fromEntries(
    trackedHlaAlleles[call.gene]!.map((a) => [a, carried.includes(a) ? 'positive' : 'negative']),
  );
}

/**
 * Merge all outside calls for one HLA gene into its carrier statuses. Throws when two lines disagree
 * about one allele.
 */
export function hlaResult(gene: string, calls: readonly OutsideCall[]): OutsideGeneResult {
  const carriers: Record<string, 'positive' | 'negative'> = {};
  for (const call of calls)
    for (const [allele, status] of Object.entries(statusesOf(call))) {
      if (carriers[allele] && carriers[allele] !== status)
        throw new ValidationError(
          `outside calls: line ${call.line}: ${gene}${allele} contradicts an earlier line`,
          'diplotype',
        );
      carriers[allele] = status;
    }
  const tracked = trackedHlaAlleles[gene]!.filter((a) => carriers[a]);
  const phenotype =
    tracked.map((a) => `${a} ${carriers[a]}`).join('; ') || 'no tracked allele determined';
  return {
    gene,
    diplotype: calls.map((c) => c.diplotype).join('; '),
    phenotype,
    lookupKey: phenotype,
    carriers,
  };
}

/** The CPIC lookup value for `allele` of an HLA result: "*57:01 positive" or "No Result". */
export function hlaLookup(result: OutsideGeneResult | undefined, allele: string): string {
  const status = result?.carriers?.[allele];
  return status ? `${allele} ${status}` : 'No Result';
}
