// Tests (genomics): a 200,000-line VCF streams through readVcf one line at a time, never accumulating records; throughput is printed, not asserted.
import { describe, expect, it } from 'vitest';
import type { NumberedLine } from '../ingest/lines';
import { Rng } from '../synth/rng';
import { sampleGenome } from '../synth/genomics/genome';
import { vcfHeader, vcfRecords } from '../synth/genomics/vcf';
import { genotypeRecords } from './genotype-records';
import { readVcf } from './vcf-reader';

const dataLines = 200_000;

/** Header, then `dataLines` records cycled from one synthetic genome; counts lines handed out. */
function generatedVcf() {
  const header = vcfHeader(['P1', 'P2'], {
    reference: 'GRCh38',
    source: 'stream-test',
    date: '2026-01-01',
  });
  const records = vcfRecords(sampleGenome('european', ['lung-cancer'], new Rng(11)));
  const source = { produced: 0, headerLines: header.length };
  async function* lines(): AsyncGenerator<NumberedLine> {
    for (const text of header) yield { line: ++source.produced, text };
    for (let i = 0; i < dataLines; i++) {
      const text = records[i % records.length]!;
      // Second sample: the first one's genotype; the writer is one-sample, the reader is not.
      yield { line: ++source.produced, text: `${text}\t${text.split('\t')[9]}` };
    }
  }
  return { source, lines: lines() };
}

describe('Function: readVcf (streaming)', () => {
  it('yields each variant before reading the next line, so no file-sized state builds up', async () => {
    const { source, lines } = generatedVcf();
    let seen = 0;
    let maxLag = 0;
    let het = 0;
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();

    for await (const result of readVcf(lines, 'big.vcf')) {
      if (result.kind === 'error') throw result.error;
      if (result.kind !== 'variant') continue;
      seen++;
      // The reader may be at most the current line ahead of what it has yielded.
      maxLag = Math.max(maxLag, source.produced - source.headerLines - seen);
      het += genotypeRecords(result).filter((r) => r.zygosity === 'het').length;
    }

    const seconds = (performance.now() - started) / 1000;
    const heapGrowthMiB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
    console.log(
      `readVcf: ${dataLines} lines in ${seconds.toFixed(2)} s = ${Math.round(dataLines / seconds)} lines/s; ` +
        `heap growth ${heapGrowthMiB.toFixed(1)} MiB (not asserted)`,
    );
    expect(seen).toBe(dataLines);
    expect(maxLag).toBe(0);
    expect(het).toBeGreaterThan(0);
  });
});
