// Domain (nlp/vocabulary): the named pharmacogene alleles of the project's own allele-definition table
// (shared/domain/pgx/allele-definitions.ts: PharmCAT allele definitions, PharmGKB/PharmCAT @ 5431bf11,
// data version 2025-11-05, derived from the CPIC allele definition tables) as Variant concepts, so a
// note's "CYP2B6*6" or "DPYD c.1905+1G>A" links to the same allele the genotype pipeline calls. An
// allele that differs from the gene's reference haplotype at exactly one position carries that
// position's dbSNP id; multi-position haplotypes (CYP2C19*4, TPMT*3A) carry none. Reference rows are
// left out; alleles the hand-written variant list already names keep that concept.
import type { Concept } from '../model';
import {
  alleleDefinitions,
  pgxGenes,
  pharmcatCommit,
  pharmcatDataVersion,
  type GeneDefinition,
  type NamedAlleleDefinition,
} from '../../pgx/allele-definitions';
import { conceptId } from './define';

const source = `PharmCAT allele definitions @ ${pharmcatCommit} (data ${pharmcatDataVersion}; CPIC tables); dbSNP`;

/** Names of one allele as notes write them: "CYP2B6*6"; "DPYD c.1905+1G>A" and "DPYD*2A". */
export function alleleNames(gene: string, name: string): string[] {
  const star = /^\*[\dA-Z.+*]+$/.test(name);
  if (star) return [`${gene}${name}`];
  const withStar = /^(.*?)\s*\((\*[\dA-Z.]+)\)$/.exec(name);
  if (withStar) return [`${gene} ${withStar[1]}`, `${gene}${withStar[2]}`];
  return [`${gene} ${name}`];
}

/** The dbSNP id of the one position where `allele` differs from the reference row, if there is one. */
function singleRsid(definition: GeneDefinition, allele: NamedAlleleDefinition): string | undefined {
  const reference = definition.namedAlleles.find((a) => a.reference);
  const differing = Object.entries(allele.alleles).filter(
    ([pos, base]) => reference?.alleles[Number(pos)] !== base,
  );
  if (differing.length !== 1) return undefined;
  const position = definition.positions.find((p) => p.pos === Number(differing[0]![0]));
  return position?.rsid ?? undefined;
}

/**
 * Variant concepts for the named alleles, without those whose name or dbSNP id one of `existing` (the
 * hand-written variants) already has. Two alleles of one multi-allelic site (TPMT*3C and *41 at
 * rs1142345) both carry its id; `indexVariants` then resolves an "rs" mention to neither.
 */
export function pgxAlleleVariants(existing: readonly Concept[]): Concept[] {
  const names = new Set(existing.flatMap((c) => c.synonyms.map((s) => s.toUpperCase())));
  const rsids = new Set(existing.flatMap((c) => (c.codes.dbsnp ? [c.codes.dbsnp] : [])));
  const rows: { synonyms: string[]; rsid?: string }[] = [];
  for (const gene of pgxGenes) {
    const definition = alleleDefinitions[gene];
    for (const allele of definition.namedAlleles) {
      if (allele.reference) continue;
      const synonyms = alleleNames(gene, allele.name);
      if (synonyms.some((s) => names.has(s.toUpperCase()))) continue;
      const rsid = singleRsid(definition, allele);
      if (rsid && rsids.has(rsid)) continue;
      synonyms.forEach((s) => names.add(s.toUpperCase()));
      rows.push({ synonyms, ...(rsid ? { rsid } : {}) });
    }
  }
  return rows.map(({ synonyms, rsid }) => ({
    id: conceptId('Variant', synonyms[0]!),
    type: 'Variant',
    preferred: synonyms[0]!,
    synonyms,
    abbreviations: [],
    codes: rsid ? { dbsnp: rsid } : {},
    source,
  }));
}
