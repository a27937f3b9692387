// Domain (nlp/relations): relations between the entities of one text, each with the sentence it was
// read from and a confidence (0-1):
// - treats: "X for Y", "started on X for Y" (0.9; not when X is held, stopped or discontinued "for" Y,
//   nor across another drug unless only coordinated: "A 5 mg, B 10 mg for Y" is B's); an assessment line "Y: ... continue X" (0.75); a drug
//   and the nearest asserted mention of a disease it is labelled for (0.7, FDA labelling in vocabulary;
//   never an allergen);
//   and "Y treated with / controlled with / improved after X" (0.85);
// - causes: "X-induced Y", "Y secondary to / due to / after starting / since starting X", "Y is a
//   (known) side effect of X", "adverse reaction to X", and after a verb of NEW onset only
//   ("developed", "new", "new-onset") "developed Y on X" / "developed Y after X was started"
//   (adverseOnset: never when X treats Y, Y is better or ongoing, X is denied, or a comma comes
//   before "on"); allergy lines "penicillin - rash", "penicillin (hives, angioedema)", "amoxicillin
//   allergy: rash", "She is allergic to amoxicillin (hives)", with a drug-allergy concept as the
//   head ("allergic to penicillin (hives)"; which drugs are allergens: assertions/allergen.ts),
//   "X causes Y" (0.75-0.9; "due to X" only for the
//   problem nearest before it; not when the gap denies it, "not due to"); never a bare "with",
//   "after" or "from", which name treatments as often as causes;
// - interacts: two drugs in a sentence with "interaction", or a documented pair in one note (0.6-0.8;
//   the pair never with an allergen, which is no medicine taken);
// - associated_with: a variant or gene and a disease in one sentence (0.7) or the nearest cancer (0.6);
//   a present symptom and the nearest present disease it typically presents with (0.55).
import type { ClinicalEntity, ClinicalRelation, Concept, RelationType } from '../model';
import { closedMedicineList } from '../text/medicine-list';
import { splitSentences, spanIndexAt, type Span } from '../text/sentences';
import { adverseEffectRows, resolveAdverseEffects } from './adverse/index';
import { knownInteractions, severeOnlySymptoms, typicalSymptoms } from './knowledge';
import { isSevereFormOf, showsSevereForm } from './severe-form';

const forPattern =
  /\b(?:for|to treat|for treatment of|for management of|for control of|indicated for)(?:\s+(?:his|her|their|the|known|chronic|presumed))?\s*$/i;
// Never a bare "with", "after" or "from": "controlled with lisinopril", "improved after ibuprofen" and
// "recovering from pneumonia with amoxicillin" name a treatment, not a cause.
// "Y is a (known) side effect of X" (and "adverse effect", "adverse reaction to") names X's effect.
const causedByPattern =
  /\b(?:secondary to|due to|caused by|induced by|attributed to|related to|exacerbated by|precipitated by|triggered by|(?:after|since) (?:starting|taking|receiving)(?: on)?|from taking|(?:side|adverse)[\s-](?:effects?|reactions?) (?:of|from|to)(?: (?:his|her|their|the))?)\s*$/i;
/** A cause denied or doubted in the gap: "Rash not due to penicillin", "unlikely related to". */
const deniedCause = /\b(?:not|no|never|unlikely)\b/i;
/** The temporal cues of causedByPattern, which read as a cause only as onset phrasing does. */
const sinceStartingCue =
  /\b(?:(?:after|since) (?:starting|taking|receiving)(?: on)?|from taking)\s*$/i;
/**
 * A new problem "on" a drug or "after / since" it "was started", after a verb that means the
 * problem is NEW ("Has developed loose stools on metformin", "Developed rash on amoxicillin for
 * otitis", "New-onset myalgias after atorvastatin was started"), with at most an article, a
 * severity and words that describe the problem between ("Has developed a dry hacking cough on
 * lisinopril", "a dry, nonproductive cough"; not "persistent", which says it is ongoing). A verb
 * that only reports a problem ("reports", "notes", "complains of", "noticed") is no onset:
 * "Reports persistent wheezing on albuterol", "Notes high blood sugars on metformin" name the
 * problem the drug treats. See adverseOnset for what else refuses the reading.
 */
const onDrugPattern = /\s(?:while\s+)?(?:on|taking)\s+(?:(?:his|her|their|the)\s+)?$/i;
const onsetVerbBefore =
  /\b(?:develop(?:s|ed|ing)?|has developed|had developed|new-onset|new onset|new)\s+(?:(?:a|an|some|new|mild|moderate|severe|new-onset|episodes of|dry|hacking|nagging|tickly|tickling|irritating|troublesome|bothersome|annoying|nonproductive|non-productive|itchy|diffuse|generalized|generalised)(?:\s*,\s*|\s+))*$/i;
/** "after" or "since" a drug "was started" ("pain after aspirin was stopped" names no effect). */
const afterDrugPattern = /\s(?:after|since|once|when)\s+(?:(?:his|her|their|the)\s+)?$/i;
/**
 * What says the problem is not new, or is better, in the sentence: it is then the problem the drug
 * treats ("Pain much better since oxycodone was started", "Seizures since levetiracetam was started
 * have decreased", "Reports breakthrough seizures on levetiracetam").
 */
const improvedOrOngoing =
  /\b(?:better|improv(?:ed|es|ing|ement)|fewer|decreas(?:ed|es|ing)|less|lower|reduced|controlled|resolv(?:ed|es|ing)|relieved|breakthrough|persist(?:s|ed|ent|ing)?|ongoing|still|continu(?:es|ed|ing)|chronic|worsening|recurrent)\b/i;
/** A denial before the drug in its sentence: "Reports nausea, not on metformin", "denies". */
const deniedOnset = /\b(?:not|no|never|denie[sd]|deny|without|off|negative)\b/i;
const drugStartedAfter =
  /^\s+(?:was|were|has been|have been|had been|got)\s+(?:started|initiated|begun|commenced|added|introduced)\b/i;
/**
 * A disease or symptom, a treatment verb and the drug ("Hypertension controlled with lisinopril",
 * "Pneumonia treated with amoxicillin", "Headache improved after ibuprofen"): nothing else between.
 */
const treatedByPattern =
  /^\s*,?\s*(?:(?:is|was|were|are|has been|have been|had been|being|now|well|poorly|partially|currently|adequately|successfully|empirically)\s+)*(?:treated|controlled|managed|improved|improving|resolved|resolving|responded|responding|responsive|relieved)\s+(?:with|on|by|after|to)\s+(?:(?:a|an|the|oral|po|iv|his|her|their|daily|low-dose|high-dose)\s+)*$/i;
const inducedPattern = /^\s*-?\s*(?:induced|associated|related)\b/i;
// An allergy line: "penicillin - rash", "penicillin (hives)", "amoxicillin allergy: rash" (a drug the
// vocabulary has no allergy concept for; "penicillin allergy" is one, a Disease: see allergyReactions).
const causesPattern =
  /^\s*(?:(?:allergy|allergies|hypersensitivity)\s*)?(?:causes|caused|->|→|-|–|:|\(|\((?:reaction|rxn):?|\(?(?:reaction|rxn):)\s*$/i;
const continuePattern =
  /\b(?:continue|continued|cont|start|started|starting|tolerating|on|increase|increased|decrease|titrate|taking|takes|managed with|controlled on|treated with|restart|resume)\b/i;
const interactPattern =
  /\b(?:interact|interaction|interactions|combined with|concomitant|together with|co-administration)\b/i;

const asserted = (e: ClinicalEntity) => e.assertion === 'present' || e.assertion === 'historical';
const isCancer = (e: ClinicalEntity) =>
  e.type === 'Disease' &&
  /cancer|carcinoma|neoplasm|tumou?r|melanoma|leukemia|lymphoma|nsclc|crc/i.test(
    `${e.conceptId ?? ''} ${e.text}`,
  );

/** Relations among `entities` (sorted by start) of `text`; `concepts` gives drug indications. */
export function extractRelations(
  text: string,
  entities: readonly ClinicalEntity[],
  concepts: ReadonlyMap<string, Concept>,
): ClinicalRelation[] {
  const sentences = splitSentences(text);
  const found = new Map<string, ClinicalRelation>();
  const add = (
    type: RelationType,
    head: number,
    tail: number,
    confidence: number,
    evidence?: Span,
  ) => {
    const key = `${type}:${head}:${tail}`;
    const known = found.get(key);
    if (head !== tail && (!known || known.confidence < confidence))
      found.set(key, { type, head, tail, confidence, ...(evidence ? { evidence } : {}) });
  };
  const bySentence = groupBySentence(entities, sentences);
  bySentence.forEach((members, s) =>
    sentencePatterns(text, entities, members, sentences[s]!, concepts, add),
  );
  indicationLinks(entities, concepts, add);
  interactionLinks(entities, add);
  associationLinks(entities, bySentence, sentences, add);
  return [...found.values()].sort((a, b) => a.head - b.head || a.tail - b.tail);
}

type Add = (
  type: RelationType,
  head: number,
  tail: number,
  confidence: number,
  evidence?: Span,
) => void;

function groupBySentence(
  entities: readonly ClinicalEntity[],
  sentences: readonly Span[],
): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  entities.forEach((e, i) => {
    const s = spanIndexAt(sentences, e.start);
    if (s < 0) return;
    const list = groups.get(s);
    if (list) list.push(i);
    else groups.set(s, [i]);
  });
  return groups;
}

function sentencePatterns(
  text: string,
  entities: readonly ClinicalEntity[],
  members: readonly number[],
  sentence: Span,
  concepts: ReadonlyMap<string, Concept>,
  add: Add,
): void {
  for (const a of members) {
    const drug = entities[a]!;
    if (isDrugAllergy(drug, concepts)) allergyReactions(text, entities, members, sentence, a, add);
    if (drug.type !== 'Chemical') continue;
    for (const b of members) {
      const other = entities[b]!;
      if (other.type === 'Chemical') {
        if (a < b && interactPattern.test(text.slice(sentence.start, sentence.end)))
          add('interacts', a, b, 0.8, sentence);
        continue;
      }
      if (other.type !== 'Disease' && other.type !== 'Symptom') continue;
      const between =
        drug.end <= other.start
          ? text.slice(drug.end, other.start)
          : text.slice(other.end, drug.start);
      if (drug.end <= other.start) {
        if (
          other.type === 'Disease' &&
          forPattern.test(between) &&
          between.length < 60 &&
          !heldFor(text, entities, members, sentence, a, between) &&
          !otherDrugFor(text, entities, members, a, b)
        )
          add('treats', a, b, 0.9, sentence);
        else if (inducedPattern.test(between) && between.length < 25)
          add('causes', a, b, 0.9, sentence);
        else if (
          reactionAfter(text, entities, members, a, b) &&
          (drug.section === 'allergies' || drug.allergen === true || /cause/i.test(between)) &&
          // "Allergies: fluticasone (asthma)": what the drug treats is no reaction to it.
          !indicationRelated(text, concepts, drug, other, entities, sentence)
        )
          add('causes', a, b, 0.85, sentence);
      } else if (treatedByPattern.test(between)) {
        add('treats', a, b, 0.85, sentence);
      } else if (
        causedByPattern.test(between) &&
        between.length < 60 &&
        other.assertion !== 'negated' &&
        !deniedCause.test(between) &&
        !problemBetween(text, entities, members, other.end, drug.start) &&
        // "Pain much better since starting oxycodone": a time cue, not a cause, when the
        // sentence says the problem is better or ongoing ("Cough since starting lisinopril" is).
        !(
          sinceStartingCue.test(between) &&
          improvedOrOngoing.test(text.slice(sentence.start, sentence.end))
        )
      ) {
        add('causes', a, b, 0.8, sentence);
      } else if (adverseOnset(text, entities, members, sentence, concepts, a, b, between)) {
        add('causes', a, b, onDrugPattern.test(between) ? 0.75 : 0.8, sentence);
      } else if (
        other.type === 'Disease' &&
        drug.section === 'assessment-plan' &&
        continuePattern.test(between) &&
        !members.some(
          (m) =>
            m !== b &&
            entities[m]!.type === 'Disease' &&
            entities[m]!.start > other.end &&
            entities[m]!.end <= drug.start,
        )
      ) {
        add('treats', a, b, 0.75, sentence);
      }
    }
  }
}

/**
 * A drug-allergy concept: ICD-10-CM Z88, "Allergy status to drugs, medicaments and biological
 * substances" (FY2024: penicillin Z88.0, sulfonamides Z88.2). "Allergic to penicillin" is one; the
 * patient's fact is the allergy, never the drug (a denied allergy is no denied penicillin).
 */
function isDrugAllergy(e: ClinicalEntity, concepts: ReadonlyMap<string, Concept>): boolean {
  return (
    e.type === 'Disease' && /^Z88\b/.test(concepts.get(e.conceptId ?? '')?.codes.icd10cm ?? '')
  );
}

/**
 * Problem `b` is a reaction stated right after substance or allergy `a`: in parentheses, after a
 * dash, a colon, an arrow or "causes" (causesPattern), itself or as a later item of a list that
 * opens there ("penicillin (hives, angioedema)", "sulfa - rash and itching"); neither end denied.
 */
function reactionAfter(
  text: string,
  entities: readonly ClinicalEntity[],
  members: readonly number[],
  a: number,
  b: number,
): boolean {
  const substance = entities[a]!;
  const reaction = entities[b]!;
  if (reaction.start < substance.end) return false;
  if (substance.assertion === 'negated' || reaction.assertion === 'negated') return false;
  if (reaction.type !== 'Disease' && reaction.type !== 'Symptom') return false;
  const first = listStart(text, entities, members, b);
  const opens = first.start >= substance.end ? first : reaction;
  return causesPattern.test(text.slice(substance.end, opens.start));
}

/**
 * A drug allergy's reactions (isDrugAllergy): "allergic to penicillin (hives)", "Penicillin allergy
 * (rash)", "sulfa allergy - rash". The allergy concept, which names its drug (SNOMED CT's causative
 * agent), is the head of `causes`: the model has no entity for the drug inside the concept's
 * mention that would not also be a patient fact. Only an asserted allergy and reaction.
 */
function allergyReactions(
  text: string,
  entities: readonly ClinicalEntity[],
  members: readonly number[],
  sentence: Span,
  a: number,
  add: Add,
): void {
  if (!asserted(entities[a]!)) return;
  for (const b of members)
    if (asserted(entities[b]!) && reactionAfter(text, entities, members, a, b))
      add('causes', a, b, 0.85, sentence);
}

/**
 * A drug held, stopped or discontinued "for" a disease was stopped because of it, never given to
 * treat it ("Metformin held for AKI", "Held warfarin for GI bleed"): such a verb in the gap, or just
 * before the drug in its sentence, or before the first drug of the closed list the drug is in
 * ("held home lisinopril and metoprolol for AKI"; text/medicine-list.ts, as the stop cue reads it).
 */
const holdVerb =
  /\b(?:held|hold|holding|withheld|withhold|withholding|stopped|stop|stopping|discontinued|discontinue|discontinuing|d\/c'?d|dc'd|paused|off)\b/i;
const holdVerbBefore =
  /\b(?:held|hold|holding|withheld|withhold|withholding|stopped|stop|stopping|discontinued|discontinue|discontinuing|d\/c'?d|dc'd|paused|off)\s+(?:(?:his|her|their|the|home)\s+)?$/i;

function heldFor(
  text: string,
  entities: readonly ClinicalEntity[],
  members: readonly number[],
  sentence: Span,
  a: number,
  between: string,
): boolean {
  const heldBefore = (e: ClinicalEntity) =>
    holdVerbBefore.test(text.slice(Math.max(sentence.start, e.start - 40), e.start));
  if (holdVerb.test(between) || heldBefore(entities[a]!)) return true;
  const mentions = members.map((m) => entities[m]!);
  const isDrug = (e: ClinicalEntity) => e.type === 'Chemical';
  return mentions.some(
    (e, i) =>
      e.end <= entities[a]!.start &&
      heldBefore(e) &&
      closedMedicineList(text, mentions, i, isDrug).includes(entities[a]!),
  );
}

/** What may join drugs that share one indication: "aspirin and clopidogrel for", "A, B or C for". */
const coordination = /^(?:\s|,|&|\/|\+|\band\b|\bor\b|\bplus\b)*$/i;

/**
 * Another drug between drug `a` and the "for" before disease `b` takes the indication, unless the
 * drugs are only coordinated: "Metformin 500 mg, lisinopril 10 mg for hypertension" is lisinopril's.
 */
function otherDrugFor(
  text: string,
  entities: readonly ClinicalEntity[],
  members: readonly number[],
  a: number,
  b: number,
): boolean {
  const drug = entities[a]!;
  const disease = entities[b]!;
  const drugs = members
    .map((m) => entities[m]!)
    .filter((e) => e.type === 'Chemical' && e.start >= drug.end && e.end <= disease.start)
    .sort((x, y) => x.start - y.start);
  if (drugs.length === 0) return false;
  let at = drug.end;
  for (const d of drugs) {
    if (!coordination.test(text.slice(at, d.start))) return true;
    at = d.end;
  }
  return false;
}

/** What may join problems that share one cause: "Hives and angioedema due to", "A, B or C due to". */
const problemCoordination = /^(?:\s|,|\/|\band\b|\bor\b)*$/i;

/**
 * A disease or symptom between `from` and `to` that is not only coordinated with the one before it:
 * "due to X" names the cause of the nearer one ("Rash after surgery, nausea due to morphine"), or of
 * every problem of a list joined by commas, "and", "or" or "/" that closes with "and", "or" or "/"
 * ("Nausea and vomiting due to metformin", "Rash, hives and angioedema due to penicillin").
 */
function problemBetween(
  text: string,
  entities: readonly ClinicalEntity[],
  members: readonly number[],
  from: number,
  to: number,
  cue: RegExp = causedByPattern,
): boolean {
  const problems = members
    .map((m) => entities[m]!)
    .filter((e) => (e.type === 'Disease' || e.type === 'Symptom') && e.start >= from && e.end <= to)
    .sort((x, y) => x.start - y.start);
  if (problems.length === 0) return false;
  let at = from;
  let joiner = '';
  for (const p of problems) {
    joiner = text.slice(at, p.start);
    if (!problemCoordination.test(joiner)) return true;
    at = Math.max(at, p.end);
  }
  // Commas alone may join unrelated items ("Prednisone for asthma exacerbation, hyperglycemia due
  // to prednisone"): the list closes with "and", "or" or "/" before its last problem.
  if (!/\band\b|\bor\b|\//i.test(joiner)) return true;
  return !problemCoordination.test(text.slice(at, to).replace(cue, ''));
}

/** The first problem of the list that ends with problem `b` ("nausea and diarrhea"), or `b`. */
function listStart(
  text: string,
  entities: readonly ClinicalEntity[],
  members: readonly number[],
  b: number,
): ClinicalEntity {
  let first = entities[b]!;
  for (;;) {
    const previous = members
      .map((m) => entities[m]!)
      .filter((e) => (e.type === 'Disease' || e.type === 'Symptom') && e.end <= first.start)
      .sort((x, y) => y.end - x.end)[0];
    if (!previous || !problemCoordination.test(text.slice(previous.end, first.start))) return first;
    first = previous;
  }
}

/**
 * "Developed Y on X" / "developed Y after / since X was started" (problem `b` before drug `a`, with
 * `between` the gap): a new problem the drug caused. Refused, for a wrong adverse effect in the
 * graph is worse than a missed one, when either mention is denied or not asserted, a denial comes
 * before the drug ("not on metformin"), a comma or semicolon is in the gap ("Headache, on
 * acetaminophen"), the sentence says the problem is better or ongoing (improvedOrOngoing), or the
 * problem is what the drug treats (indicationRelated).
 */
function adverseOnset(
  text: string,
  entities: readonly ClinicalEntity[],
  members: readonly number[],
  sentence: Span,
  concepts: ReadonlyMap<string, Concept>,
  a: number,
  b: number,
  between: string,
): boolean {
  const drug = entities[a]!;
  const problem = entities[b]!;
  if (!asserted(drug) || !asserted(problem) || between.length >= 60 || /[,;]/.test(between))
    return false;
  const cue = onDrugPattern.test(between)
    ? onDrugPattern
    : afterDrugPattern.test(between) && drugStartedAfter.test(text.slice(drug.end, sentence.end))
      ? afterDrugPattern
      : undefined;
  if (!cue || problemBetween(text, entities, members, problem.end, drug.start, cue)) return false;
  const first = listStart(text, entities, members, b);
  return (
    onsetVerbBefore.test(text.slice(sentence.start, first.start)) &&
    !deniedOnset.test(text.slice(sentence.start, drug.start)) &&
    !improvedOrOngoing.test(text.slice(sentence.start, sentence.end)) &&
    !indicationRelated(text, concepts, drug, problem, entities, sentence)
  );
}

/**
 * Whether `problem` is what `drug` treats: a disease it is labelled for (vocabulary indications), a
 * kind of one (the same ICD-10-CM FY2024 three-character category, "J44.1" under "J44.9"; or the
 * indication's name within the problem's, "COPD exacerbation"), or a symptom one typically presents
 * with (knowledge.ts typicalSymptoms, NICE CKS 2024, as associationLinks reads it: wheezing for
 * asthma). The symptom reading needs the note to point at that indication, for most symptoms an
 * indication presents with are also textbook adverse effects of its drugs (cough of ACE inhibitors,
 * lisinopril USPI 6.1; tiredness of beta-blockers, metoprolol tartrate USPI 6):
 * the indication is mentioned and asserted in the note ("Heart failure. Developed cough on
 * lisinopril"), or mentioned, in any assertion, between the problem and the drug; or the symptom is
 * typical of every indication of the drug, which then has no use the symptom is not a reason for
 * (wheezing on albuterol, labelled for asthma and COPD). A symptom the indication shows only when
 * severe (knowledge.ts severeOnlySymptoms: headache of hypertension) that the drug's label lists
 * (adverse/, amlodipine headache, USPI 6.1) points at the indication only when it is named in the
 * symptom's sentence or between: "Hypertension. Developed headache on amlodipine" is the drug's
 * effect; "Developed headache on amlodipine for hypertension" stays refused. Only while the note
 * shows no sign of the severe form (severe-form.ts: a BP of 180/120 mmHg or more, "severe
 * headache", "uncontrolled hypertension", hypertensive urgency): "Hypertension. Developed severe
 * headache on amlodipine; BP 220/130" is refused as any typical symptom of a named indication is.
 */
function indicationRelated(
  text: string,
  concepts: ReadonlyMap<string, Concept>,
  drug: ClinicalEntity,
  problem: ClinicalEntity,
  entities: readonly ClinicalEntity[],
  sentence: Span,
): boolean {
  const indications = concepts.get(drug.conceptId ?? '')?.indications ?? [];
  const id = problem.conceptId ?? '';
  if (indications.includes(id)) return true;
  const own = concepts.get(id);
  const category = (c: Concept | undefined) => c?.codes.icd10cm?.slice(0, 3);
  const names = (c: Concept | undefined) =>
    c ? [c.preferred, ...c.synonyms, ...c.abbreviations].map((n) => n.toLowerCase()) : [];
  const problemNames = [problem.text.toLowerCase(), ...names(own)];
  const typical = (ind: string) => typicalSymptoms.get(ind)?.has(id) ?? false;
  const [from, to] = [Math.min(problem.end, drug.end), Math.max(problem.start, drug.start)];
  const between = (e: ClinicalEntity) => e.start >= from && e.end <= to;
  const inSentence = (e: ClinicalEntity) => e.start >= sentence.start && e.end <= sentence.end;
  // The indication (or its severe form, "hypertensive urgency") asserted in the note (or, when
  // `nearOnly`, in the symptom's sentence), or mentioned in any assertion between the symptom and
  // the drug.
  const named = (ind: string, nearOnly: boolean) =>
    entities.some(
      (e) =>
        (e.conceptId === ind || isSevereFormOf(ind, e.conceptId)) &&
        e !== problem &&
        (between(e) || (asserted(e) && (!nearOnly || inSentence(e)))),
    );
  // A symptom of the indication's severe form only, which the drug's label lists, in a note that
  // shows no sign of the severe form.
  const severeOnly = (ind: string) =>
    (severeOnlySymptoms.get(ind)?.has(id) ?? false) &&
    labelledEffect(concepts, drug, problem) &&
    !showsSevereForm(ind, text, entities, problem);
  if (indications.length > 0 && indications.every((ind) => typical(ind) && !severeOnly(ind)))
    return true;
  return indications.some((ind) => {
    if (typical(ind) && named(ind, severeOnly(ind))) return true;
    const indication = concepts.get(ind);
    const code = category(indication);
    if (code && code === category(own)) return true;
    return names(indication).some(
      (n) =>
        n.length >= 3 &&
        problemNames.some((p) => new RegExp(`(?:^|\\W)${escape(n)}(?:\\W|$)`).test(p)),
    );
  });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The curated adverse effects (adverse/) as "drug id|effect id", resolved once per vocabulary. */
const labelledPairs = new WeakMap<ReadonlyMap<string, Concept>, ReadonlySet<string>>();

/** Whether the curated adverse-effect tables (each row citing its label) list `problem` for `drug`. */
function labelledEffect(
  concepts: ReadonlyMap<string, Concept>,
  drug: ClinicalEntity,
  problem: ClinicalEntity,
): boolean {
  let pairs = labelledPairs.get(concepts);
  if (!pairs) {
    const { effects } = resolveAdverseEffects(adverseEffectRows, [...concepts.values()]);
    pairs = new Set(effects.map((e) => `${e.drug.id}|${e.effect.id}`));
    labelledPairs.set(concepts, pairs);
  }
  return pairs.has(`${drug.conceptId ?? ''}|${problem.conceptId ?? ''}`);
}

function indicationLinks(
  entities: readonly ClinicalEntity[],
  concepts: ReadonlyMap<string, Concept>,
  add: Add,
): void {
  entities.forEach((drug, a) => {
    // An allergen is no medicine taken: no indication is inferred for it.
    if (drug.type !== 'Chemical' || drug.assertion !== 'present' || drug.allergen) return;
    const indications = new Set(concepts.get(drug.conceptId ?? '')?.indications ?? []);
    if (indications.size === 0) return;
    const b = nearest(
      entities,
      drug,
      (e) => e.type === 'Disease' && asserted(e) && indications.has(e.conceptId ?? ''),
    );
    if (b >= 0) add('treats', a, b, 0.7);
  });
}

function interactionLinks(entities: readonly ClinicalEntity[], add: Add): void {
  const drugs = entities
    .map((e, i) => [e, i] as const)
    .filter(([e]) => e.type === 'Chemical' && e.assertion === 'present' && !e.allergen);
  const seen = new Set<string>();
  for (const [x, i] of drugs)
    for (const [y, j] of drugs) {
      if (j <= i || !x.conceptId || !y.conceptId) continue;
      const pair = [x.conceptId, y.conceptId].sort().join('|');
      if (knownInteractions.has(pair) && !seen.has(pair)) {
        seen.add(pair);
        add('interacts', i, j, 0.6);
      }
    }
}

function associationLinks(
  entities: readonly ClinicalEntity[],
  bySentence: Map<number, number[]>,
  sentences: readonly Span[],
  add: Add,
): void {
  bySentence.forEach((members, s) => {
    for (const a of members)
      for (const b of members)
        if (
          (entities[a]!.type === 'Variant' || entities[a]!.type === 'Gene') &&
          entities[b]!.type === 'Disease' &&
          asserted(entities[b]!)
        )
          add('associated_with', a, b, 0.7, sentences[s]);
  });
  entities.forEach((e, a) => {
    if (e.type === 'Variant') {
      const b = nearest(entities, e, (d) => isCancer(d) && asserted(d));
      if (b >= 0) add('associated_with', a, b, 0.6);
    }
    if (e.type === 'Symptom' && e.assertion === 'present') {
      const b = nearest(
        entities,
        e,
        (d) =>
          d.type === 'Disease' &&
          d.assertion === 'present' &&
          (typicalSymptoms.get(d.conceptId ?? '')?.has(e.conceptId ?? '') ?? false),
      );
      if (b >= 0) add('associated_with', a, b, 0.55);
    }
  });
}

/** Index of the entity nearest to `from` by start offset that `accept` accepts, or -1. */
function nearest(
  entities: readonly ClinicalEntity[],
  from: ClinicalEntity,
  accept: (e: ClinicalEntity) => boolean,
): number {
  let best = -1;
  let distance = Infinity;
  entities.forEach((e, i) => {
    if (e === from || !accept(e)) return;
    const d = Math.abs(e.start - from.start);
    if (d < distance) [best, distance] = [i, d];
  });
  return best;
}
