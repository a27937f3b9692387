// Domain (nlp/crf): Brown word clusters (Brown, deSouza, Mercer, Della Pietra & Lai 1992,
// Computational Linguistics 18(4):467, "Class-based n-gram models of natural language"), computed by
// the C-window algorithm of Liang 2005 (MIT MEng thesis "Semi-Supervised Learning for Natural
// Language", section 3.2, as in his `wcluster` program): words sorted by frequency; the C most
// frequent start as C clusters; each further word enters as cluster C+1 and the two clusters whose
// merge loses the least average mutual information (AMI) of adjacent clusters are merged; when every
// word is in, the C clusters are merged down to one, and the 0/1 path from that hierarchy's root to
// a word's cluster is the word's bit string. Words sharing a long prefix occur in similar contexts,
// so prefixes of several lengths are coarse-to-fine word classes for the sequence tagger (Miller,
// Guinness & Zamanian 2004, HLT-NAACL; Turian, Ratinov & Bengio 2010, ACL: prefixes of 4, 6, 10, 20).
// As in wcluster, a cluster's marginal is its unigram count (fixed), so adding a word changes the
// merge loss L(c, d) of every other pair only by its own terms, and L is kept up to date in O(1) per
// pair per step: O(V C^2) overall (V words). 5-fold CV on the BC5CDR training split (C = 300,
// BC5CDR + NCBI-disease training texts): Chemical F1 +0.005, Disease +0.002 (within seed noise); a
// 3-of-5 seed vote with them (crf/vote.ts): Disease +0.006.
import { normaliseWord } from '../text/tokens';
import type { WordClusters } from './features';
import { sequenceTokens } from './tokens';

/** Prefix lengths of a bit string that become features (Turian, Ratinov & Bengio 2010). */
export const clusterPrefixes: readonly number[] = [4, 6, 10, 20];
/** Offsets of the words whose clusters are features of a token: itself and either neighbour. */
export const clusterWindow: readonly number[] = [-1, 0, 1];

export interface BrownOptions {
  /** Number of clusters C kept while words are added (the window); default 300. */
  clusters?: number;
  /** Words seen fewer times are not clustered (default 2). */
  minCount?: number;
  /** Progress, every 1,000 words added. */
  onProgress?: (line: string) => void;
  /**
   * Recompute every merge loss from scratch before each choice and throw if the incrementally kept
   * one differs (slow: a test of the bookkeeping, never for real corpora).
   */
  checkLosses?: boolean;
}

/** The words of `text` as the sequence tagger's cluster features look them up (normaliseWord). */
export function clusterWords(text: string): string[] {
  return sequenceTokens(text).map((t) => normaliseWord(t.text));
}

/**
 * Brown clusters of `texts` (tokenised by clusterWords) as the sequence tagger's cluster features:
 * prefixes of 4, 6, 10 and 20 bits of the word and either neighbour (crf/features).
 */
export function textClusters(texts: Iterable<string>, options: BrownOptions = {}): WordClusters {
  const sequences = Array.from(texts, clusterWords);
  return {
    paths: brownClusters(sequences, options),
    prefixes: clusterPrefixes,
    window: clusterWindow,
  };
}

/**
 * Each word's bit string (words seen at least `minCount` times in `sequences`; adjacent words of a
 * sequence are the bigrams). The same input always gives the same output.
 */
export function brownClusters(
  sequences: readonly (readonly string[])[],
  options: BrownOptions = {},
): Map<string, string> {
  const minCount = options.minCount ?? 2;
  const freq = new Map<string, number>();
  for (const s of sequences) for (const w of s) freq.set(w, (freq.get(w) ?? 0) + 1);
  // Most frequent first; ties in code-unit order of the word, so the order is total.
  const vocab = [...freq]
    .filter(([, n]) => n >= minCount)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const V = vocab.length;
  if (V === 0) return new Map();
  const id = new Map(vocab.map(([w], i) => [w, i]));
  const unigram = Float64Array.from(vocab, ([, n]) => n);
  // Bigram counts per word id, both directions, among kept words only.
  const right: Map<number, number>[] = vocab.map(() => new Map());
  const left: Map<number, number>[] = vocab.map(() => new Map());
  for (const s of sequences)
    for (let i = 0; i + 1 < s.length; i++) {
      const a = id.get(s[i]!);
      const b = id.get(s[i + 1]!);
      if (a === undefined || b === undefined) continue;
      right[a]!.set(b, (right[a]!.get(b) ?? 0) + 1);
      left[b]!.set(a, (left[b]!.get(a) ?? 0) + 1);
    }
  const K = Math.min(options.clusters ?? 300, V);
  const N = K + 1; // cluster slots: K clusters and the word being added
  const n = new Float64Array(N * N); // n[s * N + t]: bigrams cluster s then cluster t
  const u = new Float64Array(N); // unigram count of a slot's cluster
  const active = new Uint8Array(N);
  const Q = new Float64Array(N * N); // q(s, t), cached
  const L = new Float64Array(N * N); // merge loss of the pair s < t, at L[s * N + t]
  const slotOf = new Int32Array(V).fill(-1);
  const members: number[][] = Array.from({ length: N }, () => []);
  const bump = (values: Float64Array, i: number, by: number) => {
    values[i] = values[i]! + by;
  };
  // One term of AMI (counts, not probabilities: the normalisation is the same for every merge).
  const q = (c: number, a: number, b: number) => (c > 0 ? c * Math.log(c / (a * b)) : 0);
  const setQ = (s: number, t: number) => {
    Q[s * N + t] = q(n[s * N + t]!, u[s]!, u[t]!);
  };
  // Change of the terms with a third cluster e when a and b merge.
  const f = (a: number, b: number, e: number) => {
    const uab = u[a]! + u[b]!;
    return (
      Q[a * N + e]! +
      Q[e * N + a]! +
      Q[b * N + e]! +
      Q[e * N + b]! -
      q(n[a * N + e]! + n[b * N + e]!, uab, u[e]!) -
      q(n[e * N + a]! + n[e * N + b]!, u[e]!, uab)
    );
  };
  // Change of the terms among a and b themselves when they merge.
  const selfTerm = (a: number, b: number) => {
    const nab = n[a * N + a]! + n[a * N + b]! + n[b * N + a]! + n[b * N + b]!;
    const uab = u[a]! + u[b]!;
    return Q[a * N + a]! + Q[a * N + b]! + Q[b * N + a]! + Q[b * N + b]! - q(nab, uab, uab);
  };
  const key = (a: number, b: number) => (a < b ? a * N + b : b * N + a);
  const fullLoss = (a: number, b: number) => {
    let s = selfTerm(a, b);
    for (let e = 0; e < N; e++) if (active[e] && e !== a && e !== b) s += f(a, b, e);
    return s;
  };
  const slots = () => {
    const out: number[] = [];
    for (let s = 0; s < N; s++) if (active[s]) out.push(s);
    return out;
  };
  /** Word w becomes the cluster of free slot s, with its bigrams with the clustered words. */
  const addWord = (w: number, s: number) => {
    active[s] = 1;
    slotOf[w] = s;
    members[s] = [w];
    u[s] = unigram[w]!;
    for (let t = 0; t < N; t++) {
      n[s * N + t] = 0;
      n[t * N + s] = 0;
    }
    for (const [v, c] of right[w]!) if (slotOf[v]! >= 0) bump(n, s * N + slotOf[v]!, c);
    for (const [v, c] of left[w]!) if (slotOf[v]! >= 0 && v !== w) bump(n, slotOf[v]! * N + s, c);
    for (let t = 0; t < N; t++)
      if (active[t]) {
        setQ(s, t);
        setQ(t, s);
      }
  };
  /** Merge cluster b into a, keeping every pair's merge loss up to date. */
  const merge = (a: number, b: number) => {
    const others = slots().filter((x) => x !== a && x !== b);
    for (let i = 0; i < others.length; i++)
      for (let j = i + 1; j < others.length; j++) {
        const c = others[i]!;
        const d = others[j]!;
        bump(L, key(c, d), -(f(c, d, a) + f(c, d, b)));
      }
    const naa = n[a * N + a]! + n[a * N + b]! + n[b * N + a]! + n[b * N + b]!;
    for (const x of others) {
      bump(n, a * N + x, n[b * N + x]!);
      bump(n, x * N + a, n[x * N + b]!);
    }
    n[a * N + a] = naa;
    bump(u, a, u[b]!);
    for (let t = 0; t < N; t++) {
      n[b * N + t] = 0;
      n[t * N + b] = 0;
    }
    active[b] = 0;
    members[a]!.push(...members[b]!);
    for (const w of members[b]!) slotOf[w] = a;
    members[b] = [];
    setQ(a, a);
    for (const x of others) {
      setQ(a, x);
      setQ(x, a);
    }
    for (let i = 0; i < others.length; i++)
      for (let j = i + 1; j < others.length; j++) {
        const c = others[i]!;
        const d = others[j]!;
        bump(L, key(c, d), f(c, d, a));
      }
    for (const x of others) L[key(a, x)] = fullLoss(a, x);
  };
  /** The pair of active clusters whose merge loses least (ties: the lowest slots). */
  const best = (): [number, number] => {
    const act = slots();
    if (options.checkLosses)
      for (let i = 0; i < act.length; i++)
        for (let j = i + 1; j < act.length; j++) {
          const kept = L[key(act[i]!, act[j]!)]!;
          const full = fullLoss(act[i]!, act[j]!);
          if (Math.abs(kept - full) > 1e-6 * (1 + Math.abs(full)))
            throw new Error(`merge loss of ${act[i]},${act[j]}: kept ${kept}, recomputed ${full}`);
        }
    let bestLoss = Infinity;
    let pair: [number, number] = [act[0]!, act[1]!];
    for (let i = 0; i < act.length; i++)
      for (let j = i + 1; j < act.length; j++) {
        const l = L[key(act[i]!, act[j]!)]!;
        if (l < bestLoss) {
          bestLoss = l;
          pair = [act[i]!, act[j]!];
        }
      }
    return pair;
  };
  // Phase 1: the K most frequent words, with all their bigrams among themselves ...
  for (let w = 0; w < K; w++) addWord(w, w);
  for (let s = 0; s < K; s++) for (let t = 0; t < K; t++) n[s * N + t] = 0;
  for (let w = 0; w < K; w++) for (const [v, c] of right[w]!) if (v < K) bump(n, w * N + v, c);
  for (let s = 0; s < K; s++) for (let t = 0; t < K; t++) setQ(s, t);
  for (let a = 0; a < K; a++) for (let b = a + 1; b < K; b++) L[key(a, b)] = fullLoss(a, b);
  // ... then one word at a time, each followed by the best merge.
  const t0 = Date.now();
  for (let w = K; w < V; w++) {
    const s = active.indexOf(0);
    const act = slots();
    addWord(w, s);
    for (let i = 0; i < act.length; i++)
      for (let j = i + 1; j < act.length; j++)
        bump(L, key(act[i]!, act[j]!), f(act[i]!, act[j]!, s));
    for (const x of act) L[key(s, x)] = fullLoss(s, x);
    const [a, b] = best();
    merge(a, b);
    if ((w - K) % 1000 === 0 && options.onProgress)
      options.onProgress(
        `Brown clusters: word ${w}/${V}, ${((Date.now() - t0) / 1000).toFixed(0)} s`,
      );
  }
  // Phase 2: the K clusters merged into one binary tree.
  type Node = { slot: number } | { kids: [Node, Node] };
  const node: (Node | undefined)[] = Array.from({ length: N }, (_, s) =>
    active[s] ? { slot: s } : undefined,
  );
  const leafMembers = members.map((m) => [...m]);
  while (slots().length > 1) {
    const [a, b] = best();
    const merged: Node = { kids: [node[a]!, node[b]!] };
    merge(a, b);
    node[a] = merged;
    node[b] = undefined;
  }
  const paths = new Map<string, string>();
  const walk = (x: Node, path: string) => {
    if ('kids' in x) {
      walk(x.kids[0], `${path}0`);
      walk(x.kids[1], `${path}1`);
    } else for (const w of leafMembers[x.slot]!) paths.set(vocab[w]![0], path || '0');
  };
  walk(node[slots()[0]!]!, '');
  return paths;
}
