// Tests (pgx, eval data): the encoded allele-definition table equals PharmCAT's *_translation.json
// files cell by cell. Needs ../shared/data (not part of the product) and skips without it.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedDataDir } from '../../config/config';
import { alleleDefinitions, pgxGenes, pharmcatDataVersion } from './allele-definitions';

const definitionsDir = resolve(sharedDataDir(), 'pgx/allele-definitions');
const present = existsSync(join(definitionsDir, 'CYP2C19_translation.json'));
const title = present
  ? 'Table: allele definitions against PharmCAT JSON'
  : `Table: allele definitions against PharmCAT JSON (skipped: ${definitionsDir} not found)`;

interface TranslationJson {
  version: string;
  genomeBuild: string;
  chromosome: string;
  variants: {
    chromosome: string;
    position: number;
    rsid: string | null;
    ref: string;
    alts: string[];
    chromosomeHgvsName: string;
  }[];
  namedAlleles: {
    name: string;
    id: string;
    reference: boolean;
    alleles: (string | null)[];
    score: number;
  }[];
}

function translation(gene: string): TranslationJson {
  return JSON.parse(readFileSync(join(definitionsDir, `${gene}_translation.json`), 'utf8'));
}

describe.skipIf(!present)(title, () => {
  it.each(pgxGenes)('%s: same version, build and chromosome', (gene) => {
    const json = translation(gene);
    expect(json.version).toBe(pharmcatDataVersion);
    expect(json.genomeBuild).toBe('GRCh38.p14');
    expect(alleleDefinitions[gene].chrom).toBe(json.chromosome);
  });

  it.each(pgxGenes)('%s: same positions, rsIDs, REF and ALTs', (gene) => {
    const json = translation(gene);
    expect(alleleDefinitions[gene].positions).toEqual(
      json.variants.map((v) => ({
        chrom: v.chromosome,
        pos: v.position,
        rsid: v.rsid,
        ref: v.ref,
        alts: v.alts,
        hgvs: v.chromosomeHgvsName,
      })),
    );
  });

  it.each(pgxGenes)('%s: same named alleles, accessions, scores and cells', (gene) => {
    const json = translation(gene);
    const { positions, namedAlleles } = alleleDefinitions[gene];
    expect(
      namedAlleles.map((a) => ({
        name: a.name,
        id: a.pharmgkbId,
        reference: a.reference,
        alleles: positions.map((p) => a.alleles[p.pos] ?? null),
        score: a.score,
      })),
    ).toEqual(
      json.namedAlleles.map((a) => ({
        name: a.name,
        id: a.id,
        reference: a.reference,
        alleles: a.alleles,
        score: a.score,
      })),
    );
  });

  it('agrees with the JSON on the facts the other tests assert', () => {
    const cyp2c19 = translation('CYP2C19');
    const rs4244285 = cyp2c19.variants.findIndex((v) => v.rsid === 'rs4244285');
    expect(cyp2c19.variants[rs4244285]).toMatchObject({
      position: 94781859,
      ref: 'G',
      alts: ['A'],
    });
    expect(cyp2c19.namedAlleles.find((a) => a.name === '*2')!.alleles[rs4244285]).toBe('A');
    expect(translation('VKORC1').variants).toEqual([
      expect.objectContaining({ position: 31096368, rsid: 'rs9923231', ref: 'C', alts: ['T'] }),
    ]);
  });
});
