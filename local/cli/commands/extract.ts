// `caregraph extract [FILE|-] [--jsonl] [--json] [--vocabulary VOCAB.jsonl]... [--lexicon FILE |
// --tagger DIR]`: clinical NER, assertions and relations (docs/cli.md; output fields fixed by the CLI
// contract). `--vocabulary` adds the concepts of `caregraph vocab import` to the curated vocabulary
// (mergeVocabularies). `--tagger` merges the trained taggers of `caregraph train ner` with the
// dictionary matcher by the rule saved in DIR/combination.json (training/deep/ner/combined.ts; the
// fixed rule, sequence tagger leading and BiLSTM filling gaps, only without one).
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { ValidationError } from '../../../shared/domain/errors';
import { createNlpEngine, extractClinical } from '../../../shared/domain/nlp/extract';
import { parseLexicon } from '../../../shared/domain/nlp/lexicon/learn';
import type { ExtractionResult } from '../../../shared/domain/nlp/model';
import { starterVocabulary } from '../../../shared/domain/nlp/vocabulary/index';
import { selectBackend } from '../../../training/deep/backend';
import { loadCombinedExtractor } from '../../../training/deep/ner/combined';
import { loadVocabularies } from '../../vocabulary-file';
import { yearOfFhirDate } from '../../../shared/domain/nlp/note-year';
import { out, parseFlags, UsageError, type Command } from '../io';

/** `noteYear`: the year the note was written, when the input says (`date`). */
type Extract = (text: string, noteYear?: number) => ExtractionResult;

const usage = `Usage: caregraph extract [FILE|-] [--jsonl] [--json] [--vocabulary VOCAB.jsonl]...
                        [--lexicon FILE | --tagger DIR]
  FILE          a text file, or - (default) for stdin
  --jsonl       input holds one {"id", "text"} per line; prints one {"id", "entities", "relations"} per line;
                an optional "date" (the note's, YYYY-MM-DD) makes an earlier year a past event ("MI in 2019")
  --json        print {"entities", "relations"} for the whole input
  --vocabulary  also match the concepts of a vocabulary written by \`caregraph vocab import\` (repeatable);
                a concept sharing a code with a curated one adds its names to that concept
  --lexicon     also match a learned lexicon (JSON written by the NER evaluation's trainLexicon)
  --tagger      also tag with the taggers in a directory written by \`caregraph train ner --out DIR\`:
                the sequence tagger, the BiLSTM and the dictionary matcher (with the lexicon saved
                beside them) merged by the rule \`train ner\` chose and saved in DIR/combination.json;
                a directory without a saved rule uses the fixed one (the sequence tagger leads,
                BiLSTM spans of confidence 0.9 or more fill its gaps)`;

export const extractCommand: Command = {
  name: 'extract',
  summary: 'clinical entities (with codes and assertions) and relations from free text',
  usage,
  async run(argv) {
    const { values, positionals } = parseFlags(
      argv,
      {
        jsonl: { type: 'boolean' },
        json: { type: 'boolean' },
        lexicon: { type: 'string' },
        tagger: { type: 'string' },
        vocabulary: { type: 'string', multiple: true },
      },
      true,
    );
    if (values.help) {
      out.result(usage);
      return 0;
    }
    if (positionals.length > 1) throw new UsageError('give at most one FILE (or - for stdin)');
    if (values.lexicon && values.tagger)
      throw new UsageError(
        'give --lexicon or --tagger, not both (a tagger carries its own lexicon)',
      );
    if (values.vocabulary?.length && values.tagger)
      throw new UsageError(
        'give --vocabulary or --tagger, not both (a tagger was trained on its own dictionary)',
      );
    const source = positionals[0] ?? '-';
    const extract = await extractor(values);
    if (values.jsonl) {
      await extractLines(extract, source);
      return 0;
    }
    const text = source === '-' ? await readStdin() : readText(source);
    const result = extract(text);
    if (values.json) out.json(contractView(result));
    else printTable(result);
    return 0;
  },
};

/** The contract's view of a result: entity and relation fields only (plus drug attributes). */
export function contractView(result: ExtractionResult) {
  return {
    entities: result.entities.map((e) => ({
      start: e.start,
      end: e.end,
      text: e.text,
      type: e.type,
      ...(e.code !== undefined ? { code: e.code, system: e.system } : {}),
      assertion: e.assertion,
      // A drug named as the substance of an allergy ("She is allergic to amoxicillin").
      ...(e.allergen ? { allergen: true } : {}),
      ...(e.attributes ? { attributes: e.attributes } : {}),
      // A coordinated mention ("breast and ovarian cancer") names several concepts.
      ...(e.members
        ? {
            members: e.members.map((m) => ({
              name: m.name,
              ...(m.code !== undefined ? { code: m.code, system: m.system } : {}),
            })),
          }
        : {}),
    })),
    relations: result.relations.map((r) => ({
      type: r.type,
      head: r.head,
      tail: r.tail,
      confidence: r.confidence,
    })),
  };
}

/** The dictionary engine (with an optional learned lexicon), or the tagger merged with it. */
async function extractor(values: {
  lexicon?: string;
  tagger?: string;
  vocabulary?: string[];
}): Promise<Extract> {
  if (values.tagger) {
    const backend = await selectBackend();
    out.progress(`tfjs backend: ${backend.backend}`);
    const combined = await loadCombinedExtractor(values.tagger);
    return (text, noteYear) => combined.extract(text, { noteYear });
  }
  const engine = createNlpEngine({
    ...(values.lexicon ? { lexicon: parseLexicon(readText(values.lexicon)) } : {}),
    ...(values.vocabulary?.length ? { concepts: await vocabulary(values.vocabulary) } : {}),
  });
  return (text, noteYear) => extractClinical(text, { engine, noteYear });
}

/** The curated vocabulary merged with the concepts of `files`, summarised on stderr. */
async function vocabulary(files: readonly string[]) {
  const loaded = await loadVocabularies(files, starterVocabulary);
  for (const f of loaded.files) out.progress(`vocabulary ${f.path}: ${f.concepts} concepts`);
  out.progress(
    `vocabulary: ${loaded.merged} merged into concepts sharing a code, ${loaded.added} added, ${loaded.skipped} without a name`,
  );
  return loaded.concepts;
}

async function extractLines(extract: Extract, source: string): Promise<void> {
  const input = source === '-' ? process.stdin : createReadStream(source, 'utf8');
  const lines = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    const record = parseRecord(line, n);
    out.jsonLine({ id: record.id, ...contractView(extract(record.text, record.noteYear)) });
  }
}

function parseRecord(line: string, n: number): { id: unknown; text: string; noteYear?: number } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new ValidationError(`line ${n}: not valid JSON`, `line ${n}`, { cause: error });
  }
  const record = value as { id?: unknown; text?: unknown; date?: unknown };
  if (typeof record !== 'object' || record === null || typeof record.text !== 'string')
    throw new ValidationError(`line ${n}: field "text" must be a string`, `line ${n}.text`);
  if (record.id === undefined)
    throw new ValidationError(`line ${n}: field "id" is missing`, `line ${n}.id`);
  if (record.date === undefined) return { id: record.id, text: record.text };
  const noteYear = yearOfFhirDate(record.date);
  if (noteYear === undefined)
    throw new ValidationError(
      `line ${n}: field "date" must be the note's date, YYYY, YYYY-MM-DD or a date-time`,
      `line ${n}.date`,
    );
  return { id: record.id, text: record.text, noteYear };
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new ValidationError(
      `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
      path,
      {
        cause: error,
      },
    );
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** "  [C50.9, C56.9]": the entity's code, or each member's for a coordinated mention. */
function codesLabel(e: ExtractionResult['entities'][number]): string {
  const codes = e.members ? e.members.map((m) => m.code ?? '?') : e.code ? [e.code] : [];
  return codes.length > 0 ? `  [${codes.join(', ')}]` : '';
}

function printTable(result: ExtractionResult): void {
  for (const e of result.entities)
    out.result(
      `${String(e.start).padStart(6)}-${String(e.end).padEnd(6)} ${e.type.padEnd(9)} ${e.assertion.padEnd(12)} ${e.text}${codesLabel(e)}`,
    );
  for (const r of result.relations)
    out.result(
      `${r.type.padEnd(15)} ${result.entities[r.head]!.text} -> ${result.entities[r.tail]!.text} (${r.confidence})`,
    );
}
