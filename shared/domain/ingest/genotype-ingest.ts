// Domain (ingest): VCF genotypes become per-patient genotype records (not FHIR): every call at a
// pharmacogene's allele-defining position (reference calls too, so later star-allele calling knows
// which positions were tested), and every non-reference call elsewhere. The VCF sample name is the
// hospital's patient id, pseudonymised like every other id.
import type { Item } from '../../ports/table';
import { readVcf } from '../genomics/vcf-reader';
import { genotypeRecords, type GenotypeRecord } from '../genomics/genotype-records';
import type { ResourceProjector } from '../serving/resource-projection';
import type { NumberedLine } from './lines';
import type { SourceRecord } from './source-record';

export interface GenotypeSink {
  store(item: Item, curatedLine: string): Promise<void>;
  reject(record: SourceRecord): Promise<void>;
  counted(n: number): void;
}

/** Stream a VCF into genotype items; returns the number of stored genotype records. */
export async function ingestGenotypes(
  lines: AsyncIterable<NumberedLine>,
  file: string,
  hospital: string,
  batch: string,
  projector: ResourceProjector,
  sink: GenotypeSink,
): Promise<number> {
  let stored = 0;
  for await (const result of readVcf(lines, file)) {
    if (result.kind === 'error') {
      await sink.reject({ line: result.line, path: result.path, error: result.error });
      continue;
    }
    if (result.kind === 'header') continue;
    for (const record of genotypeRecords(result)) {
      if (!record.gene && (record.zygosity === 'hom-ref' || record.zygosity === 'no-call'))
        continue;
      const patient = await projector.pseudonym('Patient', record.sample);
      const genotype = { ...genotypeBody(record), patient: `Patient/${patient}` };
      const site = `${record.chrom}:${record.pos}:${record.ref}>${record.alt}`;
      await sink.store(
        {
          pk: `P#${hospital}#${patient}`,
          sk: `GT#${site}`,
          gsi2pk: `P#${hospital}#${patient}#Genotype`,
          gsi2sk: `${record.gene ?? '~'}#${site}`,
          hospital,
          batch,
          resource: genotype,
        },
        JSON.stringify(genotype),
      );
      stored++;
    }
    sink.counted(1);
  }
  return stored;
}

function genotypeBody(r: GenotypeRecord) {
  return {
    resourceType: 'Genotype',
    assembly: 'GRCh38',
    chrom: r.chrom,
    pos: r.pos,
    ref: r.ref,
    alt: r.alt,
    gt: r.gt,
    zygosity: r.zygosity,
    ...(r.gene ? { gene: r.gene } : {}),
  };
}
