// Evaluation (pgx): the encoded phenotype and CPIC recommendation tables against the PharmCAT files in
// ../shared/data/pgx (phenotypes/<GENE>.json at PharmCAT @ 5431bf11; cpic-guidelines/CPIC_*.json at
// @ 0c6123b6): every listed diplotype's phenotype (and activity score), and every encoded lookup key's
// strength and text; plus diplotype recovery on synthetic genomes read back unphased.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pgxGenes } from '../../shared/domain/pgx/allele-definitions';
import { phenotypeAbbreviations } from '../../shared/domain/pgx/cpic-recommendations';
import { rawGuidelines } from '../../shared/domain/pgx/cpic-recommendations.data';
import { diplotypeGenotypes } from '../../shared/domain/pgx/genotypes.testkit';
import { diplotypePhenotype } from '../../shared/domain/pgx/phenotypes';
import { pgxProfile } from '../../shared/domain/pgx/profile';
import { sampleGenome } from '../../shared/domain/synth/genomics/genome';
import { Rng } from '../../shared/domain/synth/rng';
import type { EvalContext, EvalResult } from './suites';

interface PhenotypeFile {
  diplotypes: { diplotypekey: Record<string, number>; generesult: string; lookupkey: unknown }[];
}

function checkPhenotypes(dir: string, disagreements: string[]) {
  let agree = 0;
  let disagree = 0;
  for (const gene of pgxGenes) {
    const file = JSON.parse(readFileSync(join(dir, `${gene}.json`), 'utf8')) as PhenotypeFile;
    for (const d of file.diplotypes) {
      const alleles = Object.entries(d.diplotypekey).flatMap(([a, n]) => Array<string>(n).fill(a));
      const ours = diplotypePhenotype(gene, alleles as [string, string]);
      const key = gene === 'CYP2C9' || gene === 'DPYD' ? String(d.lookupkey) : d.generesult;
      if (ours.phenotype === d.generesult && ours.lookupKey === key) agree++;
      else {
        disagree++;
        disagreements.push(
          `${gene} ${alleles.join('/')}: ours ${ours.phenotype} (${ours.lookupKey}), file ${d.generesult} (${key})`,
        );
      }
    }
  }
  return { agree, disagree };
}

interface GuidelineFile {
  recommendations: {
    population?: string;
    classification?: { term: string };
    relatedChemicals: { name: string }[];
    lookupKey: Record<string, string>;
    text: { html: string };
  }[];
}

function plain(html: string): string {
  const body = html.replace(/<h4[\s\S]*/, '').replace(/<[^>]+>/g, '');
  const entities: Record<string, string> = {
    '&gt;': '>',
    '&lt;': '<',
    '&amp;': '&',
    '&quot;': '"',
    '&#39;': "'",
  };
  return body
    .replace(/&(gt|lt|amp|quot|#39);/g, (e) => entities[e]!)
    .replace(/\s+/g, ' ')
    .trim();
}

function guidelineFile(
  dir: string,
  drugs: readonly string[],
  genes: readonly string[],
): string | undefined {
  return readdirSync(dir).find(
    (f) =>
      f.startsWith('CPIC_') &&
      f.includes(`_${drugs[0]}_`) &&
      genes.every((g) => f.includes(g.replace('-', '_'))),
  );
}

function checkRecommendations(dir: string, disagreements: string[]) {
  const counts = { agree: 0, disagree: 0, notFound: 0, fileRowsNotEncoded: 0 };
  for (const g of rawGuidelines) {
    const name = guidelineFile(dir, g.drugs, g.genes);
    if (!name) {
      counts.notFound += g.rows.length * g.drugs.length;
      continue;
    }
    const file = JSON.parse(readFileSync(join(dir, name), 'utf8')) as GuidelineFile;
    for (const drug of g.drugs) {
      const rows = file.recommendations.filter(
        (r) =>
          r.classification &&
          r.relatedChemicals.some((c) => c.name === drug) &&
          (!g.population || r.population === g.population) &&
          Object.entries(g.assumes ?? {}).every(([gene, v]) => r.lookupKey[gene] === v),
      );
      const keyOf = (r: (typeof rows)[number]) =>
        g.genes.map((gene) => r.lookupKey[gene]).join('/');
      const expand = (key: string) =>
        key
          .split('/')
          .map((v) => phenotypeAbbreviations[v] ?? v)
          .join('/');
      for (const [key, strength, text] of g.rows) {
        const found = rows.find((r) => keyOf(r) === expand(key));
        if (!found) counts.notFound++;
        else if (
          found.classification!.term === strength &&
          plain(found.text.html) === g.texts[text]
        )
          counts.agree++;
        else {
          counts.disagree++;
          disagreements.push(
            `${drug} ${key}: ours ${strength}, file ${found.classification!.term}`,
          );
        }
      }
      counts.fileRowsNotEncoded += rows.filter(
        (r) => !g.rows.some(([key]) => expand(key) === keyOf(r)),
      ).length;
    }
  }
  return counts;
}

/** Synthetic genomes read back unphased: how often the called diplotype equals the phased truth. */
function syntheticRecovery(patients: number) {
  let exact = 0;
  let total = 0;
  for (let i = 0; i < patients; i++) {
    const genome = sampleGenome('european', [], new Rng(777, i));
    const genotypes = genome.diplotypes.flatMap((d) =>
      diplotypeGenotypes(d.gene as (typeof pgxGenes)[number], d.alleles[0], d.alleles[1]),
    );
    const profile = pgxProfile(genotypes);
    for (const truth of genome.diplotypes) {
      if (truth.gene === 'DPYD') continue;
      total++;
      if (profile.genes.find((g) => g.gene === truth.gene)?.diplotype === truth.alleles.join('/'))
        exact++;
    }
  }
  return { exact, total };
}

export async function pgxEval(ctx: EvalContext): Promise<EvalResult> {
  const phenotypes = join(ctx.sharedData, 'pgx/phenotypes');
  const guidelines = join(ctx.sharedData, 'pgx/cpic-guidelines');
  if (!existsSync(phenotypes) || !existsSync(guidelines))
    return {
      skipped: `${phenotypes} or ${guidelines} not found (the shared evaluation data is absent)`,
    };
  const disagreements: string[] = [];
  ctx.progress('pgx: phenotype tables');
  const p = checkPhenotypes(phenotypes, disagreements);
  ctx.progress('pgx: CPIC recommendation tables');
  const r = checkRecommendations(guidelines, disagreements);
  ctx.progress('pgx: synthetic genomes (200 patients, unphased)');
  const s = syntheticRecovery(200);
  return {
    metrics: {
      phenotypeDiplotypesChecked: p.agree + p.disagree,
      phenotypeAgreements: p.agree,
      phenotypeDisagreements: p.disagree,
      recommendationRowsChecked: r.agree + r.disagree + r.notFound,
      recommendationAgreements: r.agree,
      recommendationDisagreements: r.disagree,
      recommendationRowsNotInFile: r.notFound,
      fileRowsNotEncoded: r.fileRowsNotEncoded,
      syntheticDiplotypesExact: s.exact,
      syntheticDiplotypesTotal: s.total,
    },
    details: { disagreements: disagreements.slice(0, 50) },
  };
}
