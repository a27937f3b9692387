// Domain (pgx): the order in which PharmCAT writes the two haplotypes of a diplotype ("*1/*17",
// "Reference/c.1905+1G>A (*2A)"), so synthetic truth and caller output compare as plain strings.
//
// Mirrors PharmCAT's HaplotypeNameComparator (PharmGKB/PharmCAT @ 5431bf11,
// org.pharmgkb.pharmcat.util.HaplotypeNameComparator, which falls back to
// org.pharmgkb.common.comparator.HaplotypeNameComparator): two HGVS-style names (DPYD) sort by their
// c. position; "Any", "All" and "Reference" come first; otherwise names compare "naturally", digits as
// numbers (*2 < *10 < *17, *80 < *80+*28). Combination names ("[*2 + *3]") are not generated here.

const topTerms = ['any', 'all', 'reference'];
const hgvsName = /^(?:.*:)?[cgnmopr]\.(\d+)/;

function naturalTokens(name: string): (string | number)[] {
  return (name.match(/\d+|\D+/g) ?? []).map((t) => (/^\d/.test(t) ? Number(t) : t.toLowerCase()));
}

function compareNatural(a: string, b: string): number {
  const ta = naturalTokens(a);
  const tb = naturalTokens(b);
  for (let i = 0; i < Math.min(ta.length, tb.length); i++) {
    const x = ta[i]!;
    const y = tb[i]!;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return ta.length - tb.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** Negative when haplotype `a` is written before `b` in a PharmCAT diplotype. */
export function compareHaplotypeNames(a: string, b: string): number {
  if (a === b) return 0;
  const ha = hgvsName.exec(a);
  const hb = hgvsName.exec(b);
  if (ha && hb) return Number(ha[1]) - Number(hb[1]) || (a < b ? -1 : 1);
  const topA = topTerms.includes(a.toLowerCase());
  const topB = topTerms.includes(b.toLowerCase());
  if (topA !== topB) return topA ? -1 : 1;
  return compareNatural(a, b);
}

/** The two haplotypes in PharmCAT's written order. */
export function orderDiplotype(a: string, b: string): [string, string] {
  return compareHaplotypeNames(a, b) <= 0 ? [a, b] : [b, a];
}
