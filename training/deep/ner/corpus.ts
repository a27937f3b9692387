// Training (deep, NER): PubTator corpora (BC5CDR, NCBI-disease) -> documents with typed spans ->
// tokenised sentences with BIO tags. PubTator: `pmid|t|title`, `pmid|a|abstract`, then
// `pmid<TAB>start<TAB>end<TAB>mention<TAB>type<TAB>id` with offsets into title + " " + abstract;
// relation lines (`pmid<TAB>CID<TAB>...`, 4 fields) are skipped. NCBI's four disease classes
// (SpecificDisease, DiseaseClass, Modifier, CompositeMention) all count as Disease, as in the
// usual NCBI-disease NER benchmark (Doğan et al., J Biomed Inform 2014;47:1-10).
import { ValidationError } from '../../../shared/domain/errors';
import type { TypedSpan } from '../metrics';
import { tokenSpans, type Token } from '../text/vocabulary';
import { hintType } from './features';

export interface CorpusDocument {
  id: string;
  text: string;
  spans: TypedSpan[];
  /** The dictionary matcher's spans on this text, fed to the tagger as hint features. */
  hints?: TypedSpan[];
}

/** A tokenised sentence for training: tokens and their BIO tags, one per token. */
export interface TaggedSentence {
  tokens: string[];
  tags: string[];
  /** Dictionary hint tags per token (B-Chemical, I-Disease, B-Other..., O); absent: all O. */
  hints?: string[];
}

const ncbiDiseaseClasses = new Set([
  'SpecificDisease',
  'DiseaseClass',
  'Modifier',
  'CompositeMention',
]);

/** Entity type of a PubTator annotation type, or undefined to ignore it. */
export function entityType(pubtatorType: string): string | undefined {
  if (pubtatorType === 'Chemical' || pubtatorType === 'Disease') return pubtatorType;
  return ncbiDiseaseClasses.has(pubtatorType) ? 'Disease' : undefined;
}

/** Parse a PubTator file's text; throws ValidationError naming the line of a malformed record. */
export function parsePubtator(content: string): CorpusDocument[] {
  const docs: CorpusDocument[] = [];
  let current: { id: string; title: string; abstract: string; spans: TypedSpan[] } | undefined;
  const flush = () => {
    if (current)
      docs.push({
        id: current.id,
        text: `${current.title} ${current.abstract}`,
        spans: current.spans,
      });
    current = undefined;
  };
  for (const [i, line] of content.split(/\r?\n/).entries()) {
    if (line.trim() === '') {
      flush();
      continue;
    }
    const head = /^(\d+)\|([ta])\|(.*)$/.exec(line);
    if (head) {
      if (!current || current.id !== head[1]) {
        flush();
        current = { id: head[1]!, title: '', abstract: '', spans: [] };
      }
      if (head[2] === 't') current.title = head[3]!;
      else current.abstract = head[3]!;
      continue;
    }
    const fields = line.split('\t');
    if (fields.length === 4) continue; // relation line
    const [pmid, start, end, , type] = fields;
    if (!current || pmid !== current.id || fields.length < 5 || !/^\d+$/.test(`${start}${end}`))
      throw new ValidationError(
        `PubTator line ${i + 1}: expected an annotation of document ${current?.id ?? '?'}`,
        `line ${i + 1}`,
      );
    const mapped = entityType(type!);
    if (mapped) current.spans.push({ start: Number(start), end: Number(end), type: mapped });
  }
  flush();
  return docs;
}

/** Sentence boundaries [start, end) of a text: ends at . ? or ! followed by space and a capital or digit. */
export function sentenceSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let start = 0;
  for (const m of text.matchAll(/[.?!](\s+)(?=[A-Z0-9[(])/g)) {
    const end = m.index + 1;
    if (end - start > 1) spans.push({ start, end });
    start = end + m[1]!.length;
  }
  if (text.slice(start).trim() !== '') spans.push({ start, end: text.length });
  return spans;
}

/** A sentence's tokens with offsets into the document text. */
export function sentenceTokens(text: string): Token[][] {
  return sentenceSpans(text)
    .map(({ start, end }) =>
      tokenSpans(text.slice(start, end)).map((t) => ({
        ...t,
        start: t.start + start,
        end: t.end + start,
      })),
    )
    .filter((tokens) => tokens.length > 0);
}

/**
 * BIO tags of tokens against spans: a token inside a span is B- when it is the span's first token,
 * else I-; others are O. A span whose edge falls inside a token still tags that token.
 */
export function bioTags(tokens: readonly Token[], spans: readonly TypedSpan[]): string[] {
  const tags = tokens.map(() => 'O');
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    let first = true;
    tokens.forEach((t, i) => {
      if (t.end <= span.start || t.start >= span.end || tags[i] !== 'O') return;
      tags[i] = `${first ? 'B' : 'I'}-${span.type}`;
      first = false;
    });
  }
  return tags;
}

/** Hint tags of tokens: the BIO tags of the dictionary's spans, types folded by hintType. */
export function hintTagsOf(tokens: readonly Token[], hints: readonly TypedSpan[]): string[] {
  return bioTags(
    tokens,
    hints.map((h) => ({ ...h, type: hintType(h.type) })),
  );
}

/** Every sentence of the documents, tokenised and BIO-tagged (with hints), ready for trainTagger. */
export function taggedSentences(documents: readonly CorpusDocument[]): TaggedSentence[] {
  return documents.flatMap((doc) =>
    sentenceTokens(doc.text).map((tokens) => ({
      tokens: tokens.map((t) => t.text),
      tags: bioTags(tokens, doc.spans),
      ...(doc.hints ? { hints: hintTagsOf(tokens, doc.hints) } : {}),
    })),
  );
}
