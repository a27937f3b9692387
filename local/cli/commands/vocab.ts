// `caregraph vocab import --format mesh|icd10cm|rxnorm|hgnc|mrconso FILE --out VOCAB.jsonl [--json]`:
// a licensed terminology release through its importer (shared/domain/nlp/importers) into one Concept
// per JSON line, which `caregraph extract --vocabulary` adds to the dictionary matcher (docs/cli.md,
// docs/nlp.md). Streams the release (MeSH XML is ~300 MB, MRCONSO.RRF ~2 GB), writes to a temporary
// file beside VOCAB.jsonl and renames it only when the whole release was read, so a failed import
// leaves no half-written vocabulary.
import { createWriteStream, existsSync, renameSync, rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CaregraphError, ValidationError } from '../../../shared/domain/errors';
import type { EntityType } from '../../../shared/domain/nlp/model';
import { vocabularyLine } from '../../../shared/domain/nlp/vocabulary/imported';
import {
  defaultTypesFile,
  fileSize,
  importRelease,
  releaseFormats,
  type ReleaseFormat,
} from '../../vocabulary-file';
import { out, parseFlags, requireFlag, UsageError, type Command } from '../io';

const usage = `Usage: caregraph vocab import --format FORMAT FILE --out VOCAB.jsonl [--types MRSTY.RRF]
                              [--billable-only] [--json]
  --format         mesh     MeSH descriptor XML (desc20xx.xml, NLM)
                   icd10cm  ICD-10-CM order file (icd10cm_order_20xx.txt, CMS/CDC)
                   rxnorm   RxNorm RXNCONSO.RRF (NLM)
                   hgnc     HGNC complete set TSV (hgnc_complete_set.txt)
                   mrconso  UMLS MRCONSO.RRF (NLM, UMLS licence), typed by MRSTY.RRF
  --out            the vocabulary to write: one concept per JSON line
  --types          mrconso: the MRSTY.RRF semantic types (default: MRSTY.RRF beside FILE)
  --billable-only  icd10cm: only codes valid for submission
  --json           print the summary as JSON`;

export interface VocabOptions {
  /** A progress line on stderr every this many concepts (default 10,000). */
  progressEvery?: number;
}

interface ImportSummary {
  format: ReleaseFormat;
  file: string;
  out: string;
  concepts: number;
  byType: Partial<Record<EntityType, number>>;
  seconds: number;
}

/** The `vocab` command; `progressEvery` for tests. */
export function vocabCommandWith(options: VocabOptions = {}): Command {
  const every = options.progressEvery ?? 10_000;
  return {
    name: 'vocab',
    summary: 'import a licensed terminology release (MeSH, ICD-10-CM, RxNorm, HGNC, UMLS)',
    usage,
    async run(argv) {
      const { values, positionals } = parseFlags(
        argv,
        {
          format: { type: 'string' },
          out: { type: 'string' },
          types: { type: 'string' },
          'billable-only': { type: 'boolean' },
          json: { type: 'boolean' },
        },
        true,
      );
      if (values.help) {
        out.result(usage);
        return 0;
      }
      const [sub, ...files] = positionals;
      if (sub !== 'import')
        throw new UsageError(sub ? `unknown vocab subcommand: ${sub}` : 'missing vocab subcommand');
      if (files.length !== 1) throw new UsageError('vocab import takes exactly one FILE');
      const file = files[0]!;
      const format = requireFlag(values.format, 'format') as ReleaseFormat;
      if (!releaseFormats.includes(format))
        throw new UsageError(`--format must be one of ${releaseFormats.join(', ')}`);
      const target = requireFlag(values.out, 'out');
      if (values.types !== undefined && format !== 'mrconso')
        throw new UsageError('--types goes with --format mrconso only');
      if (values['billable-only'] && format !== 'icd10cm')
        throw new UsageError('--billable-only goes with --format icd10cm only');
      if (format === 'mrconso' && values.types === undefined && !existsSync(defaultTypesFile(file)))
        throw new UsageError(
          `--format mrconso needs the semantic types: give --types MRSTY.RRF (there is no ${defaultTypesFile(file)})`,
        );
      const summary = await importToFile(format, file, target, every, {
        ...(values.types !== undefined ? { types: values.types } : {}),
        ...(values['billable-only'] ? { billableOnly: true } : {}),
      });
      if (values.json) out.json(summary);
      else {
        out.result(
          `wrote ${summary.concepts.toLocaleString('en-US')} concepts to ${summary.out} in ${summary.seconds.toFixed(1)} s`,
        );
        for (const [type, n] of Object.entries(summary.byType))
          out.result(`  ${type.padEnd(9)} ${n.toLocaleString('en-US')}`);
      }
      return 0;
    },
  };
}

export const vocabCommand = vocabCommandWith();

async function importToFile(
  format: ReleaseFormat,
  file: string,
  target: string,
  every: number,
  options: { types?: string; billableOnly?: boolean },
): Promise<ImportSummary> {
  const started = Date.now();
  const total = fileSize(file);
  let read = 0;
  let concepts = 0;
  const byType: Partial<Record<EntityType, number>> = {};
  const mib = (n: number) => `${(n / 2 ** 20).toFixed(1)} MiB`;
  out.progress(`vocab import: reading ${file} (${format}, ${mib(total)})`);
  async function* lines(): AsyncGenerator<string> {
    for await (const concept of importRelease(format, file, {
      ...options,
      onBytes: (n) => (read = n),
    })) {
      concepts++;
      byType[concept.type] = (byType[concept.type] ?? 0) + 1;
      if (concepts % every === 0)
        out.progress(
          `imported ${concepts.toLocaleString('en-US')} concepts (${mib(read)} of ${mib(total)} read)`,
        );
      yield vocabularyLine(concept) + '\n';
    }
  }
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    await pipeline(Readable.from(lines()), createWriteStream(temporary));
    // An empty result is almost always the wrong --format (e.g. an ICD-10-CM file read as MeSH XML):
    // an error, and no empty VOCAB.jsonl replaces a good one.
    if (concepts === 0)
      throw new ValidationError(
        `${file}: no ${format} concepts found; is --format ${format} right for this file?`,
        'format',
      );
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (!(error instanceof CaregraphError) && code && (error as NodeJS.ErrnoException).syscall)
      throw new ValidationError(`cannot write ${target}: ${code}`, 'out', { cause: error });
    throw error;
  }
  const seconds = (Date.now() - started) / 1000;
  out.progress(`imported ${concepts.toLocaleString('en-US')} concepts in ${seconds.toFixed(1)} s`);
  return { format, file, out: target, concepts, byType, seconds };
}
