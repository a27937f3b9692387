import { describe, expect, it } from 'vitest';
import { brownClusters, clusterWords, textClusters } from './brown';

// A hand-made corpus of four word classes with identical contexts within a class: determiners
// before nouns, nouns before verbs, verbs before the full stop. Merging two words of one class
// loses no mutual information at all (their context distributions are the same), merging across
// classes always loses some, so each class must end up as one cluster (C = 4) or one subtree.
const determiners = ['the', 'a'];
const nouns = ['cat', 'dog', 'cow'];
const verbs = ['runs', 'eats', 'sleeps'];
const corpus = determiners.flatMap((d) => nouns.flatMap((n) => verbs.map((v) => [d, n, v, '.'])));
const classes = [determiners, nouns, verbs, ['.']];

describe('Function: brownClusters', () => {
  it('puts words with identical contexts into the same cluster (C = 4)', () => {
    // Act
    const paths = brownClusters(corpus, { clusters: 4, minCount: 1 });
    // Assess: one bit string per class, four different ones
    const perClass = classes.map((words) => new Set(words.map((w) => paths.get(w))));
    expect(perClass.map((s) => s.size)).toEqual([1, 1, 1, 1]);
    expect(new Set(perClass.map((s) => [...s][0])).size).toBe(4);
    expect(paths.size).toBe(9);
  });

  it('with a cluster per word, makes each class a subtree: its common prefix no other word has', () => {
    // Act
    const paths = brownClusters(corpus, { clusters: 100, minCount: 1 });
    // Assess: nine distinct, prefix-free bit strings ...
    const all = [...paths.values()];
    expect(new Set(all).size).toBe(9);
    for (const p of all) expect(all.filter((q) => q !== p && q.startsWith(p))).toEqual([]);
    expect(all.every((p) => /^[01]+$/.test(p))).toBe(true);
    // ... and each class's longest common prefix starts no word outside it
    for (const words of classes.filter((c) => c.length > 1)) {
      const own = words.map((w) => paths.get(w)!);
      let prefix = own[0]!;
      while (!own.every((p) => p.startsWith(prefix))) prefix = prefix.slice(0, -1);
      const outside = [...paths].filter(([w, p]) => !words.includes(w) && p.startsWith(prefix));
      expect(outside).toEqual([]);
    }
  });

  it('gives the same bit strings for the same input, in whatever order the sequences come', () => {
    // Prepare
    const reversed = [...corpus].reverse();
    // Act
    const first = brownClusters(corpus, { clusters: 3, minCount: 1 });
    const again = brownClusters(corpus, { clusters: 3, minCount: 1 });
    const other = brownClusters(reversed, { clusters: 3, minCount: 1 });
    // Assess
    expect([...again]).toEqual([...first]);
    expect(new Map(other)).toEqual(first);
  });

  it('keeps every incremental merge loss equal to its recomputation from the counts', () => {
    // Prepare: 40 words entering a window of 6 clusters (uneven frequencies, many merges)
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`);
    const sequences = Array.from({ length: 120 }, (_, s) =>
      Array.from(
        { length: 8 },
        (_, i) => words[(s * 7 + i * i * 3 + (s % 5) * i) % (5 + (s % 36))]!,
      ),
    );
    // Act: checkLosses throws on the first difference
    const checked = brownClusters(sequences, { clusters: 6, minCount: 1, checkLosses: true });
    // Assess: and it is the same clustering as without the check
    expect(checked).toEqual(brownClusters(sequences, { clusters: 6, minCount: 1 }));
    expect(new Set(checked.values()).size).toBe(6);
  });

  it('leaves out words seen fewer than minCount times, and clusters nothing in an empty corpus', () => {
    // Prepare
    const sequences = [...corpus, ['the', 'yak', 'runs', '.']];
    // Act
    const paths = brownClusters(sequences, { clusters: 4 });
    // Assess
    expect(paths.has('yak')).toBe(false);
    expect(paths.has('cat')).toBe(true);
    expect(brownClusters([], { clusters: 4 }).size).toBe(0);
  });
});

describe('Function: clusterWords', () => {
  it('splits as the tagger tokenises and normalises as its features look words up', () => {
    expect(clusterWords('Renal tumours in 5-HT rats.')).toEqual([
      'renal',
      'tumor',
      'in',
      '5',
      '-',
      'ht',
      'rat',
      '.',
    ]);
  });
});

describe('Function: textClusters', () => {
  it('clusters the words of texts and names the prefixes and window the features use', () => {
    // Prepare
    const texts = corpus.map((words) => `${words.slice(0, 3).join(' ')}.`);
    // Act
    const clusters = textClusters(texts, { clusters: 4 });
    // Assess
    expect(clusters.prefixes).toEqual([4, 6, 10, 20]);
    expect(clusters.window).toEqual([-1, 0, 1]);
    const path = (w: string) => clusters.paths.get(w);
    expect([path('dog'), path('cow')]).toEqual([path('cat'), path('cat')]);
    expect([path('eat'), path('sleep')]).toEqual([path('run'), path('run')]); // singulars, as looked up
    expect(path('runs')).toBeUndefined();
    expect(new Set(clusters.paths.values()).size).toBe(4);
  });
});
