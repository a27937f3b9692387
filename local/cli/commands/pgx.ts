// `caregraph pgx --vcf FILE [--outside-calls TSV] [--sample S] [--drugs a,b] [--json]`: call star-allele
// diplotypes from a GRCh38 VCF, assign CPIC phenotypes and print CPIC drug recommendations (contract:
// docs/cli.md). Thin: read files, call the pgx domain, print.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { ValidationError } from '../../../shared/domain/errors';
import { readVcf } from '../../../shared/domain/genomics/vcf-reader';
import { decompressIfGzip, numberedLines } from '../../../shared/domain/ingest/lines';
import {
  cpicRecommendations,
  type CpicRecommendation,
} from '../../../shared/domain/pgx/cpic-recommendations';
import { parseOutsideCalls } from '../../../shared/domain/pgx/outside-calls';
import {
  incompleteCallWarnings,
  pgxProfile,
  type PgxGeneResult,
} from '../../../shared/domain/pgx/profile';
import { readSampleGenotypes } from '../../../shared/domain/pgx/vcf-genotypes';
import { out, parseFlags, requireFlag, type Command } from '../io';

const usage = `Usage: caregraph pgx --vcf FILE [--outside-calls TSV] [--sample S] [--drugs a,b] [--json]
  --vcf            GRCh38 VCF (plain or gzip); GRCh37 is refused
  --outside-calls  TSV of gene<TAB>diplotype: CYP2D6 (*1/*4, *1x2/*4), HLA-B (*57:01 positive or
                   *57:01/*08:01), HLA-A, or any VCF gene to replace its call
  --sample         sample column to read (default: the first)
  --drugs          only these drugs' recommendations (comma-separated)
  --json           {"sample","genes":[{"gene","diplotype","phenotype","activityScore"?,"missingPositions",...}],
                    "recommendations":[{"drug","gene"|"genes","phenotype","action","strength","source",...}],"warnings"}`;

function inputFile(path: string, flag: string): string {
  if (!existsSync(path) || !statSync(path).isFile())
    throw new ValidationError(`--${flag}: file not found: ${basename(path)}`, flag);
  return path;
}

function geneRow(g: PgxGeneResult): string[] {
  const missing = g.missingPositions.length;
  const flag = g.callDependsOnMissing ? ' (call depends on them)' : '';
  return [
    g.gene,
    g.diplotype,
    g.phenotype,
    g.activityScore === undefined ? '' : String(g.activityScore),
    missing === 0 ? (g.source === 'outside' ? 'outside call' : '') : `${missing} missing${flag}`,
  ];
}

function recommendationRow(r: CpicRecommendation): string[] {
  return [r.drug, r.gene ?? r.genes!.join('+'), r.strength, r.action];
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

export const pgxCommand: Command = {
  name: 'pgx',
  summary: 'call pharmacogene diplotypes from a VCF and print CPIC drug recommendations',
  usage,
  async run(argv) {
    const { values } = parseFlags(argv, {
      vcf: { type: 'string' },
      'outside-calls': { type: 'string' },
      sample: { type: 'string' },
      drugs: { type: 'string' },
      json: { type: 'boolean' },
    });
    const vcf = inputFile(requireFlag(values.vcf, 'vcf'), 'vcf');
    const outside = values['outside-calls'];
    const outsideCalls = outside
      ? parseOutsideCalls(
          readFileSync(inputFile(outside, 'outside-calls'), 'utf8'),
          basename(outside),
        )
      : [];
    const source = await decompressIfGzip(createReadStream(vcf));
    const read = await readSampleGenotypes(
      readVcf(numberedLines(source), basename(vcf)),
      values.sample,
    );
    const profile = pgxProfile(read.genotypes, outsideCalls);
    const drugs = values.drugs
      ?.split(',')
      .map((d) => d.trim())
      .filter(Boolean);
    const recommendations = cpicRecommendations(profile, drugs);
    const warnings = [...read.warnings, ...incompleteCallWarnings(profile)];
    for (const warning of warnings) out.progress(`warning: ${warning}`);
    if (values.json) {
      out.json({
        sample: read.sample,
        genes: profile.genes,
        recommendations,
        warnings,
      });
      return 0;
    }
    out.result(`sample ${read.sample}\n`);
    out.result(
      table(
        ['gene', 'diplotype', 'phenotype', 'activity', 'missing positions'],
        profile.genes.map(geneRow),
      ),
    );
    out.result('');
    out.result(
      table(
        ['drug', 'gene(s)', 'strength', 'CPIC recommendation'],
        recommendations.map(recommendationRow),
      ),
    );
    return 0;
  },
};
