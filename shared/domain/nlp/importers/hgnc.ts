// Domain (nlp/importers): the HGNC complete set (hgnc_complete_set.txt, tab-separated, header row;
// columns as published by HGNC at genenames.org, 2024): approved genes become Gene concepts with the
// approved symbol, alias and previous symbols as exact-case abbreviations and the approved name as term.
import { ValidationError } from '../../errors';
import type { Concept } from '../model';
import { conceptId } from '../vocabulary/define';
import { readLines } from './lines';

type Chunks = AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;

/** Approved genes of an HGNC complete-set TSV (status "Approved"). */
export async function importHgnc(chunks: Chunks): Promise<Concept[]> {
  let header: string[] | undefined;
  const concepts: Concept[] = [];
  for await (const { line, number } of readLines(chunks)) {
    if (line === '') continue;
    const f = line.split('\t');
    if (!header) {
      header = f;
      for (const need of ['hgnc_id', 'symbol', 'name', 'status'])
        if (!header.includes(need))
          throw new ValidationError(`HGNC header lacks column "${need}"`, need);
      continue;
    }
    const get = (name: string) => (f[header!.indexOf(name)] ?? '').replace(/^"|"$/g, '');
    if (get('status') !== 'Approved') continue;
    const symbol = get('symbol');
    if (!symbol) throw new ValidationError(`HGNC line ${number}: empty symbol`, `line ${number}`);
    const aliases = [get('alias_symbol'), get('prev_symbol')]
      .flatMap((s) => s.split('|'))
      .filter(Boolean);
    concepts.push({
      id: conceptId('Gene', symbol),
      type: 'Gene',
      preferred: symbol,
      synonyms: get('name') ? [get('name')] : [],
      abbreviations: [symbol, ...aliases],
      codes: { hgnc: symbol },
      source: `HGNC complete set (${get('hgnc_id')})`,
    });
  }
  return concepts;
}
