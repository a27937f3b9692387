// Evaluation (vocabulary): the curated vocabulary's codes checked against what real, independently
// annotated data in ../shared/data says about the same names. The vocabulary is written by hand (codes
// from the named releases); nothing is copied from the data. What the data can check:
// - MeSH ids: the BC5CDR and NCBI-disease training splits annotate each Chemical and Disease mention
//   with its MeSH id (the development splits are left out: the NER and CID evaluations score on them,
//   and codes must not be chosen by the data they are scored on). A vocabulary name that occurs there as a mention
//   (same normalised text, ids of at least `minMentions` mentions, one id holding the majority) checks
//   the concept's MeSH id: it agrees when the majority id equals it.
// - SNOMED CT, LOINC and RxNorm: the Synthea bundles code Conditions, Procedures, Observations and
//   Medications with display names. A code of ours that Synthea uses under a display naming the same
//   thing (the display, without its semantic tag, is one of the concept's names) agrees; a name of ours
//   that Synthea uses for a different code of the same system disagrees.
// Codes the data never mentions stay unchecked, and are counted as such.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePubtator } from '../../shared/domain/nlp/corpora/pubtator';
import type { Concept } from '../../shared/domain/nlp/model';
import { termKey } from '../../shared/domain/nlp/text/tokens';
import { starterVocabulary } from '../../shared/domain/nlp/vocabulary/index';
import type { EvalContext, EvalResult } from './suites';

/** Mentions of a name needed before its majority id counts as evidence. */
const minMentions = 2;

/** name key (termKey, the matcher's) -> id -> mentions, from PubTator files. */
export function meshEvidence(contents: readonly string[]): Map<string, Map<string, number>> {
  const evidence = new Map<string, Map<string, number>>();
  for (const content of contents)
    for (const doc of parsePubtator(content))
      for (const m of doc.mentions) {
        if (!m.id || m.ids || !/^[DC]\d+$/.test(m.id)) continue;
        const key = termKey(m.text);
        let ids = evidence.get(key);
        if (!ids) evidence.set(key, (ids = new Map()));
        ids.set(m.id, (ids.get(m.id) ?? 0) + 1);
      }
  return evidence;
}

export interface CodedDisplay {
  system: 'snomed' | 'loinc' | 'rxnorm';
  code: string;
  display: string;
}

const systemKeys: Record<string, CodedDisplay['system']> = {
  'http://snomed.info/sct': 'snomed',
  'http://loinc.org': 'loinc',
  'http://www.nlm.nih.gov/research/umls/rxnorm': 'rxnorm',
};

/** Every (system, code, display) of the coded elements in FHIR Bundles. */
export function bundleCodings(bundles: readonly unknown[]): CodedDisplay[] {
  const out = new Map<string, CodedDisplay>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const o = value as Record<string, unknown>;
      const system = typeof o.system === 'string' ? systemKeys[o.system] : undefined;
      if (system && typeof o.code === 'string' && typeof o.display === 'string')
        out.set(`${system}|${o.code}|${o.display}`, { system, code: o.code, display: o.display });
      Object.values(o).forEach(visit);
    }
  };
  bundles.forEach(visit);
  return [...out.values()];
}

/** A display without its SNOMED CT semantic tag ("Hypertension (disorder)" -> "Hypertension"). */
const withoutTag = (display: string) => display.replace(/\s*\([a-z ]+\)\s*$/, '');

export interface CodeCheck {
  checked: number;
  agree: number;
  disagree: string[];
}

export interface VocabularyCheck {
  /**
   * `newerDescriptor`: the corpora (annotated with MeSH 2015 and earlier) give a supplementary concept
   * (C...) id where ours is a descriptor created since (9-digit D000...), e.g. valsartan C081489 ->
   * D000068756 (MeSH 2016): a release difference, not a disagreement.
   */
  mesh: CodeCheck & { unchecked: number; newerDescriptor: number };
  snomed: CodeCheck;
  loinc: CodeCheck;
  rxnorm: CodeCheck;
}

const names = (c: Concept) => [...new Set([c.preferred, ...c.synonyms])];

/** Check `concepts`' MeSH ids against corpus evidence. */
export function checkMesh(
  concepts: readonly Concept[],
  evidence: ReadonlyMap<string, ReadonlyMap<string, number>>,
): VocabularyCheck['mesh'] {
  const result = {
    checked: 0,
    agree: 0,
    disagree: [] as string[],
    unchecked: 0,
    newerDescriptor: 0,
  };
  for (const c of concepts) {
    const ours = c.codes.mesh;
    if (!ours || !['Chemical', 'Disease', 'Symptom'].includes(c.type)) continue;
    const votes: string[] = [];
    const tops: string[] = [];
    for (const name of names(c)) {
      const ids = evidence.get(termKey(name));
      if (!ids) continue;
      const total = [...ids.values()].reduce((a, b) => a + b, 0);
      const [top, n] = [...ids].sort((a, b) => b[1] - a[1])[0]!;
      if (total >= minMentions && n * 2 > total) {
        votes.push(`${name}=${top} (${n}/${total})`);
        tops.push(top);
      }
    }
    if (votes.length === 0) {
      result.unchecked++;
      continue;
    }
    result.checked++;
    if (tops.includes(ours)) result.agree++;
    else if (/^D0000\d{5}$/.test(ours) && tops.every((t) => t.startsWith('C')))
      result.newerDescriptor++;
    else result.disagree.push(`${c.id} mesh ${ours}; corpora: ${votes.join(', ')}`);
  }
  return result;
}

/** Check `concepts`' SNOMED CT, LOINC and RxNorm codes against coded displays. */
export function checkCodedDisplays(
  concepts: readonly Concept[],
  codings: readonly CodedDisplay[],
): Pick<VocabularyCheck, 'snomed' | 'loinc' | 'rxnorm'> {
  const out = {
    snomed: { checked: 0, agree: 0, disagree: [] as string[] },
    loinc: { checked: 0, agree: 0, disagree: [] as string[] },
    rxnorm: { checked: 0, agree: 0, disagree: [] as string[] },
  };
  for (const c of concepts) {
    const keys = new Set(names(c).map(termKey));
    for (const system of ['snomed', 'loinc', 'rxnorm'] as const) {
      const ours = c.codes[system];
      if (!ours) continue;
      const sameName = codings.filter(
        (d) => d.system === system && keys.has(termKey(withoutTag(d.display))),
      );
      const sameCode = sameName.filter((d) => d.code === ours);
      if (sameCode.length > 0) {
        out[system].checked++;
        out[system].agree++;
      } else if (sameName.length > 0) {
        out[system].checked++;
        out[system].disagree.push(
          `${c.id} ${system} ${ours}; data: ${sameName.map((d) => `${d.code} "${d.display}"`).join(', ')}`,
        );
      }
    }
  }
  return out;
}

function readPubtatorFiles(sharedData: string): string[] {
  return ['bc5cdr/CDR_TrainingSet.PubTator.txt', 'ncbi-disease/NCBItrainset_corpus.txt']
    .map((f) => join(sharedData, f))
    .filter(existsSync)
    .map((f) => readFileSync(f, 'utf8'));
}

function readBundles(sharedData: string): unknown[] {
  const dir = join(sharedData, 'synthea-bundles');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown);
}

/** Every check, over `concepts`, with the data under `sharedData`. */
export function checkVocabulary(concepts: readonly Concept[], sharedData: string): VocabularyCheck {
  return {
    mesh: checkMesh(concepts, meshEvidence(readPubtatorFiles(sharedData))),
    ...checkCodedDisplays(concepts, bundleCodings(readBundles(sharedData))),
  };
}

export async function vocabularyEval(ctx: EvalContext): Promise<EvalResult> {
  if (
    !existsSync(join(ctx.sharedData, 'bc5cdr')) ||
    !existsSync(join(ctx.sharedData, 'synthea-bundles'))
  )
    return { skipped: `${ctx.sharedData}/bc5cdr or synthea-bundles not found` };
  const check = checkVocabulary(starterVocabulary, ctx.sharedData);
  const byType: Record<string, number> = {};
  for (const c of starterVocabulary) byType[c.type] = (byType[c.type] ?? 0) + 1;
  const coded = (system: keyof Concept['codes']) =>
    starterVocabulary.filter((c) => c.codes[system]).length;
  const metrics: Record<string, number> = {
    concepts: starterVocabulary.length,
    names: starterVocabulary.reduce((n, c) => n + c.synonyms.length + c.abbreviations.length, 0),
    ...Object.fromEntries(Object.entries(byType).map(([t, n]) => [`concepts${t}`, n])),
    ...Object.fromEntries(
      (['icd10cm', 'snomed', 'mesh', 'rxnorm', 'loinc', 'hgnc', 'dbsnp'] as const).map((s) => [
        `coded.${s}`,
        coded(s),
      ]),
    ),
  };
  for (const system of ['mesh', 'snomed', 'loinc', 'rxnorm'] as const) {
    const r = check[system];
    metrics[`${system}.checked`] = r.checked;
    metrics[`${system}.agree`] = r.agree;
    metrics[`${system}.disagree`] = r.disagree.length;
  }
  metrics['mesh.unchecked'] = check.mesh.unchecked;
  metrics['mesh.newerDescriptor'] = check.mesh.newerDescriptor;
  ctx.progress(
    `  MeSH ${check.mesh.agree}/${check.mesh.checked} agree (${check.mesh.newerDescriptor} newer descriptors, ${check.mesh.unchecked} unchecked); ` +
      `SNOMED CT ${check.snomed.agree}/${check.snomed.checked}; LOINC ${check.loinc.agree}/${check.loinc.checked}; ` +
      `RxNorm ${check.rxnorm.agree}/${check.rxnorm.checked}`,
  );
  return {
    metrics,
    details: {
      disagreements: {
        mesh: check.mesh.disagree,
        snomed: check.snomed.disagree,
        loinc: check.loinc.disagree,
        rxnorm: check.rxnorm.disagree,
      },
    },
  };
}
