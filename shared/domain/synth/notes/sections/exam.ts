// Domain (synth/notes/sections): the physical exam: vital signs of the encounter, then system findings
// with Anatomy mentions, positive signs from the symptom plan and denials ("without edema").
import type { Composer } from '../composer';
import { systems } from '../../catalog';
import { symptoms, type SymptomKey } from '../lexicon/symptoms';
import { shownMeasurements, writeMeasurements } from '../render/measurements';
import { writeAnatomy, writeSymptom } from '../render/mentions';
import { hasPresent } from '../context';
import { bank, gate, say, type Slots, type Template } from '../template';
import { writeHeader } from './headers';

/** True when the note may deny `key`; the denial is then used up. */
function claimNegative(c: Composer, key: SymptomKey): boolean {
  const i = c.plan.negatives.indexOf(key);
  if (i < 0) return false;
  c.plan.negatives.splice(i, 1);
  return true;
}

// Exam phrasings: each bank combines alternatives inline, so one line has dozens of surface forms.
// prettier-ignore
const general = {
  // `{talks}` (writes nothing) marks speech, unavailable under 4 and with aphasia or dysarthria: until
  // 1.4.0 a 10-month-old was "speaking in full sentences" and an aphasic patient "conversant".
  acute: bank('{General|Gen|GEN|Constitutional}: {uncomfortable-appearing|in mild distress|ill-appearing but nontoxic|tired-appearing}{, alert|}', '{Appears uncomfortable|Alert, in mild distress|Mildly ill-appearing}{ but conversant{talks}|, speaking in full sentences{talks}|}'),
  // An acute visit under 4 (until 1.4.0 the adult bank: a 4-month-old "mildly ill-appearing but conversant").
  acuteChild: bank('{General|Gen|GEN}: {fussy but consolable|ill-appearing but nontoxic|tired-appearing but consolable|mildly ill-appearing}{, interactive|, well-hydrated|}', '{Fussy but consolable|Nontoxic-appearing, interactive|Tired-appearing but easily consolable}{, moist mucous membranes|, good tone|}', 'Mildly ill-appearing {person}, {consolable|interactive|alert}{, appropriate for age|}'),
  well: bank('{General|Gen|GEN|Constitutional}: {NAD|well-appearing, NAD|alert, in no acute distress|pleasant, in no distress|well-nourished, no distress}', 'Well-appearing {person} in no {acute |}distress', '{A&Ox3|AAOx3|Alert and oriented}, {NAD|no acute distress}'),
  // Under 5 no one is "oriented x3" (until 1.4.0 a 1-month-old was "AAOx3").
  wellChild: bank('{General|Gen|GEN}: {NAD|well-appearing, NAD|alert, active|playful, in no distress}', 'Well-appearing {person} in no {acute |}distress', '{Alert and active|Alert, interactive|Alert, consolable}, {NAD|no acute distress}'),
};

// prettier-ignore
const lungs = {
  wheeze: bank('{Lungs|Chest|Resp}: {diffuse|scattered|bilateral} {expiratory {wheezeNoun}|{wheeze}}{ throughout the {lungs}|, prolonged expiratory phase|}', '{wheeze} {heard |}{over both {lungs}|throughout}{, prolonged expiration|, good air movement|}', '{lungs}: {scattered {wheeze}|faint {wheeze}|end-expiratory {wheezeNoun}}{, no crackles|}'),
  clear: bank('{lungs}: clear to auscultation{ bilaterally|}{, no rales or rhonchi|, good air entry|}', '{lungs} {CTAB|CTA b/l|clear b/l}{, no increased work of breathing|, normal effort|}', 'Clear {lungs} {bilaterally|to the bases}{, unlabored|}'),
  deny: bank('{lungs}: {clear|CTA}, no {wheeze}{, rales or rhonchi|}', '{lungs} clear without {wheeze}{ or crackles| or rhonchi|}', 'No {wheeze}{; {lungs} clear| heard; {lungs} clear to the bases|}'),
  // Short of breath: no "normal effort" or "unlabored" (until 1.4.0 written of dyspneic patients).
  clearDyspneic: bank('{lungs}: clear to auscultation{ bilaterally|}{, no rales or rhonchi|}', '{lungs} {CTAB|CTA b/l|clear b/l}{, no rales|}', 'Clear {lungs} {bilaterally|to the bases}'),
  // A COPD exacerbation without wheezes (until 1.4.0 its lungs were "clear, normal effort").
  diminished: bank('{lungs}: diminished breath sounds{ bilaterally|}{, prolonged expiratory phase|, no crackles|}', '{Decreased|Diminished} air movement {in both {lungs}|throughout}{, prolonged expiration|}'),
  crackles: bank('{lungs}: {crackles|rales} at {both bases|the bases bilaterally}', '{Bibasilar|Bilateral} {crackles|rales} in the {lungs}', '{lungs} with {rales|crackles} {to the mid-fields|a third of the way up}'),
};

// prettier-ignore
const heart = {
  // The rate agrees with the measured heart rate (until 1.4.0 "regular rate and rhythm" at HR 109).
  fast: bank('{heart}: tachycardic, regular rhythm{, no murmurs|, no m/r/g|}', '{CV|Cardiac|Cor}: {tachycardic|tachycardia}, regular rhythm{, no m/r/g|, S1 S2 normal|}', '{heart} {tachycardic|regular, tachycardic}{, normal S1/S2|}'),
  slow: bank('{heart}: bradycardic, regular rhythm{, no murmurs|}', '{CV|Cardiac|Cor}: {bradycardic|bradycardia}, regular rhythm{, no m/r/g|}'),
  irregularFast: bank('{heart}: irregularly irregular, tachycardic{, no murmur|}', '{CV|Cardiac|Cor}: irregularly irregular rhythm, {tachycardic|rapid rate}{, no gallop|}', '{heart} {irregular and rapid|tachycardic, irregularly irregular}'),
  irregular: bank('{heart}: irregularly irregular{, no murmur|}', '{CV|Cardiac|Cor}: irregularly irregular rhythm{, no gallop|}', '{heart} irregular{ rhythm, no gallop| rhythm|}'),
  regular: bank('{heart}: {regular rate and rhythm|RRR|regular rhythm}{, no murmurs|, no m/r/g|, normal S1/S2|}', '{CV|Cardiac|Cor}: {RRR|regular rate and rhythm|regular rhythm}{, no m/r/g|, no murmur|, S1 S2 normal|}', '{heart} {RRR|regular}{, normal S1/S2|, no murmurs, rubs or gallops|}'),
};

// Tenderness only with abdominal pain (until 1.4.0 drawn for a third of all notes: wellness visits,
// a 5-month-old's well-child check, notes denying abdominal pain), where the presentation puts it.
// prettier-ignore
const abdomen = {
  benign: bank('{abdomen}: soft, {non-tender|nontender|NT}, {non-distended|nondistended|ND}{, normoactive bowel sounds|, +BS|}', '{abdomen} {soft, NT/ND|benign|soft and nontender}{, no organomegaly|, no guarding|}'),
  tender: bank('{abdomen}: soft, {mild|minimal|moderate} tenderness {in the|to palpation in the} {site}{, no rebound or guarding|, no guarding|, nondistended|}', '{abdomen} soft, nondistended, tender {in the|over the} {site}{ without rebound| without guarding|}', '{abdomen}: {siteAdjective} tenderness{ to palpation|}{, no rebound|, no guarding|}, {non-distended|ND}'),
};

/**
 * Share of notes with abdominal pain whose exam finds tenderness: 0.8, a generator choice. Most do;
 * a benign exam is common in nonspecific abdominal pain, the most frequent ED abdominal-pain
 * diagnosis, so the others read "soft, nontender".
 */
const abdominalTendernessShare = 0.8;

interface Site {
  /** After "in the". */
  noun: string;
  /** Before "tenderness". */
  adjective: string;
  short: readonly string[];
}
const site = (noun: string, adjective: string, short: string[] = []): Site => ({
  noun,
  adjective,
  short,
});
const sites = {
  rlq: site('right lower quadrant', 'right lower quadrant', ['RLQ']),
  llq: site('left lower quadrant', 'left lower quadrant', ['LLQ']),
  ruq: site('right upper quadrant', 'right upper quadrant', ['RUQ']),
  epigastric: site('epigastrium', 'epigastric'),
  periumbilical: site('periumbilical region', 'periumbilical'),
  lower: site('lower quadrants', 'lower abdominal'),
};

/**
 * Where the tenderness is: a child's abdominal pain weighed for appendicitis mostly the RLQ, vomiting
 * weighed for gastroenteritis the epigastrium or around the navel, colorectal cancer the lower
 * quadrants, any other abdominal pain anywhere.
 */
function tenderSites(c: Composer): readonly Site[] {
  const weighed = c.truth.presentation?.differentials ?? [];
  if (c.truth.reason === 'colorectal-cancer') return [sites.llq, sites.lower, sites.rlq];
  if (weighed.includes('appendicitis') && !weighed.includes('gastroenteritis'))
    return [sites.rlq, sites.rlq, sites.periumbilical, sites.lower];
  if (weighed.includes('gastroenteritis') && !weighed.includes('appendicitis'))
    return [sites.epigastric, sites.periumbilical, sites.lower];
  return [sites.epigastric, sites.rlq, sites.llq, sites.ruq, sites.periumbilical, sites.lower];
}

// prettier-ignore
const legs = {
  edema: bank('{legs}: {2+|1+|3+|trace} {pitting {edemaNoun}|{edema}}{ to the knees| to the mid-shin| at the ankles|}', '{2+|1+|trace} {edema} {of the|in the|involving the} {legs}', 'Ext: {edema} to the {mid-shin|knees|ankles}{, {legs} warm|}'),
  deny: bank('{legs}: no {edema}{, pulses 2+|, warm|}', '{Ext|Extremities}: {without|no} {edema}{, no calf tenderness|}', '{legs} {warm|warm and dry}, no {edema}', '{legs} without {edema}{ or cyanosis|}'),
  plain: bank('{legs}: {warm and well perfused|full range of motion|no clubbing}', '{Ext|Extremities}: no clubbing or cyanosis{, warm|}', '{legs}: {normal|unremarkable}{ bulk and tone|}'),
};

// prettier-ignore
const skin = {
  // Eczema's rash only with atopic dermatitis; any other (a febrile child's, a drug's) reads as an
  // exanthem (until 1.4.0 every rash was "lichenified ... on the flexural surfaces").
  other: bank('{skin}: {erythematous maculopapular|blanching erythematous|fine papular} {rashNoun} {on the trunk|over the trunk and extremities|on the chest and back}', '{Erythematous|Blanching|Maculopapular} {rashNoun} {on the trunk|over the chest and back|on the extremities}{; {skin} otherwise intact|}', '{skin}: {scattered|diffuse} blanching {rashNoun}{ on the trunk|}'),
  rash: bank('{skin}: {erythematous, lichenified|dry, scaly|excoriated eczematous} {rashNoun} {on the flexural surfaces|over the antecubital fossae|on both cheeks}', '{Dry|Scaly|Excoriated} {rash} over the {antecubital|popliteal} fossae; {skin} otherwise intact', '{skin}: {patchy|diffuse} {rash}{ with excoriations|}'),
  deny: bank('{skin}: {warm, dry|warm and dry|intact}, no {rash}', '{skin} intact{ without| with no} {rash}', 'No {rash}{ or lesions| noted|}'),
  plain: bank('{skin}: {warm and dry|no lesions|normal turgor}', '{skin} {intact|unremarkable}{, no jaundice|}'),
};

// prettier-ignore
const ears = {
  // No side: the assessment writes the diagnosis's side ("right otitis media", render/mentions.ts),
  // the encounter's (`Findings.otitisSide`); until 1.4.0 the exam drew its own ("Left tympanic
  // membrane red and dull", then "Right otitis media"), and until 1.5.0 each assessment mention did.
  infected: bank('{eardrum} {erythematous and bulging|bulging with purulent effusion|red and dull}', '{eardrum} {red and bulging|opaque and bulging} with {decreased|absent} mobility', 'HEENT: bulging {eardrum}{, purulent effusion|, loss of landmarks|}'),
  // Abnormal but not diagnostic: fits both "suspicious for AOM" and "AOM ruled out" (until 1.4.0 a
  // suspected otitis media had a "pearly gray" eardrum).
  equivocal: bank('{eardrum} {mildly erythematous|injected|slightly dull} without bulging', 'HEENT: {eardrum} {mildly erythematous|injected}, {landmarks visible|normal mobility|no bulging}', '{eardrum} with {mild erythema|a small serous effusion}{, no bulging|, mobility mildly decreased|}'),
  normal: bank('{eardrum} {clear|pearly gray|normal} bilaterally', 'HEENT: {eardrum} {pearly gray|clear}{, oropharynx clear|, nares patent|}', 'HEENT: normocephalic, {eardrum} {normal|clear}'),
};

// prettier-ignore
const neuro = {
  deficit: bank('Neuro: {sx}{, otherwise nonfocal|; strength otherwise 5/5|}', '{Neuro|Neurologic}: {sx} noted', 'Neurologic exam notable for {sx}{, NIHSS {3|4|6}|}'),
  normal: bank('Neuro: {alert, oriented x3|A&Ox3|grossly intact}{, nonfocal|, CN II-XII intact|}', '{Neuro|Neurologic}: {grossly intact|no focal deficits}', '{A&O x3|Alert and oriented}, moves all extremities'),
  child: bank('Neuro: {grossly intact|normal tone}{, moves all extremities|}', '{Neuro|Neurologic}: {no focal deficits|age-appropriate}'),
};

// The side is the patient's (`Findings.breastSide`; until 1.5.0 drawn per note, so the mass moved).
// prettier-ignore
const breast = bank('{breast}: palpable {mass} in the {side} {breast}{, upper outer quadrant|}', '^{side} {breast} with a {firm|hard|palpable} {mass}');

/**
 * How an examiner writes the signs (same concepts and codes as the symptoms); the first is the noun
 * alone, for templates that qualify it themselves ("end-expiratory {wheezeNoun}": until 1.4.0 such
 * lines could read "end-expiratory expiratory wheezes" and "1+ pitting pitting edema").
 */
const signTerms: Partial<Record<SymptomKey, readonly string[]>> = {
  edema: ['edema', 'pitting edema', 'peripheral edema'],
  wheezing: ['wheezes', 'wheezing', 'expiratory wheezes'],
  rash: ['rash', 'erythematous rash'],
  breastLump: ['mass', 'breast mass'],
};
/**
 * "Eczematous" only of atopic dermatitis's rash, and a denial says "no rash" (until 1.4.0 a third of
 * all skin denials, wellness visits included, read "no eczematous rash").
 */
const eczemaTerms = ['rash', 'eczematous rash', 'erythematous rash'];
const deniedRashTerms = ['rash'];

function writeSign(
  c: Composer,
  key: SymptomKey,
  assertion: 'present' | 'negated',
  noun = false,
  eczema = false,
): void {
  const terms =
    key !== 'rash'
      ? signTerms[key]
      : assertion === 'negated'
        ? deniedRashTerms
        : eczema
          ? eczemaTerms
          : signTerms.rash;
  if (!terms) return void writeSymptom(c, key, assertion);
  c.b.entity(noun ? terms[0]! : c.rng.pick(terms), 'Symptom', assertion, {
    code: symptoms[key].code,
    system: systems.snomed,
  });
}

/** The rash is atopic dermatitis's: the visit is for it, or the patient has it and no drug is blamed. */
function eczematous(c: Composer): boolean {
  if ((c.truth.reason ?? c.truth.suspected) === 'atopic-dermatitis') return true;
  return c.plan.adverseEffect?.symptom !== 'rash' && hasPresent(c.truth, 'atopic-dermatitis');
}

/**
 * Upper limits of a normal awake heart rate by age, [under this age, limit] (PALS 2020: infant
 * 100-180, toddler 98-140, preschool 80-120, school age 75-118, adolescent and adult 60-100).
 */
const tachycardiaAbove: readonly (readonly [number, number])[] = [
  [1, 180],
  [3, 140],
  [6, 120],
  [12, 118],
  [Infinity, 100],
];
/** From 12, below 50/min (a generator choice: rates of 50-59 are usually still charted "RRR"). */
const bradycardiaBelow = 50;

/** The measured heart rate the note shows against the age's normal range. */
export function heartRateBand(c: Composer): 'fast' | 'slow' | 'normal' {
  const rate = c.truth.measurements.find((m) => m.key === 'heartRate')?.value;
  if (rate === undefined) return 'normal';
  const age = c.truth.ageYears;
  if (rate > tachycardiaAbove.find(([under]) => age < under)![1]) return 'fast';
  return age >= 12 && rate < bradycardiaBelow ? 'slow' : 'normal';
}

/**
 * The rhythm is irregular when the visit is for atrial fibrillation or the patient has it (the
 * generator models it as persistent: a higher resting rate at every visit, state/physiology.ts; until
 * 1.4.0 most notes of patients with AF said "regular rate and rhythm" unless it was the reason).
 */
function heartLine(c: Composer): readonly Template[] {
  const fibrillating =
    (c.truth.reason ?? c.truth.suspected) === 'atrial-fibrillation' ||
    hasPresent(c.truth, 'atrial-fibrillation');
  const band = heartRateBand(c);
  if (fibrillating) return band === 'fast' ? heart.irregularFast : heart.irregular;
  return band === 'fast' ? heart.fast : band === 'slow' ? heart.slow : heart.regular;
}

/**
 * Share of children weighed for otitis media (a febrile child, ear pain) whose eardrums are mildly
 * red or dull without bulging: 0.6, a generator choice. The assessment, written after the exam, may
 * call otitis media possible or ruled out; the equivocal finding fits both, a normal one only the second.
 */
const equivocalEardrumShare = 0.6;

function earLine(c: Composer): readonly Template[] | undefined {
  if (c.truth.reason === 'otitis-media') return ears.infected;
  // A suspected one, or one still active at another visit (on antibiotics; an effusion outlasts AOM
  // by weeks): until 1.4.0 "acute otitis media, on amoxicillin" came with a "clear" eardrum.
  const active = hasPresent(c.truth, 'otitis-media');
  if (c.truth.suspected === 'otitis-media' || active) return ears.equivocal;
  if (c.truth.ageYears >= 12) return undefined;
  const weighed = c.truth.presentation?.differentials.includes('otitis-media') ?? false;
  return weighed && c.rng.chance(equivocalEardrumShare) ? ears.equivocal : ears.normal;
}

function examSlots(c: Composer): Slots {
  const eczema = eczematous(c);
  const sign =
    (key: SymptomKey, assertion: 'present' | 'negated', noun = false): (() => void) =>
    () =>
      writeSign(c, key, assertion, noun, eczema);
  const female = c.truth.patient.demographics.sex === 'female';
  const asserted = (key: SymptomKey): 'present' | 'negated' =>
    c.plan.present.includes(key) ? 'present' : 'negated';
  const [wheeze, edema, rash] = [asserted('wheezing'), asserted('edema'), asserted('rash')];
  const speechless = c.plan.present.includes('aphasia') || c.plan.present.includes('dysarthria');
  let tender: Site | undefined;
  const tenderSite = (): Site => (tender ??= c.rng.pick(tenderSites(c)));
  const child = female ? 'girl' : 'boy';
  return {
    person: (b) =>
      b.text(
        c.truth.ageYears < 1
          ? c.rng.pick(['infant', child])
          : c.truth.ageYears < 18
            ? child
            : c.rng.pick(female ? ['woman', 'female', 'patient'] : ['man', 'male', 'patient']),
      ),
    talks: c.truth.ageYears >= 4 && !speechless ? gate : undefined,
    site: (b) => {
      const s = tenderSite();
      b.text(b.abbreviate(s.noun, s.short));
    },
    siteAdjective: (b) => {
      const s = tenderSite();
      b.text(b.abbreviate(s.adjective, s.short));
    },
    lungs: () => writeAnatomy(c, 'lungs'),
    heart: () => writeAnatomy(c, 'heart'),
    abdomen: () => writeAnatomy(c, 'abdomen'),
    legs: () => writeAnatomy(c, 'legs'),
    skin: () => writeAnatomy(c, 'skin'),
    eardrum: () => writeAnatomy(c, 'eardrum'),
    side: (b) => b.text(c.findings.breastSide),
    breast: () => writeAnatomy(c, 'breast'),
    wheeze: sign('wheezing', wheeze),
    wheezeNoun: sign('wheezing', wheeze, true),
    edema: sign('edema', edema),
    edemaNoun: sign('edema', edema, true),
    rash: sign('rash', rash),
    rashNoun: sign('rash', rash, true),
    mass: sign('breastLump', 'present'),
    sx: () => {
      const deficits = c.plan.present.filter(
        (s) => s === 'dysarthria' || s === 'aphasia' || s === 'weakness',
      );
      deficits.forEach((s, i) => {
        if (i > 0) c.b.text(', ');
        writeSymptom(c, s, 'present');
      });
    },
  };
}

/** Each exam line: which bank to use, decided from the plan (present signs, allowed denials). */
function examLines(c: Composer): (readonly Template[])[] {
  const has = (s: SymptomKey): boolean => c.plan.present.includes(s);
  const reason = c.truth.reason;
  const age = c.truth.ageYears;
  const lines = [
    c.truth.acute
      ? age < 4
        ? general.acuteChild
        : general.acute
      : age < 5
        ? general.wellChild
        : general.well,
    has('wheezing')
      ? lungs.wheeze
      : reason === 'heart-failure' && c.truth.acute
        ? lungs.crackles
        : reason === 'copd' && c.truth.acute
          ? lungs.diminished
          : claimNegative(c, 'wheezing')
            ? lungs.deny
            : has('dyspnea')
              ? lungs.clearDyspneic
              : lungs.clear,
    heartLine(c),
    has('abdominalPain') && c.rng.chance(abdominalTendernessShare)
      ? abdomen.tender
      : abdomen.benign,
    has('edema') ? legs.edema : claimNegative(c, 'edema') ? legs.deny : legs.plain,
  ];
  if (has('rash')) lines.push(eczematous(c) ? skin.rash : skin.other);
  else if (c.style.verbosity > 0) lines.push(claimNegative(c, 'rash') ? skin.deny : skin.plain);
  const ear = earLine(c);
  if (ear) lines.splice(1, 0, ear);
  if (has('breastLump')) lines.push(breast);
  if (has('dysarthria') || has('aphasia') || has('weakness')) lines.push(neuro.deficit);
  else if (c.style.verbosity > 1) lines.push(c.truth.ageYears < 5 ? neuro.child : neuro.normal);
  return lines;
}

export function writeExam(c: Composer): void {
  writeHeader(c, 'exam');
  const vitals = shownMeasurements(c, true);
  if (vitals.length > 0) {
    c.b.text(c.rng.pick(['Vitals: ', 'VS: ', 'Vital signs: ', '', 'VS ']));
    writeMeasurements(c, vitals, c.rng.chance(0.75));
  }
  const slots = examSlots(c);
  const separator = c.style.lists === 'comma' || c.style.lists === 'prose' ? '. ' : '\n';
  for (const line of examLines(c)) {
    c.b.capitalise();
    say(c.b, line, c.rng, slots);
    c.b.verbatim(separator);
  }
  if (separator !== '\n') c.b.verbatim('\n');
}
