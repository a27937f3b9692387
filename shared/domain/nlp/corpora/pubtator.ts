// Domain (nlp/corpora): the PubTator format of the BioCreative V CDR and NCBI-disease corpora: per
// document a title line "PMID|t|...", an abstract line "PMID|a|...", tab-separated annotations
// "PMID start end text type id" (offsets into title + " " + abstract) and, in CDR, relations
// "PMID CID chemicalMeSH diseaseMeSH"; documents are separated by blank lines (Wei et al. 2016,
// BioCreative V CDR task corpus, Database 2016:baw032; Dogan et al. 2014, NCBI disease corpus).
import { ValidationError } from '../../errors';
import type { EntityType } from '../model';

export interface PubtatorMention {
  start: number;
  end: number;
  text: string;
  /** Chemical or Disease (NCBI's SpecificDisease, DiseaseClass, Modifier, CompositeMention -> Disease). */
  type: EntityType;
  /** MeSH (or OMIM) id; absent for "-1". A composite mention's first id. */
  id?: string;
  /**
   * Every id of a composite mention ("D006470|D003556" for "hepatic and renal damage"), in file
   * order; absent when the mention has at most one.
   */
  ids?: string[];
}

export interface PubtatorDocument {
  pmid: string;
  title: string;
  /** Title + " " + abstract: the text annotation offsets point into. */
  text: string;
  mentions: PubtatorMention[];
  /** CID pairs as "chemicalId|diseaseId". */
  cid: string[];
}

/** Parse a whole PubTator file; a malformed line is an error naming its line number. */
export function parsePubtator(content: string): PubtatorDocument[] {
  const docs: PubtatorDocument[] = [];
  let doc: PubtatorDocument | undefined;
  content.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') {
      doc = undefined;
      return;
    }
    const head = /^(\d+)\|([ta])\|(.*)$/.exec(line);
    if (head) {
      if (head[2] === 't') {
        doc = { pmid: head[1]!, title: head[3]!, text: head[3]!, mentions: [], cid: [] };
        docs.push(doc);
      } else if (doc) doc.text = `${doc.title} ${head[3]!}`;
      return;
    }
    const f = line.split('\t');
    if (!doc || f[0] !== doc.pmid)
      throw new ValidationError(
        `PubTator line ${i + 1}: no document to attach to`,
        `line ${i + 1}`,
      );
    if (f[1] === 'CID') {
      doc.cid.push(`${f[2]}|${f[3]}`);
      return;
    }
    const start = Number(f[1]);
    const end = Number(f[2]);
    if (f.length < 5 || !Number.isInteger(start) || !Number.isInteger(end) || end <= start)
      throw new ValidationError(
        `PubTator line ${i + 1}: expected PMID start end text type id`,
        `line ${i + 1}`,
      );
    const ids = (f[5]?.trim() ?? '').split('|').filter((id) => id !== '' && id !== '-1');
    doc.mentions.push({
      start,
      end,
      text: f[3]!,
      type: f[4] === 'Chemical' ? 'Chemical' : 'Disease',
      ...(ids.length ? { id: ids[0]! } : {}),
      ...(ids.length > 1 ? { ids } : {}),
    });
  });
  return docs;
}
