// `caregraph deid [FILE|-] [--json] [--tags] [--key-file FILE]`: de-identify a note (HIPAA Safe Harbor).
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { deidentifyText } from '../../../shared/domain/deid/deidentify';
import { ValidationError } from '../../../shared/domain/errors';
import { out, parseFlags, UsageError, type Command } from '../io';

const usage = `Usage: caregraph deid [FILE|-] [--json] [--tags] [--key-file FILE] [--years]
  FILE        the note to de-identify (UTF-8 text); "-" or none reads standard input
  --json      print {"text", "phi": [{"start", "end", "category", "text"}]}, offsets into the input
  --tags      write [NAME], [DATE]... instead of surrogates
  --key-file  the patient's secret key (16+ bytes): the same key gives the same surrogates and date
              shift on every run; without it a random key is drawn, so surrogates are consistent
              within one run only
  --years     also treat years standing alone as PHI (Safe Harbor keeps them)`;

async function readInput(path: string | undefined): Promise<string> {
  if (path === undefined || path === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new ValidationError(
      `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
      'FILE',
      {
        cause: error,
      },
    );
  }
}

export const deidCommand: Command = {
  name: 'deid',
  summary:
    'de-identify clinical text (names, dates, places, contacts, ids) with surrogates or tags',
  usage,
  async run(argv) {
    const { values, positionals } = parseFlags(
      argv,
      {
        json: { type: 'boolean' },
        tags: { type: 'boolean' },
        years: { type: 'boolean' },
        'key-file': { type: 'string' },
      },
      true,
    );
    if (positionals.length > 1) throw new UsageError('give at most one FILE');
    const text = await readInput(positionals[0]);
    let key: string | Uint8Array = randomBytes(32);
    if (values['key-file'] !== undefined) {
      key = (await readInput(values['key-file'])).trim();
      if (Buffer.byteLength(key) < 16)
        throw new ValidationError(
          `${values['key-file']}: the key must be at least 16 bytes`,
          'key-file',
        );
    }
    const result = deidentifyText(text, {
      replacement: values.tags ? 'tag' : 'surrogate',
      key,
      includeYears: values.years,
    });
    if (values.json) out.json(result);
    else process.stdout.write(result.text);
    return 0;
  },
};
