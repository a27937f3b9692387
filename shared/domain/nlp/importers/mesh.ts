// Domain (nlp/importers): MeSH descriptors from the NLM XML release (desc20xx.xml, DTD
// nlmdescriptorrecordset_20xx.dtd), read record by record: DescriptorUI, DescriptorName, every
// Term/String of every Concept, and TreeNumbers, which decide the entity type (MeSH tree categories:
// A Anatomy, C Diseases, C23.888 Signs and Symptoms, D Chemicals and Drugs, E Analytical, Diagnostic
// and Therapeutic Techniques).
import { ValidationError } from '../../errors';
import type { Concept, EntityType } from '../model';
import { conceptId } from '../vocabulary/define';
import { readLines } from './lines';

type Chunks = AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;

/** Descriptors of a MeSH XML file whose tree numbers map to an entity type. */
export async function* importMesh(chunks: Chunks): AsyncGenerator<Concept> {
  let record: string[] | undefined;
  let startLine = 0;
  for await (const { line, number } of readLines(chunks)) {
    if (/<DescriptorRecord[\s>]/.test(line)) {
      record = [];
      startLine = number;
    }
    if (record) record.push(line);
    if (record && line.includes('</DescriptorRecord>')) {
      const concept = descriptorConcept(record.join('\n'), startLine);
      record = undefined;
      if (concept) yield concept;
    }
  }
  if (record)
    throw new ValidationError(
      `MeSH record at line ${startLine} is not closed`,
      `line ${startLine}`,
    );
}

function descriptorConcept(xml: string, line: number): Concept | undefined {
  const ui = /<DescriptorUI>\s*([^<\s]+)\s*<\/DescriptorUI>/.exec(xml)?.[1];
  const name = /<DescriptorName>\s*<String>([^<]*)<\/String>/.exec(xml)?.[1];
  if (!ui || !name)
    throw new ValidationError(
      `MeSH record at line ${line} lacks DescriptorUI or DescriptorName`,
      `line ${line}`,
    );
  const trees = [...xml.matchAll(/<TreeNumber>([^<]+)<\/TreeNumber>/g)].map((m) => m[1]!);
  const type = typeOfTrees(trees);
  if (!type) return undefined;
  const preferred = decode(name);
  const terms = [
    ...xml.matchAll(/<Term\b[^>]*>\s*<TermUI>[^<]*<\/TermUI>\s*<String>([^<]*)<\/String>/g),
  ].map((m) => decode(m[1]!));
  return {
    id: conceptId(type, preferred),
    type,
    preferred,
    synonyms: [...new Set([preferred, ...terms])],
    abbreviations: [],
    codes: { mesh: ui },
    source: 'MeSH descriptor XML',
  };
}

/** Entity type from MeSH tree numbers; symptoms (C23.888) before other diseases. */
export function typeOfTrees(trees: readonly string[]): EntityType | undefined {
  if (trees.some((t) => t.startsWith('C23.888'))) return 'Symptom';
  if (trees.some((t) => t.startsWith('C'))) return 'Disease';
  if (trees.some((t) => t.startsWith('D'))) return 'Chemical';
  if (trees.some((t) => t.startsWith('A'))) return 'Anatomy';
  if (trees.some((t) => t.startsWith('E'))) return 'Procedure';
  return undefined;
}

function decode(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
