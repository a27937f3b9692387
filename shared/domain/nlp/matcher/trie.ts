// Domain (nlp/matcher): a token trie. Terms are sequences of token keys; a walk from one token finds
// the longest term that starts there (Aho-Corasick is not needed: clinical terms are short, so a walk
// per token is a handful of map lookups).

export interface TrieNode<H> {
  children: Map<string, TrieNode<H>>;
  hits?: H[];
}

export function newTrieNode<H>(): TrieNode<H> {
  return { children: new Map() };
}

/** Add `hit` under the key path `keys`. */
export function trieInsert<H>(root: TrieNode<H>, keys: readonly string[], hit: H): void {
  if (keys.length === 0) return;
  let node = root;
  for (const key of keys) {
    let next = node.children.get(key);
    if (!next) {
      next = newTrieNode<H>();
      node.children.set(key, next);
    }
    node = next;
  }
  (node.hits ??= []).push(hit);
}

export interface TrieMatch<H> {
  /** Index of the last token of the match. */
  lastToken: number;
  hits: H[];
}

/**
 * Every term starting at token `from`, longest last. `keyOf(i)` gives token i's key; `joins(i)` says
 * whether token i may follow token i - 1 inside a term.
 */
export function trieWalk<H>(
  root: TrieNode<H>,
  from: number,
  count: number,
  keyOf: (i: number) => string,
  joins: (i: number) => boolean,
): TrieMatch<H>[] {
  const matches: TrieMatch<H>[] = [];
  let node: TrieNode<H> | undefined = root;
  for (let i = from; i < count; i++) {
    if (i > from && !joins(i)) break;
    node = node.children.get(keyOf(i));
    if (!node) break;
    if (node.hits) matches.push({ lastToken: i, hits: node.hits });
  }
  return matches;
}
