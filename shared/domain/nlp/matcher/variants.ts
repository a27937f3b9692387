// Domain (nlp/matcher): variant and gene mentions the token trie cannot see: dbSNP ids (rs4244285),
// star alleles (CYP2C19*2), HGVS c./p. changes (c.521T>C, p.Val600Glu), protein short forms after a
// gene (EGFR L858R), and gene symbols that are also English words (MET, RET, KIT) when a genetic word
// follows. HGVS nomenclature: HGVS Recommendations v21.0 (den Dunnen et al. 2016, Hum Mutat 37:564).
import type { Concept } from '../model';

export interface PatternMention {
  start: number;
  end: number;
  type: 'Variant' | 'Gene';
  /** A known concept (e.g. the named variant carrying the rs id), when one matches. */
  concept?: Concept;
  code?: { key: 'dbsnp' | 'hgnc'; value: string };
}

const gene = '[A-Z][A-Z0-9]{1,6}(?:-[A-Z0-9]+)?';
const patterns: readonly {
  re: RegExp;
  type: 'Variant' | 'Gene';
  codeOf?: (m: RegExpExecArray) => PatternMention['code'];
}[] = [
  {
    re: /(?<![\p{L}\p{N}])rs\d{3,10}(?![\p{L}\p{N}])/gu,
    type: 'Variant',
    codeOf: (m) => ({ key: 'dbsnp', value: m[0] }),
  },
  {
    re: new RegExp(`(?<![\\p{L}\\p{N}])${gene}\\*\\d+[A-Z]?(?:\\/\\*\\d+[A-Z]?)?`, 'gu'),
    type: 'Variant',
  },
  {
    re: /(?<![\p{L}\p{N}])c\.[-*]?\d+(?:[+-]\d+)?(?:_\d+)?(?:[ACGT]>[ACGT]|del[ACGT]*|dup[ACGT]*|ins[ACGT]+)/gu,
    type: 'Variant',
  },
  {
    re: /(?<![\p{L}\p{N}])p\.\(?(?:[A-Z][a-z]{2}|[A-Z])\d+(?:[A-Z][a-z]{2}|[A-Z]|\*|Ter|fs\*?\d*|del)\)?/gu,
    type: 'Variant',
  },
  {
    re: new RegExp(
      `(?<![\\p{L}\\p{N}])${gene}\\s+(?:p\\.)?[ACDEFGHIKLMNPQRSTVWY]\\d{1,4}[ACDEFGHIKLMNPQRSTVWY*](?![\\p{L}\\p{N}])`,
      'gu',
    ),
    type: 'Variant',
  },
];

const geneContext =
  /^\s+(?:gene|genes|mutation|mutations|mutated|variant|variants|amplification|amplified|fusion|rearrangement|rearranged|exon|deletion|alteration|status|positive|negative|expression|inhibitor|testing)\b/i;

/** Pattern mentions of variants (and ambiguous gene symbols in genetic context) in `text`. */
export function matchVariantPatterns(
  text: string,
  variantsByCode: ReadonlyMap<string, Concept>,
  ambiguousGenes: ReadonlySet<string>,
): PatternMention[] {
  const found: PatternMention[] = [];
  for (const { re, type, codeOf } of patterns) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const code = codeOf?.(m);
      const key = m[0].replace(/\s+/g, ' ');
      const concept =
        variantsByCode.get(code?.value ?? key) ?? variantsByCode.get(key.toUpperCase());
      found.push({
        start: m.index,
        end: m.index + m[0].length,
        type,
        ...(concept ? { concept } : {}),
        ...(code ? { code } : {}),
      });
    }
  }
  const re = ambiguousGenePattern(ambiguousGenes);
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const symbol = m[0];
    const end = m.index + symbol.length;
    if (geneContext.test(text.slice(end, end + 20)))
      found.push({ start: m.index, end, type: 'Gene', code: { key: 'hgnc', value: symbol } });
  }
  return found;
}

const genePatterns = new WeakMap<ReadonlySet<string>, RegExp>();

/** One pattern for every ambiguous symbol (longest first), compiled once per set: one scan per text. */
function ambiguousGenePattern(symbols: ReadonlySet<string>): RegExp {
  let re = genePatterns.get(symbols);
  if (!re) {
    const alternatives = [...symbols]
      .sort((a, b) => b.length - a.length)
      .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|');
    re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives || '(?!)'})(?![\\p{L}\\p{N}])`, 'gu');
    genePatterns.set(symbols, re);
  }
  return re;
}

/**
 * Index the variant concepts by rs id and by their upper-cased names ("CYP2C19*2", "BRAF V600E"). An rs
 * id several concepts carry (two alleles of one multi-allelic site) resolves to none of them.
 */
export function indexVariants(concepts: readonly Concept[]): Map<string, Concept> {
  const index = new Map<string, Concept>();
  const variants = concepts.filter((c) => c.type === 'Variant');
  const rsUses = new Map<string, number>();
  for (const c of variants)
    if (c.codes.dbsnp) rsUses.set(c.codes.dbsnp, (rsUses.get(c.codes.dbsnp) ?? 0) + 1);
  for (const c of variants) {
    if (c.codes.dbsnp && rsUses.get(c.codes.dbsnp) === 1) index.set(c.codes.dbsnp, c);
    for (const s of c.synonyms) index.set(s.toUpperCase(), c);
  }
  return index;
}
