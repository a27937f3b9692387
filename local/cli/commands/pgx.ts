// `caregraph pgx --vcf FILE [--outside-calls TSV] [--sample S] [--drugs a,b] [--json]`: call star-allele
// diplotypes from a GRCh38 VCF, assign CPIC phenotypes and print CPIC drug recommendations (contract:
// docs/cli.md). Thin: read files, call the pgx domain, print.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { ValidationError } from '../../../shared/domain/errors';
import { readVcf } from '../../../shared/domain/genomics/vcf-reader';
import { decompressIfGzip, numberedLines } from '../../../shared/domain/ingest/lines';
import {
  cpicDrugs,
  cpicGaps,
  cpicRecommendations,
  type CpicGap,
  type CpicRecommendation,
} from '../../../shared/domain/pgx/cpic-recommendations';
import { parseOutsideCalls } from '../../../shared/domain/pgx/outside-calls';
import {
  incompleteCallWarnings,
  pgxProfile,
  type PgxGeneResult,
} from '../../../shared/domain/pgx/profile';
import { readSampleGenotypes } from '../../../shared/domain/pgx/vcf-genotypes';
import { out, parseFlags, requireFlag, UsageError, type Command } from '../io';

const usage = `Usage: caregraph pgx --vcf FILE [--outside-calls TSV] [--sample S] [--drugs a,b] [--json]
  --vcf            GRCh38 VCF (plain or gzip); GRCh37 is refused
  --outside-calls  TSV of gene<TAB>diplotype: CYP2D6 (*1/*4, *1x2/*4), HLA-B (*57:01 positive or
                   *57:01/*08:01), HLA-A, or any VCF gene to replace its call
  --sample         sample column to read (default: the normal sample the header names,
                   ##normal_sample= or ##SAMPLE ID=NORMAL, else the first)
  --drugs          only these drugs' recommendations (comma-separated, any case); a drug without a
                   CPIC guideline here is an error (exit 1) listing those with one, and a drug whose
                   genes were not typed gets a warning naming them
  --json           {"sample","genes":[{"gene","diplotype","phenotype","activityScore"?,"missingPositions",...}],
                    "recommendations":[{"drug","gene"|"genes","phenotype","action","strength","source",...}],"warnings"}`;

function inputFile(path: string, flag: string): string {
  if (!existsSync(path) || !statSync(path).isFile())
    throw new ValidationError(`--${flag}: file not found: ${basename(path)}`, flag);
  return path;
}

/**
 * The drugs `--drugs` names, lower-cased and once each; a name no CPIC table (or the warfarin
 * algorithm) covers, a misspelling or a brand name ("plavix"), is an error naming it, since showing
 * no recommendation for it would read as "no PGx concern".
 */
function drugsFlag(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const drugs = [
    ...new Set(
      value
        .split(',')
        .map((d) => d.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
  if (drugs.length === 0) throw new UsageError('--drugs: give at least one drug name');
  const known = cpicDrugs();
  const unknown = drugs.filter((d) => !known.includes(d));
  if (unknown.length)
    throw new ValidationError(
      `--drugs: no CPIC guideline for ${unknown.map((d) => `"${d}"`).join(', ')} (generic names; the drugs with one: ${known.join(', ')})`,
      'drugs',
    );
  return drugs;
}

/** The warning for a drug asked for by `--drugs` that gets no recommendation. */
function gapWarning(gap: CpicGap): string {
  const why = gap.untested.length
    ? `${gap.untested.join(', ')} not tested (give ${gap.untested.length > 1 ? 'them' : 'it'} with --outside-calls)`
    : `no CPIC row for ${Object.entries(gap.lookupKey)
        .map(([gene, value]) => `${gene} ${value}`)
        .join(', ')}`;
  return `--drugs: no recommendation for ${gap.drug}: ${why}`;
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
    const drugs = drugsFlag(values.drugs);
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
    const recommendations = cpicRecommendations(profile, drugs);
    const warnings = [
      ...read.warnings,
      ...incompleteCallWarnings(profile),
      ...(drugs ? cpicGaps(profile, drugs).map(gapWarning) : []),
    ];
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
